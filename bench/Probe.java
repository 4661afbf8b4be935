import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/replay's probe after the engine replayed the event log: resends an enrolment that is already on
 * the events topic (same key, same bytes) and then writes one new enrolment (a new eventId), keyed as the
 * old one was: by its own eventId if the old one was keyed by its eventId (as ingest writes), else with
 * the old key (a log written by the older ingest, keyed by district). An engine that goes on correctly
 * from its replayed state counts the new one and not the resend: the region's enrolments go up by
 * exactly one.
 *
 * <p>Run with kafka-clients on the classpath: {@code java -cp KAFKA_CLASSPATH bench/Probe.java BOOTSTRAP TOPIC}.
 */
public class Probe {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: java -cp KAFKA_CLASSPATH bench/Probe.java BOOTSTRAP TOPIC");
            System.exit(2);
        }
        String bootstrap = args[0];
        String topic = args[1];
        ConsumerRecord<byte[], byte[]> old = firstEnrolment(bootstrap, topic);
        String json = new String(old.value(), StandardCharsets.UTF_8);
        Matcher id = EVENT_ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no eventId in the record at " + old.partition() + "@" + old.offset());
        }
        String newId = UUID.randomUUID().toString();
        String fresh = id.replaceFirst("\"eventId\":\"" + newId + "\"")
                .replaceFirst("\"receivedAt\":\"[^\"]*\"", "\"receivedAt\":\"" + Instant.now() + "\"");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, old.key(), old.value())).get();
            byte[] key = id.group(1).equals(new String(old.key(), StandardCharsets.UTF_8))
                    ? newId.getBytes(StandardCharsets.UTF_8) : old.key();
            producer.send(new ProducerRecord<>(topic, key, fresh.getBytes(StandardCharsets.UTF_8))).get();
        }
        System.out.println("resent=" + id.group(1));
        System.out.println("new=" + newId);
    }

    private static ConsumerRecord<byte[], byte[]> firstEnrolment(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains("\"type\":\"COURSE_ENROLMENT\"")) {
                        return r;
                    }
                }
            }
            throw new IllegalStateException("no enrolment found on " + partition + " within 30 s");
        }
    }
}
