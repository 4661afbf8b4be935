package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.body.BodyFormat;
import de.weserems.integration.ingest.providers.ApiKeys;
import de.weserems.integration.testsupport.KafkaTestBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of ingest-service in a fresh context, as in production: every counter an alert
 * reads exists at 0 before the first request (so Prometheus' increase() sees the first event), and a
 * delivery's log line is JSON carrying the request id its answer names. Its own context (own
 * properties), so no other test's requests come first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // its own transactional ids: the API tests' context lives in the same JVM (IngestApiTestBase)
        "ingest.instance-id=operator-signals-it",
        "ingest.pseudonymisation.secret=test-secret-for-integration-tests",
        // as outside the profile 'local' (which keeps plain text); the tests' logback-test.xml would
        // replace Boot's own choice of the JSON appender, so this one makes it
        "logging.structured.format.console=ecs",
        "logging.config=classpath:logback-structured-test.xml",
        "ingest.providers[0].id=demo",
        "ingest.providers[0].districts=*",
        "ingest.providers[0].key-sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b",
        "ingest.providers[1].id=second",
        "ingest.providers[1].districts=03402",
        "ingest.providers[1].key-sha256=0000000000000000000000000000000000000000000000000000000000000000"})
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorSignalsIT {

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
    }

    @Test
    @Order(1)
    void every_counter_an_alert_reads_exists_at_zero_before_the_first_request() {
        for (String provider : List.of("demo", "second")) {
            assertZero(meters.find("ingest.events.accepted").tag("provider", provider).counter());
            assertZero(meters.find("ingest.events.checked").tag("provider", provider).counter());
            for (String status : List.of("403", "413", "422", "429", "503")) {
                assertZero(meters.find("ingest.events.rejected").tags("provider", provider, "status", status).counter());
            }
            for (BodyFormat format : BodyFormat.values()) {
                for (String limit : List.of("max-events", "max-bytes")) {
                    assertZero(meters.find("ingest.parse.stopped.early")
                            .tags("provider", provider, "format", format.name(), "limit", limit).counter());
                }
            }
        }
        for (String exception : List.of("IllegalStateException", "KafkaException", "TimeoutException")) {
            assertZero(meters.find("ingest.producer.errors").tag("exception", exception).counter());
        }
    }

    private static void assertZero(Counter counter) {
        assertThat(counter).as("registered at start").isNotNull();
        assertThat(counter.count()).isZero();
    }

    @Test
    @Order(2)
    void a_delivery_logs_a_json_line_with_the_request_id_of_its_answer(CapturedOutput output) throws Exception {
        String participant = "tn-" + UUID.randomUUID();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/events?dryRun=true"))
                .header("Authorization", "Bearer " + ApiKeys.LOCAL_DEMO_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(IngestApiTestBase.enrolment(UUID.randomUUID().toString(),
                        "03402", participant))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
        String requestId = answer.headers().firstValue(EventsController.REQUEST_ID_HEADER).orElseThrow();

        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = output.getOut().lines().filter(l -> l.startsWith("{")).map(json::readTree).toList();
        assertThat(lines).as("JSON log lines").isNotEmpty();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path(RequestIdFilter.MDC_KEY).asString()).isEqualTo(requestId);
            assertThat(line.path("message").asString()).startsWith("Answered 202 to a delivery of 1 events");
        });
        // the participant's reference never reaches the log
        assertThat(output.getAll()).doesNotContain(participant);
    }
}
