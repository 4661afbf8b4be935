package support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a consumer group (a Kafka Streams application id) stands: its committed offsets, and the end
 * offsets (read_committed, as the engine reads) of the partitions it commits and of its source topic.
 * A Streams app's repartition topics are among the former: its events are counted only after those.
 * Needs kafka-clients on the class path.
 */
public record GroupOffsets(String group, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {

    public static Admin admin(String bootstrap, int apiTimeoutMs) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(apiTimeoutMs));
        return Admin.create(p);
    }

    public static List<TopicPartition> partitions(Admin admin, String topic, long timeoutSeconds) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutSeconds, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Reads the group's offsets and the end offsets of those partitions and of {@code source}. */
    public static GroupOffsets read(Admin admin, String group, Collection<TopicPartition> source, long timeoutSeconds)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(timeoutSeconds, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        source.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        offsets.keySet().forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(spec, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(timeoutSeconds, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((tp, o) -> committed.put(tp, o == null ? 0 : o.offset()));
        return new GroupOffsets(group, committed, end);
    }

    public long committed(TopicPartition tp) {
        return committed.getOrDefault(tp, 0L);
    }

    public long lag(TopicPartition tp) {
        return Math.max(0, end.get(tp) - committed(tp));
    }

    /** The lag summed per topic, by name. */
    public Map<String, Long> lagByTopic() {
        Map<String, Long> lag = new TreeMap<>();
        end.keySet().forEach(tp -> lag.merge(tp.topic(), lag(tp), Long::sum));
        return lag;
    }

    public long lagOn(String topic) {
        return lagByTopic().getOrDefault(topic, 0L);
    }

    public long lagAll() {
        return lagByTopic().values().stream().mapToLong(Long::longValue).sum();
    }

    public long committedOn(String topic) {
        return end.keySet().stream().filter(tp -> tp.topic().equals(topic)).mapToLong(this::committed).sum();
    }

    public long endOn(String topic) {
        return end.entrySet().stream().filter(e -> e.getKey().topic().equals(topic)).mapToLong(Map.Entry::getValue).sum();
    }
}
