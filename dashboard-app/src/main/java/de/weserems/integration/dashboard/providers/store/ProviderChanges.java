package de.weserems.integration.dashboard.providers.store;

import de.weserems.integration.events.providers.ApiKeyHashes;
import de.weserems.integration.events.providers.ProviderEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an admin can do to a provider, as new versions of its {@link ProviderEntry}: each one whole, stamped with
 * who and when, so the compacted topic's latest record is the provider's full state and its own audit line.
 * Keys are never removed from an entry: a revoked or expired one stays, so the audit's key ids stay explained.
 */
final class ProviderChanges {

    private ProviderChanges() {
    }

    /**
     * A key just issued: {@code key} is shown once and stored nowhere.
     *
     * @param entry the provider's new entry, holding the key's hash
     */
    record Issued(ProviderEntry entry, String keyId, String key) {
    }

    static ProviderEntry created(String id, String name, Set<String> districts, String by, Instant at) {
        return new ProviderEntry(id, name, districts, List.of(), by, at);
    }

    static ProviderEntry renamed(ProviderEntry was, String name, Set<String> districts, String by, Instant at) {
        return new ProviderEntry(was.id(), name, districts, was.keys(), by, at);
    }

    /** A new key beside the others, valid until {@code expires} ({@code null}: no end). */
    static Issued issued(ProviderEntry was, Instant expires, String by, Instant at) {
        String key = ApiKeyHashes.newKey();
        String keyId = "k" + (was.keys().size() + 1) + "-" + ApiKeyHashes.newKey().substring(0, 6);
        List<ProviderEntry.Key> keys = new ArrayList<>(was.keys());
        keys.add(new ProviderEntry.Key(keyId, ApiKeyHashes.sha256Hex(key), at, expires, null));
        return new Issued(new ProviderEntry(was.id(), was.name(), was.districts(), keys, by, at), keyId, key);
    }

    /** A new key, and the old one valid only until {@code overlapUntil}, so the provider can switch in that time. */
    static Issued rotated(ProviderEntry was, String oldKeyId, Instant overlapUntil, Instant expires, String by,
                          Instant at) {
        ProviderEntry ending = withKey(was, oldKeyId, k -> new ProviderEntry.Key(k.keyId(), k.sha256(), k.created(),
                k.expires() != null && k.expires().isBefore(overlapUntil) ? k.expires() : overlapUntil, k.revokedAt()),
                by, at);
        return issued(ending, expires, by, at);
    }

    /** The key stops at once. */
    static ProviderEntry revoked(ProviderEntry was, String keyId, String by, Instant at) {
        return withKey(was, keyId, k -> new ProviderEntry.Key(k.keyId(), k.sha256(), k.created(), k.expires(),
                k.revokedAt() == null ? at : k.revokedAt()), by, at);
    }

    private static ProviderEntry withKey(ProviderEntry was, String keyId,
                                         java.util.function.UnaryOperator<ProviderEntry.Key> change, String by,
                                         Instant at) {
        if (was.keys().stream().noneMatch(k -> k.keyId().equals(keyId))) {
            throw new IllegalArgumentException("provider " + was.id() + " has no key " + keyId);
        }
        List<ProviderEntry.Key> keys = was.keys().stream().map(k -> k.keyId().equals(keyId) ? change.apply(k) : k)
                .toList();
        return new ProviderEntry(was.id(), was.name(), was.districts(), keys, by, at);
    }
}
