package de.weserems.integration.dashboard.indicators.engine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * The record key of the cell key method (docs/design.md): 32 bits that look random, fixed for an
 * event, derived from its {@code eventId} under a secret (HMAC-SHA256), so nobody without the secret —
 * not even the provider that chose the id — can compute a cell's key and take the perturbation back
 * out. Nothing but the id goes in: the key adds no personal data.
 */
@FunctionalInterface
public interface RecordKeys {

    /** The key of the event with this id, in {@code 0 … 2³² − 1}. */
    long keyOf(UUID eventId);

    /** Keys under {@code secret}; the same secret gives the same keys in every instance and generation. */
    static RecordKeys hmac(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        // doFinal resets a Mac for its next use; one per thread, as Macs are not thread-safe
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
            }
        });
        return eventId -> {
            byte[] id = ByteBuffer.allocate(16).putLong(eventId.getMostSignificantBits())
                    .putLong(eventId.getLeastSignificantBits()).array();
            return ByteBuffer.wrap(macs.get().doFinal(id)).getInt() & 0xFFFF_FFFFL;
        };
    }
}
