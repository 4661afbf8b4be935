package de.weserems.integration.ingest.providers;

import de.weserems.integration.events.District;
import de.weserems.integration.events.providers.ProviderEntry;
import de.weserems.integration.ingest.IngestProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data providers: those configured in {@code ingest.providers} (the bootstrap, and what tests use) merged
 * with those admins manage on the providers topic ({@link ManagedProviders}). A managed entry adds a provider
 * or overrides a configured one's name and districts and adds its keys; a configured key stays valid while it
 * is configured. A key is looked up by comparing its SHA-256 with every hash in constant time, so neither the
 * key nor the timing tells anything; a managed key counts only while it is neither expired nor revoked.
 */
@Component
public class ProviderRegistry {

    /** The key id of a key from the configuration ({@code key-sha256}), as the audit names it. */
    public static final String CONFIGURED_KEY_ID = "config";

    private record Entry(Provider provider, byte[] keyHash, String keyId, Instant expires, Instant revokedAt) {

        boolean validAt(Instant now) {
            return (revokedAt == null || now.isBefore(revokedAt)) && (expires == null || now.isBefore(expires));
        }
    }

    /** The merged view of one version of the managed entries. */
    private record Merged(Map<String, ProviderEntry> source, List<Entry> keys, Map<String, Provider> providers) {
    }

    /**
     * A provider and which of its keys matched.
     *
     * @param keyId names the key in the audit and to an admin; never the key or its hash
     */
    public record KeyMatch(Provider provider, String keyId) {
    }

    private final List<Entry> configured;
    private final ManagedProviders managed;
    private final Clock clock;
    private volatile Merged merged;

    /** Only the configured providers, as in a test without Kafka. */
    public ProviderRegistry(IngestProperties properties, Environment environment) {
        this(properties, environment, null, Clock.systemUTC());
    }

    @Autowired
    public ProviderRegistry(IngestProperties properties, Environment environment, ManagedProviders managed, Clock clock) {
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
            Provider provider = new Provider(p.id(), p.name() == null ? p.id() : p.name(), districts(p.id(), p.districts()));
            list.add(new Entry(provider, HexFormat.of().parseHex(p.keySha256().toLowerCase()), CONFIGURED_KEY_ID, null, null));
        }
        this.configured = List.copyOf(list);
        this.managed = managed;
        this.clock = clock;
        this.merged = merge(Map.of());
    }

    /** The provider this key belongs to. */
    public Optional<Provider> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return match(ApiKeys.sha256(apiKey)).map(KeyMatch::provider);
    }

    /** The provider and key whose SHA-256 this is, if that key is valid now. */
    Optional<KeyMatch> match(byte[] keyHash) {
        Instant now = clock.instant();
        KeyMatch found = null;
        for (Entry entry : current().keys()) {
            // no early exit: every entry is compared, whatever matched
            if (MessageDigest.isEqual(entry.keyHash(), keyHash) && entry.validAt(now)) {
                found = new KeyMatch(entry.provider(), entry.keyId());
            }
        }
        return Optional.ofNullable(found);
    }

    /** The provider with this id, for a service client that sends on its behalf. */
    Optional<Provider> byId(String providerId) {
        return Optional.ofNullable(current().providers().get(providerId));
    }

    public List<Provider> providers() {
        return List.copyOf(current().providers().values());
    }

    /** The merged view, made again when the managed entries changed since. */
    private Merged current() {
        Merged m = merged;
        Map<String, ProviderEntry> now = managed == null ? Map.of() : managed.entries();
        if (m.source() != now) {
            m = merge(now);
            merged = m;
        }
        return m;
    }

    private Merged merge(Map<String, ProviderEntry> managedEntries) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        configured.forEach(e -> providers.put(e.provider().id(), e.provider()));
        managedEntries.values().forEach(e -> providers.put(e.id(), new Provider(e.id(), e.name(), managedDistricts(e))));
        List<Entry> keys = new ArrayList<>();
        for (Entry e : configured) {
            keys.add(new Entry(providers.get(e.provider().id()), e.keyHash(), e.keyId(), null, null));
        }
        for (ProviderEntry e : managedEntries.values()) {
            for (ProviderEntry.Key k : e.keys()) {
                keys.add(new Entry(providers.get(e.id()), HexFormat.of().parseHex(k.sha256()), k.keyId(), k.expires(),
                        k.revokedAt()));
            }
        }
        return new Merged(managedEntries, List.copyOf(keys), Map.copyOf(providers));
    }

    /**
     * The districts of a managed provider. Its record was checked by the admin page; what is not a district here
     * anyway is left out rather than stop every request, so a provider may at worst report for fewer districts.
     */
    private static Set<District> managedDistricts(ProviderEntry entry) {
        if (entry.districts().contains("*")) {
            return EnumSet.allOf(District.class);
        }
        EnumSet<District> set = EnumSet.noneOf(District.class);
        entry.districts().forEach(ags -> District.byAgs(ags).ifPresent(set::add));
        return set;
    }

    /** The districts of a configured provider; an unknown AGS or none stops the start. */
    private static Set<District> districts(String id, Collection<String> ags) {
        if (ags == null || ags.isEmpty()) {
            throw new IllegalStateException("provider " + id + ": no districts configured");
        }
        if (ags.contains("*")) {
            return EnumSet.allOf(District.class);
        }
        EnumSet<District> set = EnumSet.noneOf(District.class);
        for (String code : ags) {
            set.add(District.byAgs(code).orElseThrow(() -> new IllegalStateException(
                    "provider " + id + ": " + code + " is not a district of Weser-Ems")));
        }
        return set;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
