package de.weserems.integration.ingest.providers;

import de.weserems.integration.events.providers.ApiKeyHashes;

/**
 * API keys: only their SHA-256 is configured and compared. Run {@code main} to create a new key
 * (docs/providers.md, "A new API key").
 */
public final class ApiKeys {

    /** The documented key of the local demo provider; refused outside the {@code local} profile. */
    public static final String LOCAL_DEMO_KEY = "local-demo-key";

    private ApiKeys() {
    }

    public static byte[] sha256(String key) {
        return ApiKeyHashes.sha256(key);
    }

    public static String sha256Hex(String key) {
        return ApiKeyHashes.sha256Hex(key);
    }

    /** A new random key of 256 bits, URL-safe. */
    public static String newKey() {
        return ApiKeyHashes.newKey();
    }

    /**
     * Prints a new key once and the configuration lines for it.
     * Usage: {@code java -cp ingest-service.jar ... ApiKeys <provider-id> "<name>" <AGS,AGS|*>}.
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: new-api-key <provider-id> \"<display name>\" <AGS,AGS,...|*>");
            System.exit(2);
        }
        String key = newKey();
        System.out.println("New API key for " + args[0] + " (shown once, hand it over securely):");
        System.out.println();
        System.out.println("  " + key);
        System.out.println();
        System.out.println("Add to the ingest-service configuration (application.yml or an external file):");
        System.out.println();
        System.out.println("ingest:");
        System.out.println("  providers:");
        System.out.println("    - id: " + args[0]);
        System.out.println("      name: \"" + args[1].replace("\"", "\\\"") + "\"");
        // quoted: YAML would read an unquoted 03454 as an octal number
        System.out.println("      districts: [" + java.util.Arrays.stream(args[2].split(","))
                .map(d -> "\"" + d.strip() + "\"").collect(java.util.stream.Collectors.joining(", ")) + "]");
        System.out.println("      key-sha256: " + sha256Hex(key));
    }
}
