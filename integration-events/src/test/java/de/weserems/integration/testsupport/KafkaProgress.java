package de.weserems.integration.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How far Kafka readers have got, and waiting until they have read everything written so far: the
 * barrier a test needs to show that nothing more happens, instead of sleeping and hoping.
 *
 * <p>"Written so far" is a partition's high watermark ({@code read_uncommitted} end offset). The
 * {@code read_committed} end offset would miss a transaction whose commit was acknowledged but whose
 * commit markers are not written yet (the transaction coordinator answers the commit first), which is
 * exactly the state right after a service acknowledged a write. A {@code read_committed} reader gets
 * past the high watermark once no transaction on the partition is open any more.
 */
public final class KafkaProgress {

    private KafkaProgress() {
    }

    /** The end offsets (high watermarks) of every partition of {@code topics}. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
        Set<TopicPartition> partitions = get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        return endOffsetsOf(admin, partitions);
    }

    /** The end offsets (high watermarks) of {@code partitions}. */
    public static Map<TopicPartition, Long> endOffsetsOf(Admin admin, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all())
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The offsets consumer group {@code group} has committed (partitions without a commit are missing). */
    public static Map<TopicPartition, Long> committed(Admin admin, String group) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((p, o) -> {
            if (o != null) {
                committed.put(p, o.offset());
            }
        });
        return committed;
    }

    /**
     * The topics a Kafka Streams application reads: its {@code sources} and its own internal topics
     * ({@code <applicationId>-…}) except the changelogs, that is its repartition topics.
     */
    public static Set<String> streamsInputs(Admin admin, String applicationId, Collection<String> sources) {
        Set<String> inputs = get(admin.listTopics().names()).stream()
                .filter(t -> t.startsWith(applicationId + "-") && !t.endsWith("-changelog"))
                .collect(Collectors.toCollection(TreeSet::new));
        inputs.addAll(sources);
        return inputs;
    }

    /**
     * Waits until consumer group {@code group} has committed, on every partition of the topics
     * {@code inputs} names, an offset at or past the partition's end offset. Then again with the end
     * offsets of then, until they no longer grow: a group that writes to topics it reads (a Kafka
     * Streams application's repartition topics) has then also processed what it wrote itself. Under
     * exactly-once what the group wrote while processing is committed with the offsets, so it is all
     * on its output topics when this returns.
     *
     * @param inputs asked each round, so topics created meanwhile count
     * @param timeout for each round
     * @return how many rounds it took (the last one finds nothing new)
     */
    public static int awaitGroupCaughtUp(Admin admin, String group, Supplier<? extends Collection<String>> inputs,
                                          Duration timeout) {
        Map<TopicPartition, Long> processed = Map.of();
        for (int round = 1; ; round++) {
            Map<TopicPartition, Long> written = endOffsets(admin, inputs.get());
            if (written.equals(processed)) {
                return round;
            }
            assertThat(round).as("rounds until nothing more is written to the inputs of group %s (still growing: %s)",
                    group, written).isLessThanOrEqualTo(20);
            await().alias("group " + group + " has committed the end offsets of its inputs (round " + round + ")")
                    .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(behind(committed(admin, group), written))
                            .as("partitions where group %s's committed offset is below the end offset", group)
                            .isEmpty());
            processed = written;
        }
    }

    /**
     * Waits until a reader that reads whole partitions without a group (e.g. a topic tail) has read,
     * on every partition it reads, up to the end offset the partition has when this is called.
     *
     * @param positions the reader's partitions with the next offset it will read; empty while it is not
     *                  reading (not started, reconnecting), which this waits out first
     */
    public static void awaitPositions(String reader, Admin admin, Supplier<Map<TopicPartition, Long>> positions,
                                      Duration timeout) {
        Set<TopicPartition> partitions = await().alias(reader + " reads its partitions").atMost(timeout)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> positions.get().keySet(), p -> !p.isEmpty());
        Map<TopicPartition, Long> written = endOffsetsOf(admin, partitions);
        await().alias(reader + " has read the end offsets " + new TreeMap<>(byName(written)))
                .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(behind(positions.get(), written))
                        .as("partitions where %s's position is below the end offset", reader).isEmpty());
    }

    /**
     * The partitions where {@code offsets} (committed offsets or positions) are below {@code target},
     * as {@code topic-partition → "offset < target"}; partitions with nothing written do not count.
     */
    static Map<String, String> behind(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> target) {
        Map<String, String> behind = new TreeMap<>();
        target.forEach((p, end) -> {
            Long offset = offsets.get(p);
            if (end > 0 && (offset == null || offset < end)) {
                behind.put(p.toString(), (offset == null ? "none" : offset) + " < " + end);
            }
        });
        return behind;
    }

    private static Map<String, Long> byName(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().toString(), e.getCause());
        }
    }
}
