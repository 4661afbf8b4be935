package de.weserems.integration.ingest.providers;

import de.weserems.integration.ingest.IngestProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The services allowed to send on behalf of a provider ({@code ingest.service-clients}), such as the
 * dashboard's upload page, so that a provider's API key never has to be in a browser. Only the SHA-256 of
 * each key is configured; the documented local key is refused outside the {@code local} profile.
 */
@Component
public class ServiceClients {

    /** The documented key of the local dashboard; refused outside the {@code local} profile. */
    public static final String LOCAL_SERVICE_KEY = "local-service-key";

    private record Entry(String name, byte[] keyHash) {
    }

    private final List<Entry> entries;

    public ServiceClients(IngestProperties properties, Environment environment) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        String localHash = ApiKeys.sha256Hex(LOCAL_SERVICE_KEY);
        this.entries = properties.serviceClients().stream().map(c -> {
            if (c.name() == null || c.name().isBlank()) {
                throw new IllegalStateException("a service client without name");
            }
            if (c.keyHash() == null || !c.keyHash().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("service client " + c.name()
                        + ": key-hash must be 64 hex digits (the SHA-256 of its key)");
            }
            if (!local && c.keyHash().equalsIgnoreCase(localHash)) {
                throw new IllegalStateException("service client " + c.name() + " uses the documented local service "
                        + "key; that key is only allowed with the Spring profile 'local'. Create a real key "
                        + "(docs/providers.md, 'The dashboard's service key').");
            }
            return new Entry(c.name(), HexFormat.of().parseHex(c.keyHash().toLowerCase()));
        }).toList();
    }

    /** The name of the client whose key has this SHA-256; every entry is compared, in constant time. */
    Optional<String> match(byte[] keyHash) {
        String found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.keyHash(), keyHash)) {
                found = entry.name();
            }
        }
        return Optional.ofNullable(found);
    }
}
