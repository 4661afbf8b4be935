package de.weserems.integration.dashboard.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where ingest is and the service credential the upload page speaks to it with (docs/configuration.md). The key
 * never leaves the server: the browser sends the file to the dashboard, the dashboard to ingest.
 *
 * @param baseUrl        ingest's address, e.g. {@code http://ingest:8081}; without it the upload page says
 *                       uploading is not set up
 * @param serviceKey     the service key ingest knows under {@code ingest.service-clients}; secret
 * @param connectTimeout how long to wait for a connection to ingest
 * @param timeout        how long to wait for ingest's answer to one file (10 MB of CSV takes seconds)
 */
@ConfigurationProperties("dashboard.ingest")
public record IngestSettings(URI baseUrl, String serviceKey, @DefaultValue("5s") Duration connectTimeout,
                             @DefaultValue("120s") Duration timeout) {

    /** The local profile's service key; ingest's local profile knows it too. Refused in any other profile. */
    public static final String LOCAL_SERVICE_KEY = "local-service-key";

    /** The largest file ingest accepts ({@code ingest.limits.max-bytes}); the page refuses larger ones at once. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** Whether both the address and the key are set. */
    public boolean configured() {
        return baseUrl != null && serviceKey != null && !serviceKey.isBlank();
    }

    /** Hides the key from logs and error messages. */
    @Override
    public String toString() {
        return "IngestSettings[baseUrl=" + baseUrl + ", serviceKey=" + (serviceKey == null ? "unset" : "(hidden)")
                + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + "]";
    }
}
