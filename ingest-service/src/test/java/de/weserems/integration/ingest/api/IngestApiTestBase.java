package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Topics;
import de.weserems.integration.ingest.providers.ApiKeys;
import de.weserems.integration.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The ingest service over real HTTP against the shared real Kafka broker, with one configuration
 * for every API test class so they share one application context. Limits are small here, so the
 * 413 and 429 cases need small bodies only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // one instance per context, as in production: a test class with properties of its own starts a
        // second context in this JVM, whose producer would otherwise share the transactional ids and
        // fence this one's (its audit writer then stalls)
        "ingest.instance-id=api-it-${random.uuid}",
        "ingest.pseudonymisation.secret=test-secret-for-integration-tests",
        "ingest.limits.max-bytes=256KB",
        "ingest.limits.max-events=500",
        "ingest.rate-limit.events-per-second=1000000",
        "ingest.rate-limit.burst=1000000",
        "ingest.providers[0].id=demo",
        "ingest.providers[0].name=Demo",
        "ingest.providers[0].districts=*",
        "ingest.providers[0].key-sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b",
        "ingest.providers[1].id=emden-only",
        "ingest.providers[1].name=Nur Emden",
        "ingest.providers[1].districts=03402",
        "ingest.providers[1].key-sha256=${test.emden-key-sha256}",
        "ingest.providers[2].id=slow",
        "ingest.providers[2].name=Langsamer Lieferant",
        "ingest.providers[2].districts=*",
        "ingest.providers[2].key-sha256=${test.slow-key-sha256}",
        "ingest.providers[2].rate-limit.events-per-second=1",
        "ingest.providers[2].rate-limit.burst=500",
        "ingest.providers[3].id=careless",
        "ingest.providers[3].name=Nachlässiger Lieferant",
        "ingest.providers[3].districts=*",
        "ingest.providers[3].key-sha256=${test.careless-key-sha256}",
        "ingest.providers[3].rate-limit.events-per-second=1",
        "ingest.providers[3].rate-limit.burst=500"})
@ActiveProfiles("local")
abstract class IngestApiTestBase {

    static final String DEMO_KEY = ApiKeys.LOCAL_DEMO_KEY;
    static final String EMDEN_KEY = "emden-test-key";
    static final String SLOW_KEY = "slow-test-key";
    static final String CARELESS_KEY = "careless-test-key";
    static final String JSON_TYPE = "application/json";
    static final String NDJSON_TYPE = "application/x-ndjson";
    static final String CSV_TYPE = "text/csv";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    /** The management server's port (random in tests, 9081 in a run). */
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("test.emden-key-sha256", () -> ApiKeys.sha256Hex(EMDEN_KEY));
        registry.add("test.slow-key-sha256", () -> ApiKeys.sha256Hex(SLOW_KEY));
        registry.add("test.careless-key-sha256", () -> ApiKeys.sha256Hex(CARELESS_KEY));
    }

    static String enrolment(String id, String district, String participantRef) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"" + LocalDate.now()
                + "\",\"district\":\"" + district + "\",\"courseType\":\"INTEGRATION_COURSE\""
                + (participantRef == null ? "" : ",\"participantRef\":\"" + participantRef + "\"") + "}";
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    HttpResponse<String> post(String key, String body) throws Exception {
        return post(key, JSON_TYPE, body, "");
    }

    HttpResponse<String> post(String key, String contentType, String body, String query) throws Exception {
        return post(key, contentType, HttpRequest.BodyPublishers.ofString(body), query);
    }

    /**
     * Posts in English: the API's texts are German unless Accept-Language prefers English, and these tests
     * were written against the English wording (ExcelHabitsIT reads the German one).
     */
    HttpResponse<String> post(String key, String contentType, HttpRequest.BodyPublisher body, String query)
            throws Exception {
        return post(key, contentType, body, query, "en");
    }

    /** As above, in {@code language} ({@code null}: no Accept-Language at all). */
    HttpResponse<String> post(String key, String contentType, HttpRequest.BodyPublisher body, String query,
                              String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/events" + query))
                .timeout(Duration.ofSeconds(60)).POST(body);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path} on the management port, with HTTP basic if {@code user} is given (password = user name). */
    HttpResponse<String> management(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Everything on a topic. With {@code committedOnly = false} ({@code read_uncommitted}) it also
     * shows records of aborted transactions: the strictest check that nothing was written at all.
     */
    static List<ConsumerRecord<String, String>> readAll(String topic, boolean committedOnly) {
        return readAll(KafkaTestBroker.bootstrapServers(), topic, committedOnly);
    }

    /**
     * Everything on a topic of the broker at {@code bootstrapServers}, read up to the end offsets it has
     * when the call starts: what was written before is in it, without waiting to see whether more comes.
     */
    static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, boolean committedOnly) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            // the consumer is not thread-safe: poll it in this thread
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                    });
            return records;
        }
    }

    /** Everything committed on the event topic. */
    static List<ConsumerRecord<String, String>> committedEvents() {
        return readAll(Topics.EVENTS, true);
    }
}
