package de.weserems.integration.e2e;

import de.weserems.integration.testsupport.KafkaTestCluster;
import de.weserems.integration.testsupport.ReadApi;
import de.weserems.integration.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Kafka cluster goes away: ingest answers 503 quickly and accepts nothing; the dashboard
 * keeps serving the last figures (and says it is not ready); when the broker is back, both recover
 * by themselves, without a restart, and new events are counted.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class WholeBrokerDownIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaTestCluster cluster = start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static KafkaTestCluster start() {
        return KafkaTestCluster.startOrFail(1, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    void both_services_ride_out_a_total_broker_outage_and_recover_by_themselves() throws Exception {
        try (ServiceProcess ingest = ServiceProcess.start("outage-ingest", ServiceProcess.findJar("ingest-service"),
                List.of("--spring.profiles.active=local", "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                        "--ingest.instance-id=outage-it"), Duration.ofSeconds(120));
             ServiceProcess dashboard = ServiceProcess.start("outage-dashboard", ServiceProcess.findJar("dashboard-app"),
                     List.of("--spring.profiles.active=local",
                             "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                             "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("outage-it")),
                     Duration.ofSeconds(120))) {
            assertThat(post(ingest, 30).statusCode()).isEqualTo(202);
            awaitEnrolments(dashboard, 30);
            JsonNode before = report(dashboard);

            int broker = cluster.brokerIds().iterator().next();
            cluster.stopBroker(broker);
            long start = System.nanoTime();
            HttpResponse<String> refused = post(ingest, 5);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("whole cluster down: ingest answered %d after %d ms%n", refused.statusCode(), millis);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(millis).isLessThan(20_000);

            // the dashboard keeps its last figures and says it is not ready
            assertThat(ReadApi.withoutTimestamp(report(dashboard))).isEqualTo(ReadApi.withoutTimestamp(before));
            awaitStatus(dashboard, "/actuator/health/readiness", 503);
            awaitStatus(ingest, "/actuator/health/readiness", 503);

            cluster.startBroker(broker);
            awaitStatus(ingest, "/actuator/health/readiness", 200);
            awaitStatus(dashboard, "/actuator/health/readiness", 200);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            HttpResponse<String> again;
            do {
                again = post(ingest, 20);
            } while (again.statusCode() != 202 && System.nanoTime() < deadline && sleep());
            assertThat(again.statusCode()).isEqualTo(202);
            // exactly 30 + 20: the refused 5 were not stored
            awaitEnrolments(dashboard, 50);
            System.out.println("after the outage: ingest accepts again and the dashboard counts 50 without a restart");
        }
    }

    private HttpResponse<String> post(ServiceProcess ingest, int n) throws Exception {
        String today = LocalDate.now().toString();
        String body = IntStream.range(0, n).mapToObj(i -> "{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"" + today
                        + "\",\"district\":\"03454\",\"courseType\":\"INTEGRATION_COURSE\"}")
                .collect(Collectors.joining("\n"));
        return http.send(HttpRequest.newBuilder(ingest.uri("/api/v1/events")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer local-demo-key").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode report(ServiceProcess dashboard) throws Exception {
        return ReadApi.report(dashboard, YearMonth.now(), YearMonth.now());
    }

    private void awaitEnrolments(ServiceProcess dashboard, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            JsonNode v = report(dashboard).at("/region/counts/enrolments");
            last = v.isNumber() ? v.asLong() : -1;
            if (last == expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("region enrolments " + last + ", expected " + expected);
    }

    private void awaitStatus(ServiceProcess service, String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " answered " + last + ", expected " + status);
    }

    private static boolean sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
