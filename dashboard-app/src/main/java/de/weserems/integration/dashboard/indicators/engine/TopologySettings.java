package de.weserems.integration.dashboard.indicators.engine;

import io.micrometer.core.instrument.Counter;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the indicator topology is built with, besides the topics every generation shares.
 *
 * @param indicatorsTopic      where this engine generation writes its counters
 * @param flushInterval        how long a task adds up its changes per district and month before passing
 *                             them on ({@link DeltaBuffer}): the longer, the fewer records, the later a
 *                             figure moves. Asked whenever a task starts, so it can differ while the
 *                             generation catches up ({@link EngineModes})
 * @param excludedParticipants counts the pseudonyms that left the chain figures (too many events)
 */
public record TopologySettings(String indicatorsTopic, Supplier<Duration> flushInterval, Counter excludedParticipants) {
}
