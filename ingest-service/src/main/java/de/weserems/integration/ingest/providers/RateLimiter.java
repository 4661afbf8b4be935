package de.weserems.integration.ingest.providers;

import de.weserems.integration.ingest.IngestProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-provider rate limit in events per second: a Bucket4j token bucket per provider, one token
 * per event, refilled greedily at the configured rate up to the burst. A bulk upload of up to
 * {@code burst} events passes at once; beyond that the provider is told when to come back.
 *
 * <p>The buckets live in this instance: with N instances behind a proxy a provider may send up to
 * N times the rate. That is deliberate: the limit protects each instance, not a quota.
 */
@Component
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IngestProperties properties;

    public RateLimiter(IngestProperties properties) {
        this.properties = properties;
    }

    /**
     * Takes {@code events} tokens from the provider's bucket if it holds them.
     *
     * @return empty when allowed, otherwise the whole seconds to wait before the same request would pass
     */
    public OptionalLong tryTake(Provider provider, int events) {
        Bucket bucket = buckets.computeIfAbsent(provider.id(), id -> {
            IngestProperties.RateLimit limit = properties.rateLimitOf(id);
            return Bucket.builder()
                    .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.eventsPerSecond(), Duration.ofSeconds(1)))
                    .build();
        });
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(events);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
