package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventJson;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import de.weserems.integration.testsupport.ChainStories;
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
import tools.jackson.databind.JsonNode;

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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;

import static org.awaitility.Awaitility.await;

/**
 * The engine on real parts for the tests that run dashboard-app from its jar: a private one-broker
 * cluster with the event topic, random events written as ingest writes them, the deliberately simple
 * reference count they must add up to, and the read API of a running dashboard.
 */
final class EngineRun implements AutoCloseable {

    private static final List<District> DISTRICTS = List.of(District.EMSLAND, District.LEER, District.AURICH,
            District.OSNABRUECK_LANDKREIS);
    /**
     * The districts of the participant stories, none of {@link #DISTRICTS}: the random events' participants
     * also wait, start and go on, which only a reference model could recount, so the stories keep apart.
     */
    static final List<District> STORY_DISTRICTS = List.of(District.CLOPPENBURG, District.VECHTA);

    final KafkaTestCluster cluster;
    private final Random random;
    private final List<IntegrationEvent> sent = new ArrayList<>();
    private final KafkaProducer<String, byte[]> producer;
    /** Participant stories sent among the random events, or {@code null} for none. */
    private final ChainStories stories;

    /** A run with events from {@code seed}; closed by JUnit after the test class ({@code @AutoClose}). */
    static EngineRun start(long seed) {
        return start(seed, null);
    }

    /**
     * The same with one participant story among every ten random events, in districts of their own
     * ({@link #STORY_DISTRICTS}): their figures of access, waiting and funding gaps are known sums there.
     */
    static EngineRun startWithStories(long seed) {
        return start(seed, new ChainStories(seed, STORY_DISTRICTS, "story"));
    }

    private static EngineRun start(long seed, ChainStories stories) {
        try {
            return new EngineRun(seed, stories);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private EngineRun(long seed, ChainStories stories) throws Exception {
        this.stories = stories;
        cluster = KafkaTestCluster.startOrFail(1, Map.of());
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new TopicDeclarations(3, (short) 1, 1).events())).all().get();
        }
        random = new Random(seed);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    /** dashboard-app from its jar against this broker, with {@code args} on top (e.g. its engine generation). */
    ServiceProcess dashboard(String name, Path stateDir, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--dashboard.engine.caught-up-for=2s", "--dashboard.engine.progress-interval=1s"));
        all.addAll(List.of(args));
        return ServiceProcess.start(name, ServiceProcess.findJar("dashboard-app"), all, Duration.ofSeconds(120));
    }

    /** Writes {@code n} new random events as ingest writes them (keyed by eventId); returns when Kafka has them. */
    void send(int n) {
        for (int i = 0; i < n; i++) {
            send(event());
            if (stories != null && i % 10 == 9) {
                stories.next().forEach(this::send);
            }
        }
        producer.flush();
    }

    private void send(IntegrationEvent e) {
        producer.send(new ProducerRecord<>(Topics.EVENTS, e.eventId().toString(), EventJson.toBytes(e)));
        synchronized (sent) {
            sent.add(e);
        }
    }

    /** What the stories sent so far imply in {@link #STORY_DISTRICTS}, as {@link ChainStories#figures} reads it. */
    Map<String, Long> storyReference() {
        Map<String, Long> expected = new TreeMap<>(stories.expected());
        expected.keySet().removeIf(key -> !inStoryDistrict(key));
        return expected;
    }

    /** The figures of access, waiting and funding gaps of {@link #STORY_DISTRICTS} in {@code report}. */
    static Map<String, Long> storyFiguresOf(JsonNode report) {
        Map<String, Long> figures = ChainStories.figures(report);
        figures.keySet().removeIf(key -> !inStoryDistrict(key));
        return figures;
    }

    private static boolean inStoryDistrict(String key) {
        return STORY_DISTRICTS.stream().anyMatch(d -> key.endsWith("|" + d.ags()));
    }

    /** Writes again the events sent from {@code from} to {@code to}, keyed as an older ingest did (by district). */
    void resend(int from, int to) {
        List<IntegrationEvent> again;
        synchronized (sent) {
            again = new ArrayList<>(sent.subList(from, to));
        }
        again.forEach(e -> producer.send(new ProducerRecord<>(Topics.EVENTS, e.district().ags(), EventJson.toBytes(e))));
        producer.flush();
    }

