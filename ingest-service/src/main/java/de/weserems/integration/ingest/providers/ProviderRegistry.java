package de.weserems.integration.ingest.providers;

import de.weserems.integration.events.District;
import de.weserems.integration.ingest.IngestProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured data providers. A key is looked up by comparing its SHA-256 with every
 * configured hash in constant time, so neither the key nor the timing tells anything.
 */
@Component
public class ProviderRegistry {

    /** The key id of a key from the configuration ({@code key-sha256}), as the audit names it. */
    public static final String CONFIGURED_KEY_ID = "config";

    private record Entry(Provider provider, byte[] keyHash) {
    }

    /**
     * A provider and which of its keys matched.
     *
     * @param keyId names the key in the audit and to an admin; never the key or its hash
     */
    public record KeyMatch(Provider provider, String keyId) {
    }

    private final List<Entry> entries;

    public ProviderRegistry(IngestProperties properties, Environment environment) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        String demoHash = ApiKeys.sha256Hex(ApiKeys.LOCAL_DEMO_KEY);
        List<Entry> list = new ArrayList<>();
        for (IngestProperties.Provider p : properties.providers()) {
            require(p.id() != null && !p.id().isBlank(), "a provider without id");
            require(p.keySha256() != null && p.keySha256().matches("[0-9a-fA-F]{64}"),
                    "provider " + p.id() + ": key-sha256 must be 64 hex digits (the SHA-256 of its key)");
            if (!local && p.keySha256().equalsIgnoreCase(demoHash)) {
                throw new IllegalStateException("provider " + p.id() + " uses the documented local demo key; "
                        + "that key is only allowed with the Spring profile 'local'. Create a real key (docs/providers.md, 'A new API key').");
            }
            list.add(new Entry(new Provider(p.id(), p.name() == null ? p.id() : p.name(), districts(p)),
                    HexFormat.of().parseHex(p.keySha256().toLowerCase())));
        }
        this.entries = List.copyOf(list);
    }

    /** The provider this key belongs to. */
    public Optional<Provider> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return match(ApiKeys.sha256(apiKey)).map(KeyMatch::provider);
    }

    /** The provider and key whose SHA-256 this is. */
    Optional<KeyMatch> match(byte[] keyHash) {
        KeyMatch found = null;
        for (Entry entry : entries) {
            // no early exit: every entry is compared, whatever matched
            if (MessageDigest.isEqual(entry.keyHash(), keyHash)) {
                found = new KeyMatch(entry.provider(), CONFIGURED_KEY_ID);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The provider with this id, for a service client that sends on its behalf. */
    Optional<Provider> byId(String providerId) {
        return entries.stream().map(Entry::provider).filter(p -> p.id().equals(providerId)).findFirst();
    }

    public List<Provider> providers() {
        return entries.stream().map(Entry::provider).toList();
    }

    private static Set<District> districts(IngestProperties.Provider p) {
        if (p.districts() == null || p.districts().isEmpty()) {
            throw new IllegalStateException("provider " + p.id() + ": no districts configured");
        }
        if (p.districts().contains("*")) {
            return EnumSet.allOf(District.class);
        }
        EnumSet<District> set = EnumSet.noneOf(District.class);
        for (String ags : p.districts()) {
            set.add(District.byAgs(ags).orElseThrow(() -> new IllegalStateException(
                    "provider " + p.id() + ": " + ags + " is not a district of Weser-Ems")));
        }
        return set;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
