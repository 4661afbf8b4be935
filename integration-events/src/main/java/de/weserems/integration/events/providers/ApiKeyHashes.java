package de.weserems.integration.events.providers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How an API key is made and hashed, in one place: the dashboard's admin page makes keys and stores their
 * hash, ingest hashes what a caller sends and compares; both must agree to the byte.
 */
public final class ApiKeyHashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyHashes() {
    }

    /** The SHA-256 of a key's UTF-8 bytes. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** {@link #sha256} as 64 lower-case hex digits, as configured and stored. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** A new random key of 256 bits, URL-safe. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
