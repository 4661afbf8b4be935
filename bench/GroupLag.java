import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import support.GroupOffsets;
import support.Options;
import support.Results;

import java.util.List;
import java.util.Map;

import static support.Log.log;

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
 * <p>"Done" is the first poll from which on everything stayed processed for --settle-ms (default 1000)
 * with no end offset moving: a topology that adds up changes and passes them on by a wall-clock
 * punctuation (the engine's DeltaBuffer) can have committed all its source offsets while the last sums
 * are still to be written to its repartition topic; such a write moves an end offset and starts the
 * wait anew. The time of that first poll is the figure; the settling wait is not in it.
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
              --settle-ms=1000                how long everything must stay processed and unchanged
              --timeout-seconds=1800
              --result-file=PATH
            """;

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse("GroupLag", USAGE, args, "bootstrap", "localhost:19092",
                "topic", "integration.events.v1", "group", null, "start-ms", "0", "poll-ms", "100",
                "settle-ms", "1000", "timeout-seconds", "1800", "result-file", "");
        String group = opt.text("group");
        String topic = opt.text("topic");
        long startMs = opt.longValue("start-ms");
        long pollMs = opt.longValue("poll-ms");
        long settleMs = opt.longValue("settle-ms");
        long deadline = System.currentTimeMillis() + opt.longValue("timeout-seconds") * 1000;
        try (Admin admin = GroupOffsets.admin(opt.text("bootstrap"), 10_000)) {
            List<TopicPartition> source = GroupOffsets.partitions(admin, topic, 10);
            long sourceEnd = GroupOffsets.read(admin, group, source, 10).endOn(topic);
            long firstProgress = 0;
            long lastLog = System.currentTimeMillis();
            long doneSince = 0;
            Map<TopicPartition, Long> endsWhenDone = Map.of();
            while (true) {
                long now = System.currentTimeMillis();
                if (now > deadline) {
                    throw new IllegalStateException("group " + group + " did not catch up within the timeout");
                }
                GroupOffsets offsets = GroupOffsets.read(admin, group, source, 10);
                long sourceCommitted = offsets.committedOn(topic);
                long otherLag = offsets.lagAll() - offsets.lagOn(topic);
                Map<String, Long> lagByTopic = offsets.lagByTopic();
                long sampled = System.currentTimeMillis();
                if (firstProgress == 0 && sourceCommitted > 0) {
                    firstProgress = sampled;
                }
                boolean processed = sourceCommitted >= sourceEnd && otherLag == 0;
                if (!processed || !offsets.end().equals(endsWhenDone)) {
                    doneSince = processed ? sampled : 0;
                    endsWhenDone = processed ? offsets.end() : Map.of();
                }
                boolean done = doneSince > 0 && sampled - doneSince >= settleMs;
                if (done || sampled - lastLog >= 5000) {
                    lastLog = sampled;
                    log("%s: %,d of %,d source records committed; lag %s", group, sourceCommitted, sourceEnd, lagByTopic);
                }
                if (done) {
                    sampled = doneSince;
                    double seconds = (sampled - firstProgress) / 1000.0;
                    Results result = new Results()
                            .put("records", sourceEnd)
                            .put("first_progress_ms", firstProgress)
                            .put("done_ms", sampled)
                            .put("seconds", seconds, 2)
                            .put("records_per_second", sourceEnd / seconds, 0);
                    if (startMs > 0) {
                        double total = (sampled - startMs) / 1000.0;
                        result.put("seconds_from_start", total, 2)
                                .put("startup_seconds", (firstProgress - startMs) / 1000.0, 2)
                                .put("records_per_second_from_start", sourceEnd / total, 0);
                    }
                    result.put("topics", String.join(" ", lagByTopic.keySet())).print(opt.path("result-file"));
                    return;
                }
                Thread.sleep(Math.max(0, pollMs - (System.currentTimeMillis() - now)));
            }
        }
    }
}
