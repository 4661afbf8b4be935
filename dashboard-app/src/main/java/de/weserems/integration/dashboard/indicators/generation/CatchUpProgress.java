package de.weserems.integration.dashboard.indicators.generation;

import java.time.Duration;
import java.time.Instant;

/**
 * How far one engine generation has got through the event log, measured from Kafka: its consumer
 * group's committed offsets against the event topic's first and last offsets.
 *
 * @param generation   the generation
 * @param measuredAt   when
 * @param processed    records of the event log it has processed (dead letters and transaction markers included)
 * @param total        records in the event log now
 * @param internal     records on the generation's own repartition topics not yet processed: the way from
 *                     an event read to its figure
 * @param perSecond    records processed per second since the previous measurement; 0 when unknown
 * @param caughtUpSince since when the rest has stayed at most {@link EngineProperties#caughtUpLag()};
 *                     {@code null} while it has not
 */
public record CatchUpProgress(EngineGeneration generation, Instant measuredAt, long processed, long total,
                              long internal, double perSecond, Instant caughtUpSince) {

    /** Records left to process: of the event log, and on the way through the engine. */
    public long remaining() {
        return Math.max(0, total - processed) + internal;
    }

    /** Processed of total as a fraction from 0 to 1 (1 for an empty log). */
    public double fraction() {
        return total == 0 ? 1 : Math.min(1, (double) processed / total);
    }

    /** How long the rest of the event log takes at the present rate, if it is moving. */
    public Duration timeLeft() {
        return perSecond <= 0 ? null : Duration.ofMillis((long) (Math.max(0, total - processed) / perSecond * 1000));
    }
}
