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

    private record Entry(Provider provider, byte[] keyHash) {
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
        byte[] hash = ApiKeys.sha256(apiKey);
        Provider found = null;
        for (Entry entry : entries) {
            // no early exit: every entry is compared, whatever matched
            if (MessageDigest.isEqual(entry.keyHash(), hash)) {
                found = entry.provider();
            }
        }
        return Optional.ofNullable(found);
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
