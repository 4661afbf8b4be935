package de.weserems.integration.dashboard.indicators.engine;

import io.micrometer.core.instrument.Counter;

/**
 * What the indicator topology is built with, besides the topics every generation shares.
 *
 * @param indicatorsTopic      where this engine generation writes its counters
 * @param pace                 how often the engine passes on what it added up, and commits
 *                             ({@link DeltaBuffer}): live, or rarely while the generation catches up
 * @param excludedParticipants counts the pseudonyms that left the chain figures (too many events)
 * @param recordKeys           each event's record key, summed beside every count (the cell key method)
 * @param generation           the engine generation's name ({@code v6}): its retraction outcomes carry it
 */
public record TopologySettings(String indicatorsTopic, Pace pace, Counter excludedParticipants,
                               RecordKeys recordKeys, String generation) {
}
