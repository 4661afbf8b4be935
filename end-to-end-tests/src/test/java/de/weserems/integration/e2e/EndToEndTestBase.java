package de.weserems.integration.e2e;

import de.weserems.integration.dashboard.DashboardApplication;
import de.weserems.integration.events.Region;
import de.weserems.integration.testsupport.KafkaTestBroker;
import de.weserems.integration.testsupport.ReadApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

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

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        String stateDir = Files.createTempDirectory("streams-it").toString();
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
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

    /** The read API's answer for the current month, as planer. */
    JsonNode indicators() throws Exception {
        YearMonth month = YearMonth.now(Region.ZONE);
        return indicators(month, month);
    }

    /** The read API's answer for the months {@code from}..{@code to}, as planer. */
    JsonNode indicators(YearMonth from, YearMonth to) throws Exception {
        return ReadApi.report(URI.create("http://localhost:" + port), from, to);
    }

    /** A district's enrolments this month from the read API; -1 while not reported, -2 while withheld. */
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
    long[] awaitEnrolments(String district, LongPredicate condition, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long value;
        do {
            value = enrolmentsOf(district);
            if (condition.test(value)) {
                return new long[]{value, (System.nanoTime() - start) / 1_000_000};
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("enrolments of " + district + " still " + value + " after " + timeout);
    }

}
