package de.weserems.integration.events.providers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.weserems.integration.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One provider as kept on {@link Topics#PROVIDERS}, keyed by its id: its name, its districts and all its
 * keys, so the compacted topic's latest record per provider is the whole truth about it. The dashboard's admin
 * page writes it, every ingest instance reads it; it is defined here once so both read the same fields.
 *
 * <p>A key is stored as its SHA-256 only. A rotation adds the new key and gives the old one an
 * {@code expires} at the end of the overlap; a revocation sets {@code revokedAt}, which takes effect at once.
 * Every record says who changed it and when.
 *
 * @param id        stable provider id, stamped on every event as {@code providerId}
 * @param name      display name
 * @param districts AGS of the districts it may report for
 * @param keys      its keys, valid or not; an entry is never removed, so the audit's key ids stay explained
 * @param changedBy the login of the admin who made this change
 * @param changedAt when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderEntry(String id, String name, Set<String> districts, List<Key> keys, String changedBy,
                            Instant changedAt) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ProviderEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        name = name == null ? id : name;
        districts = districts == null ? Set.of() : Set.copyOf(districts);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** The record value on the topic, UTF-8 JSON. */
    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /**
     * @throws JacksonException when it is not such a record, or lacks id, changedBy or changedAt
     */
    public static ProviderEntry fromJson(byte[] json) {
        return JSON.readValue(json, ProviderEntry.class);
    }

    /**
     * One API key of the provider.
     *
     * @param keyId     names the key in the audit and on the admin page; never the key or its hash
     * @param sha256    hex SHA-256 of the key
     * @param created   when it was issued
     * @param expires   when it stops being valid (end of a rotation's overlap, or a set expiry); {@code null}: never
     * @param revokedAt when it was revoked; {@code null}: not revoked
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Key(String keyId, String sha256, Instant created, Instant expires, Instant revokedAt) {

        public Key {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(sha256, "sha256");
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
            }
        }

        /** Whether the key authenticates a request at {@code now}. */
        public boolean validAt(Instant now) {
            return (revokedAt == null || now.isBefore(revokedAt)) && (expires == null || now.isBefore(expires));
        }
    }
}
