package de.weserems.integration.ingest.providers;

import de.weserems.integration.ingest.IngestProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
 * <p>A refused request is charged too ({@link #charge}): one token per item read, at least one, even
 * below zero. Reading a body is the work, whatever the answer; otherwise garbage could be sent without
 * limit. A provider whose bucket is empty is refused before its body is read ({@link #waitBeforeAny}).
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
     * Whether the provider may send anything now; takes nothing.
     *
     * @return empty when its bucket holds a token, otherwise the whole seconds until it does
     */
    public OptionalLong waitBeforeAny(Provider provider) {
        EstimationProbe probe = bucket(provider).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /**
     * Takes {@code events} tokens from the provider's bucket if it holds them.
     *
     * @return empty when allowed, otherwise the whole seconds to wait before the same request would pass
     */
    public OptionalLong tryTake(Provider provider, int events) {
        ConsumptionProbe probe = bucket(provider).tryConsumeAndReturnRemaining(events);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Charges a refused request: one token per item read, at least one, whether the bucket holds them or not. */
    public void charge(Provider provider, int itemsRead) {
        bucket(provider).consumeIgnoringRateLimits(Math.max(1, itemsRead));
    }

    private Bucket bucket(Provider provider) {
        return buckets.computeIfAbsent(provider.id(), id -> {
            IngestProperties.RateLimit limit = properties.rateLimitOf(id);
            return Bucket.builder()
                    .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.eventsPerSecond(), Duration.ofSeconds(1)))
                    .build();
        });
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
