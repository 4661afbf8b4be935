package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.engine.DeadLetters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import de.weserems.integration.testsupport.KafkaTestCluster;
import de.weserems.integration.testsupport.ReadApi;
import de.weserems.integration.testsupport.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator engine under crashes, on a private broker with dashboard-app run from its jar:
 * events flow in while the dashboard is killed with SIGKILL mid-stream and started again; events
 * are resent; a poison record arrives. In the end every count equals, exactly, what a simple count
 * of the distinct events gives; the poison record is in the dead-letter topic.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CrashRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<District> DISTRICTS = List.of(District.EMSLAND, District.LEER, District.AURICH,
            District.OSNABRUECK_LANDKREIS);
    private static final KafkaTestCluster cluster = startCluster();
    private final Path stateDir = temp();

    private static KafkaTestCluster startCluster() {
        try {
            KafkaTestCluster c = KafkaTestCluster.startOrFail(1, Map.of());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers()))) {
                admin.createTopics(List.of(new TopicDeclarations(3, (short) 1, 1).events())).all().get();
            }
            return c;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void nothing_lost_nothing_doubled_across_a_crash_a_resend_and_a_poison_record()
            throws Exception {
        Random random = new Random(7);
        List<IntegrationEvent> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ServiceProcess first = dashboard("dashboard-it-1");
            send(producer, sent, random, 1500);
            awaitCount(first, c -> c > 0);
            // more events in flight while the dashboard dies without any chance to clean up
            Thread sender = Thread.ofPlatform().start(() -> send(producer, sent, random, 1500));
            Thread.sleep(300);
            first.kill();
            sender.join();
            System.out.printf("killed the dashboard mid-stream after %d events were sent%n", sent.size());

            // resends of already sent events, and a record another producer got wrong
            List<IntegrationEvent> resent = new ArrayList<>(sent.subList(0, 400));
            for (IntegrationEvent e : resent) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, e.district().ags(), JSON.writeValueAsBytes(e)));
            }
            producer.send(new ProducerRecord<>(Topics.EVENTS, "03454",
                    "{\"eventId\":\"not a uuid\",\"type\":\"COURSE_ENROLMENT\"}".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.EVENTS, "03454", new byte[]{(byte) 0xff, 0x00, 0x13}));
            send(producer, sent, random, 500);
            producer.flush();
        }

        Map<String, Long> expected = reference(sent);
        ServiceProcess second = dashboard("dashboard-it-2");
        try {
            awaitCount(second, c -> c == expected.get("enrolments|034"));
            assertThat(countsOf(settled(second))).isEqualTo(expected);
            System.out.printf("after the crash: %d distinct events of %d records, every count exact%n",
                    sent.size(), sent.size() + 400 + 2);
            assertThat(deadLetters()).hasSize(2).allSatisfy(r ->
                    assertThat(r.headers().lastHeader(DeadLetters.REASON_HEADER)).isNotNull());
        } finally {
            second.close();
        }

    }

    private ServiceProcess dashboard(String name) throws Exception {
        return ServiceProcess.start(name, ServiceProcess.findJar("dashboard-app"), List.of(
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "--spring.kafka.streams.state-dir=" + stateDir), Duration.ofSeconds(120));
    }

    private static void send(KafkaProducer<String, byte[]> producer, List<IntegrationEvent> sent, Random random, int n) {
        for (int i = 0; i < n; i++) {
            IntegrationEvent e = event(random);
            producer.send(new ProducerRecord<>(Topics.EVENTS, e.district().ags(), JSON.writeValueAsBytes(e)));
            synchronized (sent) {
                sent.add(e);
            }
        }
        producer.flush();
    }

    private static IntegrationEvent event(Random r) {
        District district = DISTRICTS.get(r.nextInt(DISTRICTS.size()));
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300));
        String participant = "p" + r.nextInt(300);
        UUID id = new UUID(r.nextLong(), r.nextLong());
        Instant now = Instant.now();
        return switch (r.nextInt(3)) {
            case 0 -> new IntegrationEvent(id, EventType.COURSE_ENROLMENT, day, district, participant,
                    CourseType.INTEGRATION_COURSE, null, null, null, "it", now);
            case 1 -> new IntegrationEvent(id, EventType.COURSE_COMPLETION, day, district, participant,
                    CourseType.JOB_LANGUAGE_COURSE, Outcome.values()[r.nextInt(3)], LanguageLevel.B1, null, "it", now);
            default -> new IntegrationEvent(id, EventType.JOB_PLACEMENT, day, district, participant, null, null,
                    null, PlacementType.EMPLOYMENT, "it", now);
        };
    }

    /** The deliberately simple count: distinct events by type, per district and for the region. */
    private static Map<String, Long> reference(List<IntegrationEvent> sent) {
        Map<UUID, IntegrationEvent> distinct = new LinkedHashMap<>();
        sent.forEach(e -> distinct.putIfAbsent(e.eventId(), e));
        Map<String, Long> counts = new TreeMap<>();
        for (IntegrationEvent e : distinct.values()) {
            String count = switch (e.type()) {
                case COURSE_ENROLMENT -> "enrolments";
                case COURSE_COMPLETION -> e.outcome() == Outcome.DROPPED_OUT ? "dropouts" : "completions";
                case JOB_PLACEMENT -> "placements";
            };
            counts.merge(count + "|" + e.district().ags(), 1L, Long::sum);
            counts.merge(count + "|034", 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> countsOf(JsonNode report) {
        return ReadApi.counts(report, List.of("enrolments", "completions", "dropouts", "placements"));
    }

    /** The figures once they stop changing (two reads 2 s apart agree): the chain part may trail the counts. */
    private JsonNode settled(ServiceProcess dashboard) throws Exception {
        JsonNode last = withoutTimestamps(figures(dashboard));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            JsonNode now = withoutTimestamps(figures(dashboard));
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("figures still changing after 120 s");
    }

    private JsonNode figures(ServiceProcess dashboard) throws Exception {
        return ReadApi.report(dashboard, YearMonth.of(2025, 1), YearMonth.now());
    }

    private void awaitCount(ServiceProcess dashboard, java.util.function.LongPredicate regionEnrolments)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            JsonNode value = figures(dashboard).at("/region/counts/enrolments");
            last = value.isNumber() ? value.asLong() : -1;
            if (regionEnrolments.test(last)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("region enrolments did not reach the expected value; last seen " + last);
    }

    private static JsonNode withoutTimestamps(JsonNode report) {
        return ReadApi.withoutTimestamp(report);
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS_DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("streams-crash-it");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
