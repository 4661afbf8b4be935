import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches the committed offsets of a consumer group (a Kafka Streams application id) with the Admin
 * client until the group has processed everything: its committed offsets on the source topic reached
 * the topic's end (read_committed) and so did those on every other topic the group commits (a
 * Streams app's repartition topics: the events are counted only after those). Used by bench/replay
 * for both the pass-through Streams app and the dashboard's indicator engine.
 *
 * <p>"First progress" is the first poll that sees a committed offset > 0 on the source topic: with
 * exactly_once_v2 and commit.interval.ms=100 that is at most about 100 ms plus one transaction after
 * the first record was processed. Polls every --poll-ms (default 100).
 *
 * <p>Writes key=value figures (epoch milliseconds and rates) to stdout and --result-file.
 */
public class GroupLag {

    static final String USAGE = """
            Usage: java -cp KAFKA_CLASSPATH bench/GroupLag.java --group=ID [options]
              --bootstrap=localhost:19092
              --topic=integration.events.v1   the source topic
              --start-ms=EPOCH_MS             when the app was started (for the rate including start-up)
              --poll-ms=100
              --timeout-seconds=1800
              --result-file=PATH
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("bootstrap", "localhost:19092", "topic",
                "integration.events.v1", "group", "", "start-ms", "0", "poll-ms", "100", "timeout-seconds", "1800",
                "result-file", ""));
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !opt.containsKey(arg.substring(2, eq))) {
                System.err.println("GroupLag: not an option: " + arg);
                System.err.print(USAGE);
                System.exit(2);
            }
            opt.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String group = opt.get("group");
        String topic = opt.get("topic");
        long startMs = Long.parseLong(opt.get("start-ms"));
        long pollMs = Long.parseLong(opt.get("poll-ms"));
        long deadline = System.currentTimeMillis() + Long.parseLong(opt.get("timeout-seconds")) * 1000;
        if (group.isBlank()) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, opt.get("bootstrap"));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> sourceSpec = new HashMap<>();
            admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().forEach(i -> sourceSpec.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest()));
            ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            long sourceEnd = 0;
            for (var e : admin.listOffsets(sourceSpec, committed).all().get(10, TimeUnit.SECONDS).values()) {
                sourceEnd += e.offset();
            }
            long firstProgress = 0;
            long lastLog = System.currentTimeMillis();
            while (true) {
                long now = System.currentTimeMillis();
                if (now > deadline) {
                    throw new IllegalStateException("group " + group + " did not catch up within the timeout");
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> spec = new HashMap<>(sourceSpec);
                offsets.keySet().forEach(tp -> spec.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(spec, committed).all().get(10, TimeUnit.SECONDS);
                long sourceCommitted = 0;
                long otherLag = 0;
                Map<String, Long> lagByTopic = new TreeMap<>();
                for (TopicPartition tp : spec.keySet()) {
                    OffsetAndMetadata o = offsets.get(tp);
                    long position = o == null ? 0 : o.offset();
                    long lag = Math.max(0, ends.get(tp).offset() - position);
                    lagByTopic.merge(tp.topic(), lag, Long::sum);
                    if (tp.topic().equals(topic)) {
                        sourceCommitted += position;
                    } else {
                        otherLag += lag;
                    }
                }
                long sampled = System.currentTimeMillis();
                if (firstProgress == 0 && sourceCommitted > 0) {
                    firstProgress = sampled;
                }
                boolean done = sourceCommitted >= sourceEnd && otherLag == 0;
                if (done || sampled - lastLog >= 5000) {
                    lastLog = sampled;
                    System.err.printf(Locale.ROOT, "[GroupLag] %s: %,d of %,d source records committed; lag %s%n",
                            group, sourceCommitted, sourceEnd, lagByTopic);
                }
                if (done) {
                    Map<String, String> result = new LinkedHashMap<>();
                    result.put("records", Long.toString(sourceEnd));
                    result.put("first_progress_ms", Long.toString(firstProgress));
                    result.put("done_ms", Long.toString(sampled));
                    double seconds = (sampled - firstProgress) / 1000.0;
                    result.put("seconds", String.format(Locale.ROOT, "%.2f", seconds));
                    result.put("records_per_second", String.format(Locale.ROOT, "%.0f", sourceEnd / seconds));
                    if (startMs > 0) {
                        double total = (sampled - startMs) / 1000.0;
                        result.put("seconds_from_start", String.format(Locale.ROOT, "%.2f", total));
                        result.put("startup_seconds", String.format(Locale.ROOT, "%.2f", (firstProgress - startMs) / 1000.0));
                        result.put("records_per_second_from_start", String.format(Locale.ROOT, "%.0f", sourceEnd / total));
                    }
                    result.put("topics", String.join(" ", lagByTopic.keySet()));
                    StringBuilder text = new StringBuilder();
                    result.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
                    System.out.print(text);
                    if (!opt.get("result-file").isBlank()) {
                        Files.writeString(Path.of(opt.get("result-file")), text);
                    }
                    return;
                }
                Thread.sleep(Math.max(0, pollMs - (System.currentTimeMillis() - now)));
            }
        }
    }
}