    /** A record another producer wrote: {@code value} as it is, keyed by a district. */
    void sendRaw(byte[] value) {
        producer.send(new ProducerRecord<>(Topics.EVENTS, "03454", value));
        producer.flush();
    }

    int sent() {
        synchronized (sent) {
            return sent.size();
        }
    }

    private IntegrationEvent event() {
        District district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(300));
        String participant = "p" + random.nextInt(300);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Instant now = Instant.now();
        return switch (random.nextInt(3)) {
            case 0 -> new IntegrationEvent(id, EventType.COURSE_ENROLMENT, day, district, participant,
                    CourseType.INTEGRATION_COURSE, null, null, null, "it", now);
            case 1 -> new IntegrationEvent(id, EventType.COURSE_COMPLETION, day, district, participant,
                    CourseType.JOB_LANGUAGE_COURSE, Outcome.values()[random.nextInt(3)], LanguageLevel.B1, null, "it", now);
            default -> new IntegrationEvent(id, EventType.JOB_PLACEMENT, day, district, participant, null, null,
                    null, PlacementType.EMPLOYMENT, "it", now);
        };
    }

    /** The deliberately simple count: distinct events by type, per district and for the region. */
    Map<String, Long> reference() {
        Map<UUID, IntegrationEvent> distinct = new LinkedHashMap<>();
        synchronized (sent) {
            sent.forEach(e -> distinct.putIfAbsent(e.eventId(), e));
        }
        Map<String, Long> counts = new TreeMap<>();
        for (IntegrationEvent e : distinct.values()) {
            String count = switch (e.type()) {
                case COURSE_ENROLMENT -> "enrolments";
                case COURSE_COMPLETION -> e.outcome() == Outcome.DROPPED_OUT ? "dropouts" : "completions";
                case JOB_PLACEMENT -> "placements";
                case RETRACTION -> null; // none is sent here (RetractionTopologyTest and IndicatorRandomizedTest send them)
                case ENTITLEMENT, COURSE_START -> null; // in no count; the stories' figures: storyReference()
            };
            if (count == null) {
                continue;
            }
            counts.merge(count + "|" + e.district().ags(), 1L, Long::sum);
            counts.merge(count + "|034", 1L, Long::sum);
        }
        return counts;
    }

    static Map<String, Long> countsOf(JsonNode report) {
        return ReadApi.counts(report, List.of("enrolments", "completions", "dropouts", "placements"));
    }

    /**
     * The read API's answer over every month the events fall in, without its timestamp: the random ones in
     * 2025, the stories' up to this month.
     */
    static JsonNode figures(ServiceProcess dashboard) throws Exception {
        return ReadApi.withoutTimestamp(ReadApi.report(dashboard, YearMonth.of(2025, 1), YearMonth.now()));
    }

    /** Waits until the region's enrolments satisfy {@code expected}. */
    static void awaitRegionEnrolments(ServiceProcess dashboard, LongPredicate expected) {
        AtomicReference<Long> last = new AtomicReference<>();
        await().alias("region enrolments of " + dashboard).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    JsonNode v = figures(dashboard).at("/region/counts/enrolments");
                    last.set(v.isNumber() ? v.asLong() : -1);
                    return expected.test(last.get());
                });
    }

    /**
     * The figures once every count equals the reference, and the chain figures, which go through one
     * repartition topic more and so may trail the counts, have stopped changing: three reads a second
     * apart agree.
     */
    static JsonNode settled(ServiceProcess dashboard, Map<String, Long> expected) {
        List<JsonNode> reads = new ArrayList<>();
        return await().alias("figures of " + dashboard + " equal to the reference and settled")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    JsonNode now = figures(dashboard);
                    if (!reads.isEmpty() && !reads.getLast().equals(now)) {
                        reads.clear();
                    }
                    if (countsOf(now).equals(expected)) {
                        reads.add(now);
                    }
                    return reads.size() >= 3 ? now : null;
                }, f -> f != null);
    }

    /** The generation a dashboard serves, as its health says. */
    static String serving(ServiceProcess dashboard) throws Exception {
        return ReadApi.health(dashboard).at("/components/indicators/details/generation").asString("");
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters() {
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

    static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        producer.close();
        cluster.close();
    }
}
