package de.weserems.integration.dashboard.indicators.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the indicator engine, prefix {@code dashboard.engine} (docs/configuration.md).
 *
 * @param generation       the engine generation this instance runs; raise it to reprocess the event log
 *                         (after a change of what the engine's state means, or to wipe). Every instance
 *                         serves the newest generation that has caught up, whichever it runs
 * @param flushInterval    how long the engine adds up changes per district and month before passing them on,
 *                         and commits, once its generation has caught up (live)
 * @param catchUpInterval  the same while its generation catches up with the event log: adding up over a
 *                         longer interval cuts the engine's Kafka writes per event, and nobody sees
 *                         these figures before the generation has caught up
 * @param caughtUpLag      a generation has caught up when at most this many records of the event log are
 *                         left for it to process ...
 * @param caughtUpFor      ... for at least this long without a break (or when the event log is empty)
 * @param progressInterval how often this instance measures its generation's progress (and logs it while
 *                         the generation catches up)
 */
@ConfigurationProperties("dashboard.engine")
public record EngineProperties(
        @DefaultValue("v7") String generation,
        @DefaultValue("100ms") Duration flushInterval,
        @DefaultValue("5s") Duration catchUpInterval,
        @DefaultValue("1000") long caughtUpLag,
        @DefaultValue("30s") Duration caughtUpFor,
        @DefaultValue("5s") Duration progressInterval) {

    public EngineProperties {
        new EngineGeneration(generation); // a clear message at start rather than a strange topic name
    }

    public EngineGeneration engineGeneration() {
        return new EngineGeneration(generation);
    }
}
