package de.weserems.integration.kafka;

import de.weserems.integration.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * How the shared topics are created, in one place: both services declare the event topic (either
 * may start first), and a topic created by one must look exactly as the other would create it.
 *
 * @param partitions        partitions per topic
 * @param replicationFactor replicas per partition (3 in a cluster)
 * @param minInsyncReplicas replicas that must confirm a write with {@code acks=all} (2 in a cluster)
 */
public record TopicDeclarations(int partitions, short replicationFactor, int minInsyncReplicas) {

    /** {@link Topics#EVENTS}: the system of record, kept forever. */
    public NewTopic events() {
        return topic(Topics.EVENTS, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    /** {@link Topics#INGEST_AUDIT}: request summaries for the provider view, kept 90 days. */
    public NewTopic ingestAudit() {
        return topic(Topics.INGEST_AUDIT, Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(90L * 24 * 3600 * 1000)));
    }

    /** {@link Topics#indicators}: one engine generation's latest counters per district and month, compacted. */
    public NewTopic indicators(String generation) {
        return topic(Topics.indicators(generation),
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** {@link Topics#ENGINE_GENERATIONS}: one small record per generation that caught up, compacted, one partition. */
    public NewTopic engineGenerations() {
        NewTopic topic = new NewTopic(Topics.ENGINE_GENERATIONS, 1, replicationFactor);
        return topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas)));
    }

    /** {@link Topics#EVENTS_DEAD_LETTERS}: kept forever, so a record can be counted once its producer is fixed. */
    public NewTopic eventsDeadLetters() {
        return topic(Topics.EVENTS_DEAD_LETTERS, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    /** {@link Topics#RETRACTION_OUTCOMES}: each generation's latest outcome per retraction, compacted. */
    public NewTopic retractionOutcomes() {
        return topic(Topics.RETRACTION_OUTCOMES,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** {@link Topics#TARGETS}: the latest target per indicator and area, compacted, kept (never derived). */
    public NewTopic targets() {
        return topic(Topics.TARGETS, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** {@link Topics#PROVIDERS}: the latest entry per provider, compacted, kept (never derived). */
    public NewTopic providers() {
        return topic(Topics.PROVIDERS, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private NewTopic topic(String name, Map<String, String> config) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        HashMap<String, String> all = new HashMap<>(config);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
        return topic.configs(all);
    }
}
