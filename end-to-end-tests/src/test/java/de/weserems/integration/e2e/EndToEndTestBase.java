package de.weserems.integration.e2e;

import de.weserems.integration.dashboard.DashboardApplication;
import de.weserems.integration.dashboard.indicators.engine.IndicatorTopology;
import de.weserems.integration.dashboard.indicators.generation.EngineProperties;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import de.weserems.integration.testsupport.KafkaProgress;
import de.weserems.integration.testsupport.KafkaTestBroker;
import de.weserems.integration.testsupport.ReadApi;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The whole product on real parts: the shared test broker ({@link KafkaTestBroker}: embedded KRaft,
 * or Testcontainers Kafka where Docker runs), ingest-service as its own process, and this dashboard
 * on a random port. Subclasses post events over HTTP and look at the read API or the page.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dashboard.demo-data=true")
@ActiveProfiles("local")
@Timeout(300)
abstract class EndToEndTestBase {

    static final String API_KEY = "local-demo-key";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static IngestServiceProcess ingest;
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** The dashboard's management port (actuator), random here. */
    @LocalManagementPort
    int managementPort;

    /** {@code GET} of an actuator path on the dashboard's management port, as the local operator. */
    static java.net.http.HttpRequest asOperator(int managementPort, String path) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + managementPort + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "operator:operator".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    @Autowired
    IndicatorReadModel readModel;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    EngineProperties engine;

    @Autowired
    StreamsBuilderFactoryBean streams;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        KafkaTestBroker.register(registry);
    }

    @BeforeAll
    static void startIngest() throws Exception {
        ingest = IngestServiceProcess.start(KafkaTestBroker.bootstrapServers());
    }

    @AfterAll
    static void stopIngest() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
    }

    /** Posts enrolments (this month) for one district through the ingest API; returns their event JSON. */
    String enrolments(String district, int count) {
        String today = LocalDate.now(Region.ZONE).toString();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"" + today + "\",\"district\":\""
                        + district + "\",\"courseType\":\"INTEGRATION_COURSE\",\"participantRef\":\"e2e-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(ingest.eventsUri())
                        .header("Authorization", "Bearer " + API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The read API's exact figures for the current month (role STATISTICS: the local user admin). */
    JsonNode indicators() throws Exception {
        YearMonth month = YearMonth.now(Region.ZONE);
        return indicators(month, month);
    }

    /** The read API's exact figures for the months {@code from}..{@code to}. */
    JsonNode indicators(YearMonth from, YearMonth to) throws Exception {
        return ReadApi.report(URI.create("http://localhost:" + port), from, to);
    }

    /** A district's enrolments this month from the read API (exact); -1 while not reported. */
    long enrolmentsOf(String district) throws Exception {
        for (JsonNode d : indicators().get("districts")) {
            if (d.get("district").asString().equals(district)) {
                if (!d.get("reported").asBoolean()) {
                    return -1;
                }
                JsonNode v = d.get("counts").get("enrolments");
                return v.isNull() ? -2 : v.asLong();
            }
        }
        throw new AssertionError(district + " missing in the read API");
    }

    /** Polls until the district's enrolments satisfy {@code condition}; returns the value and how long it took. */
    long[] awaitEnrolments(String district, LongPredicate condition, Duration timeout) {
        long start = System.nanoTime();
        long value = await().alias("enrolments of " + district + " in the read API")
                .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> enrolmentsOf(district), condition::test);
        return new long[]{value, (System.nanoTime() - start) / 1_000_000};
    }

    /**
     * The barrier for "nothing more happens": returns once the engine has processed every record
     * written so far to the topics it reads (the events, then its own repartition topics), and this
     * instance's read model has read every record written so far to the topic it serves. Under
     * exactly-once the engine's output is committed together with its input offsets, so a figure read
     * afterwards is final until the next event is posted: a test can assert an exact count instead of
     * sleeping and checking that it has not (yet) changed.
     */
    void awaitEverythingProcessed() {
        String engine = engineApplicationId();
        long start = System.nanoTime();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            int rounds = KafkaProgress.awaitGroupCaughtUp(admin, engine,
                    () -> KafkaProgress.streamsInputs(admin, engine, List.of(Topics.EVENTS)), Duration.ofSeconds(90));
            // the engine adds up changes for an interval before it passes them on: wait until none is pending,
            // then until what was passed on has been processed too
            awaitNoPendingChanges();
            rounds += KafkaProgress.awaitGroupCaughtUp(admin, engine,
                    () -> KafkaProgress.streamsInputs(admin, engine, List.of(Topics.EVENTS)), Duration.ofSeconds(90));
            long engineDone = System.nanoTime();
            // the topic the read model serves, as it reads it (not a constant: which topic that is may change)
            KafkaProgress.awaitPositions("the indicator read model", admin, readModel::positions, Duration.ofSeconds(60));
            System.out.printf("e2e: everything processed: engine %d ms (%d rounds), read model %d ms more%n",
                    (engineDone - start) / 1_000_000, rounds, (System.nanoTime() - engineDone) / 1_000_000);
        }
    }

    /** The engine's consumer group: the application id of the generation this dashboard runs. */
    String engineApplicationId() {
        return engine.engineGeneration().applicationId();
    }

    /**
     * The engine's stores of changes not yet passed on are empty (read through interactive queries). As patient
     * as the group's catch-up (90 s): the stores cannot be read while a stream thread rebalances and restores,
     * which on a loaded machine took longer than 30 s (CI: a thread still STARTING after 30 s).
     */
    private void awaitNoPendingChanges() {
        await().alias("no change pending in the engine").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> IndicatorTopology.PENDING_CHANGES.stream().allMatch(name -> {
                    ReadOnlyKeyValueStore<String, ?> store = streams.getKafkaStreams().store(
                            StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
                    try (KeyValueIterator<String, ?> all = store.all()) {
                        return !all.hasNext();
                    }
                }));
    }

}
