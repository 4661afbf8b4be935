import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import support.GroupOffsets;
import support.Options;
import support.Results;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static support.Log.log;

/**
 * What a Kafka Streams app wrote per input record, topic by topic: every topic whose name starts with
 * --prefix (the application id and a dash: its -repartition and -changelog topics) and the --topics
 * named (its sink topics). For each, the records a read_committed consumer reads from the beginning to
 * the end, their key + value bytes, and the offsets the topic's log holds (end - start), of which those
 * that are not a committed record are transaction markers (a commit or abort marker per partition a
 * transaction wrote to) and aborted records. Each divided by --input-records.
 *
 * <p>Counting afterwards needs the records to be still there: Kafka Streams deletes what it consumed
 * from its repartition topics (repartition.purge.interval.ms), so the app must run with that purge off;
 * a topic whose log start is not 0 is flagged. Compacted topics (changelogs, the indicator topic) are
 * not cleaned before a segment is full (1 GB by default), so a benchmark's records are all still there.
 *
 * <p>Prints a table (also to --table-file) and key=value totals (--result-file). Needs kafka-clients on
 * the class path: {@code java -cp KAFKA_CLASSPATH bench/TopicWrites.java --help}.
 */
public class TopicWrites {

    static final String USAGE = """
            Usage: java -cp KAFKA_CLASSPATH bench/TopicWrites.java --input-records=N [options]
              --bootstrap=localhost:19092
              --prefix=APPLICATION_ID-   every topic whose name starts with this (empty: none)
              --topics=A,B               further topics (a missing one is shown as missing)
              --input-records=N          the records the app read: the divisor
              --table-file=PATH          the table, as printed
              --result-file=PATH         key=value totals
            """;

    record Count(String topic, long records, long bytes, long offsets, long logStart) {
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse("TopicWrites", USAGE, args, "bootstrap", "localhost:19092", "prefix", "",
                "topics", "", "input-records", null, "table-file", "", "result-file", "");
        long input = opt.longValue("input-records");
        List<Count> counts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Admin admin = GroupOffsets.admin(opt.text("bootstrap"), 30_000)) {
            TreeSet<String> existing = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            List<String> topics = new ArrayList<>();
            if (opt.given("prefix")) {
                existing.stream().filter(t -> t.startsWith(opt.text("prefix"))).forEach(topics::add);
            }
            for (String topic : opt.text("topics").split(",")) {
                if (topic.isBlank() || topics.contains(topic)) {
                    continue;
                }
                if (existing.contains(topic)) {
                    topics.add(topic);
                } else {
                    missing.add(topic);
                }
            }
            for (String topic : topics) {
                counts.add(count(admin, opt.text("bootstrap"), topic));
            }
        }

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-62s %12s %10s %12s %10s %10s%n", "topic", "records", "per event",
                "markers etc", "per event", "bytes/evt"));
        long records = 0, other = 0, bytes = 0;
        for (Count c : counts) {
            long nonRecords = c.offsets() - c.records();
            records += c.records();
            other += nonRecords;
            bytes += c.bytes();
            table.append(String.format(Locale.ROOT, "%-62s %,12d %10.4f %,12d %10.4f %10.1f%s%n", c.topic(), c.records(),
                    (double) c.records() / input, nonRecords, (double) nonRecords / input, (double) c.bytes() / input,
                    c.logStart() > 0 ? "  (log starts at " + c.logStart() + ": records deleted, figures too low)" : ""));
        }
        for (String topic : missing) {
            table.append(String.format(Locale.ROOT, "%-62s %12s%n", topic, "missing"));
        }
        table.append(String.format(Locale.ROOT, "%-62s %,12d %10.4f %,12d %10.4f %10.1f%n", "total", records,
                (double) records / input, other, (double) other / input, (double) bytes / input));
        table.append(String.format(Locale.ROOT, "(per event = per input record, of %,d; markers etc = offsets that are "
                + "not a committed record: transaction markers, aborted records)%n", input));
        System.out.print(table);
        if (opt.given("table-file")) {
            Files.writeString(opt.path("table-file"), table);
        }
        Results totals = new Results()
                .put("input_records", input)
                .put("topics", counts.size())
                .put("records", records)
                .put("records_per_event", (double) records / input, 4)
                .put("other_offsets", other)
                .put("other_offsets_per_event", (double) other / input, 4)
                .put("bytes_per_event", (double) bytes / input, 1);
        if (opt.given("result-file")) {
            totals.write(opt.path("result-file"));
        }
    }

    /** Reads a whole topic read_committed and counts its records and offsets. */
    static Count count(Admin admin, String bootstrap, String topic) throws Exception {
        List<TopicPartition> partitions = GroupOffsets.partitions(admin, topic, 30);
        Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 << 20));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 << 20));
        long records = 0, bytes = 0, offsets = 0, logStart = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            List<TopicPartition> open = new ArrayList<>(partitions);
            while (!open.isEmpty()) {
                var polled = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records++;
                        bytes += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
                    }
                }
                if (!polled.isEmpty()) {
                    lastProgress = System.nanoTime();
                }
                open.removeIf(tp -> consumer.position(tp) >= end.get(tp));
                if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(15)) {
                    throw new IllegalStateException(topic + ": no progress for 15 s before the end of " + open
                            + " (an open transaction?)");
                }
            }
        }
        for (TopicPartition tp : partitions) {
            offsets += end.get(tp) - start.get(tp);
            logStart += start.get(tp);
        }
        log("%s: %,d records, %,d offsets", topic, records, offsets);
        return new Count(topic, records, bytes, offsets, logStart);
    }

    static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                .get(30, TimeUnit.SECONDS).forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }
}
