package de.weserems.integration.dashboard.deployment;

import de.weserems.integration.testsupport.KafkaTestBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of dashboard-app in a fresh context, as in production: every counter an alert
 * reads exists at 0 from the start (so Prometheus' increase() sees the first event), and a request's
 * log line is JSON carrying the request id its answer names ({@code X-Request-Id}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // as outside the profile 'local' (which keeps plain text); the tests' logback-test.xml would
        // replace Boot's own choice of the JSON appender, so this one makes it
        "logging.structured.format.console=ecs",
        "logging.config=classpath:logback-structured-test.xml"})
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class OperatorSignalsIT {

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        String stateDir = Files.createTempDirectory("streams-it").toString();
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
    }

    @Test
    void every_counter_an_alert_reads_exists_at_zero_from_the_start() {
        for (String reason : List.of("unreadable", "contract")) {
            assertZero(meters.find("indicators.dead.letters").tag("reason", reason).counter());
        }
        assertZero(meters.find("indicators.stream.thread.replaced").tag("exception", "StreamsException").counter());
        for (String transition : List.of("started", "ended")) {
            assertZero(meters.find("weserems.targets.breaches").tag("transition", transition).counter());
        }
        assertZero(meters.find("indicators.chain.participants.excluded").counter());
    }

    private static void assertZero(Counter counter) {
        assertThat(counter).as("registered at start").isNotNull();
        assertThat(counter.count()).isZero();
    }

    @Test
    void a_request_logs_json_lines_with_the_request_id_of_its_answer(CapturedOutput output) throws Exception {
        // the exact figures are logged with their user: a line inside the request
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/indicators?exact=true"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String requestId = answer.headers().firstValue("X-Request-Id").orElseThrow();

        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = output.getOut().lines().filter(l -> l.startsWith("{")).map(json::readTree).toList();
        assertThat(lines).as("JSON log lines").isNotEmpty();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("requestId").asString()).isEqualTo(requestId);
            assertThat(line.path("message").asString()).startsWith("Exact figures for user 'admin'");
        });
        // and a line outside any request carries none
        assertThat(lines).anySatisfy(line -> assertThat(line.has("requestId")).isFalse());
    }
}
