package de.weserems.integration.dashboard.indicators.generation;

import de.weserems.integration.events.Topics;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generation of the indicator engine: an application id of its own (so its own consumer group,
 * state and internal topics) and an indicator topic of its own. A new generation replays the event log
 * through its topology beside the one being served, and takes over once it has caught up; so a change
 * of what the engine's state means, or a wipe, never shows users partial figures.
 *
 * @param name {@code v} and a number, e.g. {@code v4}; a higher number is a newer generation
 */
public record EngineGeneration(String name) implements Comparable<EngineGeneration> {

    private static final Pattern NAME = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final String APPLICATION_ID_PREFIX = "integration-indicators-";

    public EngineGeneration {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An engine generation is 'v' and a number, e.g. v4, not '" + name + "'");
        }
    }

    /** The generation whose indicator topic this is, if it is one. */
    public static Optional<EngineGeneration> ofIndicatorsTopic(String topic) {
        if (topic == null || !topic.startsWith(Topics.INDICATORS_PREFIX)) {
            return Optional.empty();
        }
        String name = topic.substring(Topics.INDICATORS_PREFIX.length());
        return NAME.matcher(name).matches() ? Optional.of(new EngineGeneration(name)) : Optional.empty();
    }

    public int number() {
        Matcher m = NAME.matcher(name);
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    /** Kafka Streams' application id: names the consumer group, the state directory and the internal topics. */
    public String applicationId() {
        return APPLICATION_ID_PREFIX + name;
    }

    /** Where this generation writes its counters. */
    public String indicatorsTopic() {
        return Topics.indicators(name);
    }

    @Override
    public int compareTo(EngineGeneration other) {
        return Integer.compare(number(), other.number());
    }

    @Override
    public String toString() {
        return name;
    }
}
