package de.weserems.integration.ingest.providers;

import java.util.Objects;

/**
 * Who a request is from: the provider it counts for, which of its keys authenticated it, and the service
 * client that sent it on the provider's behalf, if any. The audit records all three; everything else (districts,
 * rate limit, deliveries) goes by the provider alone.
 *
 * @param provider the provider the request is handled as
 * @param keyId    the id of the provider key that authenticated it; {@code null} when a service client sent it
 * @param via      the service client's name; {@code null} when the provider called itself
 */
public record Caller(Provider provider, String keyId, String via) {

    public Caller {
        Objects.requireNonNull(provider, "provider");
    }
}
