package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.providers.ApiKeys;
import de.weserems.integration.testsupport.KafkaTestBroker;
import de.weserems.integration.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that no body exhausts the service: ingest-service from its jar, as in production, with a
 * 256 MB heap and its default limits (10 MB, 10,000 events), gets 10 MB of garbage as JSON, NDJSON and
 * CSV, a body of invalid UTF-8 and one JSON object of a million fields. Each is refused as a whole or item
 * by item, the service stays healthy and takes a normal request after them, and its metrics show that no
 * body was read past item 10,001.
 */
class GarbageAtSmallHeapIT {

    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_EVENTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path LOG = Path.of("target", "ingest-small-heap.log");
    private static ServiceProcess service;
    /** Where this run's part of the log starts: the file is appended to. */
    private static long logStart;

    @BeforeAll
    static void start() throws Exception {
        logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        service = ServiceProcess.start("ingest-small-heap", ServiceProcess.findJar("ingest-service"),
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                List.of("--spring.profiles.active=local",
                        "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                        "--ingest.instance-id=small-heap-it",
                        "--ingest.pseudonymisation.secret=test-secret-for-integration-tests"),
                Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Timeout(300)
    void ten_megabytes_of_garbage_in_every_format_are_refused_and_the_service_stays_well() throws Exception {
        assertRefused(post("application/json", jsonArrayOfEmptyObjects()), 413, "too-many-events");
        assertRefused(post("application/x-ndjson", exactly("", "x\n")), 413, "too-many-events");
        assertRefused(post("text/csv", exactly("eventId;type;occurredOn;district\n", "x\n")), 413, "too-many-events");
        assertRefused(post("application/json", oneObjectOfAMillionFields()), 422, "invalid-events");
        assertRefused(post("application/json", randomBytes()), 400, "unreadable-body");

        assertThat(service.isAlive()).isTrue();
        HttpResponse<String> health = HTTP.send(service.asOperator("/actuator/health").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\""
                + LocalDate.now().minusDays(1) + "\",\"district\":\"03454\",\"courseType\":\"INTEGRATION_COURSE\"}";
        HttpResponse<String> normal = post("application/json", event.getBytes(StandardCharsets.UTF_8));
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(202);

        String metrics = HTTP.send(service.asOperator("/actuator/prometheus").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String format : List.of("JSON", "NDJSON", "CSV")) {
            assertThat(sample(metrics, "ingest_items_read_max", "format=\"" + format + "\""))
                    .as("items read of a %s body", format).isEqualTo(MAX_EVENTS + 1);
        }
        assertThat(sample(metrics, "ingest_parse_stopped_early_total", "limit=\"max-events\"")).isEqualTo(3);
        byte[] log = Files.readAllBytes(LOG);
        assertThat(new String(log, (int) logStart, log.length - (int) logStart, StandardCharsets.UTF_8))
                .doesNotContain("OutOfMemoryError");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/" + type);
        if (status == 413) {
            assertThat(problem.get("limit").asString()).isEqualTo("ingest.limits.max-events");
        }
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri("/api/v1/events")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + ApiKeys.LOCAL_DEMO_KEY).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code head}, then {@code line} until the body is exactly the largest allowed (the rest padded with x). */
    private static byte[] exactly(String head, String line) {
        StringBuilder out = new StringBuilder(MAX_BYTES).append(head);
        while (out.length() + line.length() <= MAX_BYTES) {
            out.append(line);
        }
        out.append("x".repeat(MAX_BYTES - out.length()));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] jsonArrayOfEmptyObjects() {
        byte[] body = exactly("[", "{},");
        body[body.length - 1] = ']';
        body[body.length - 2] = '}';
        body[body.length - 3] = '{';
        return body;
    }

    private static byte[] oneObjectOfAMillionFields() {
        StringBuilder out = new StringBuilder(MAX_BYTES).append('{');
        for (int i = 0; out.length() < MAX_BYTES - 20; i++) {
            out.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":0");
        }
        return out.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomBytes() {
        byte[] body = new byte[MAX_BYTES];
        new Random(42).nextBytes(body);
        return body;
    }

    /** The value of the one sample of {@code name} whose labels contain {@code label}. */
    private static long sample(String metrics, String name, String label) {
        Matcher m = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as("%s{%s} in the metrics", name, label).isTrue();
        return Math.round(sum);
    }
}
