package de.weserems.integration.ingest.api;

import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.Topics;
import de.weserems.integration.events.audit.DeliveryRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a careless or hostile provider can make the service hold or write: bounded, whatever it sends.
 */
class BoundedWorkIT extends IngestApiTestBase {

    private static final Pattern FIELD_ERROR_SERIES = Pattern.compile("^ingest_field_errors_total\\{([^}]*)}", Pattern.MULTILINE);
    private static final Pattern FIELD_TAG = Pattern.compile("field=\"([^\"]*)\"");

    @Test
    void twenty_thousand_distinct_unknown_field_names_make_one_metric_series_and_a_bounded_audit_record()
            throws Exception {
        String lastRequest = null;
        for (int request = 0; request < 10; request++) {
            StringBuilder body = new StringBuilder("[");
            for (int e = 0; e < 200; e++) {
                String event = enrolment(UUID.randomUUID().toString(), "03454", null);
                StringBuilder unknown = new StringBuilder();
                for (int k = 0; k < 10; k++) {
                    unknown.append(",\"(k").append((request * 200 + e) * 10 + k).append(")\":0");
                }
                body.append(e == 0 ? "" : ",").append(event, 0, event.length() - 1).append(unknown).append('}');
            }
            HttpResponse<String> response = post(DEMO_KEY, body.append(']').toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            lastRequest = response.headers().firstValue("X-Request-Id").orElseThrow();
        }

        Set<String> fieldTags = new HashSet<>();
        List<String> unknownSeries = new ArrayList<>();
        Matcher series = FIELD_ERROR_SERIES.matcher(management("/actuator/prometheus", "operator").body());
        while (series.find()) {
            Matcher field = FIELD_TAG.matcher(series.group(1));
            assertThat(field.find()).isTrue();
            fieldTags.add(field.group(1));
            if (series.group(1).contains("provider=\"demo\"") && field.group(1).equals("(unknown)")) {
                unknownSeries.add(series.group(1));
            }
        }
        Set<String> closed = new HashSet<>(EventFields.ALL);
        closed.addAll(List.of("(event)", "(line)", "(row)", "(unknown)"));
        assertThat(fieldTags).as("field tags come from a closed set").isSubsetOf(closed);
        assertThat(unknownSeries).as("one series for all unknown names").hasSize(1)
                .allSatisfy(s -> assertThat(s).contains("rule=\"unknown-field\""));

        JsonNode newest = JSON.readTree(get("/api/v1/deliveries?limit=1", DEMO_KEY).body()).get("deliveries").get(0);
        assertThat(newest.get("requestId").asString()).isEqualTo(lastRequest);
        assertThat(newest.get("rejected").asInt()).isEqualTo(200);
        assertThat(newest.get("reasons").size()).isEqualTo(DeliveryRecord.Reason.MAX_REASONS);
        int counted = 0;
        for (JsonNode reason : newest.get("reasons")) {
            counted += reason.get("count").asInt();
        }
        assertThat(counted).as("every unknown name counted, the rest as (other)").isEqualTo(2_000);

        String requestId = lastRequest;
        ConsumerRecord<String, String> audit = await().atMost(Duration.ofSeconds(20)).until(
                () -> readAll(Topics.INGEST_AUDIT, true).stream().filter(r -> r.value().contains(requestId))
                        .findFirst().orElse(null), r -> r != null);
        DeliveryRecord record = DeliveryRecord.fromJson(audit.value().getBytes(StandardCharsets.UTF_8));
        assertThat(record.reasons()).hasSize(DeliveryRecord.Reason.MAX_REASONS)
                .contains(new DeliveryRecord.Reason(DeliveryRecord.Reason.OTHER, DeliveryRecord.Reason.OTHER, 2_000 - 63));
        assertThat(audit.value().length()).isLessThan(16 * 1024);
    }

    @Test
    void a_request_of_many_invalid_items_lists_the_first_hundred_and_counts_the_rest() throws Exception {
        String body = "{\"eventId\":\"x\"}\n".repeat(150) + "not json\n".repeat(200)
                + enrolment(UUID.randomUUID().toString(), "03454", null) + "\n";
        HttpResponse<String> response = post(DEMO_KEY, NDJSON_TYPE, body, "");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("invalid").size()).isEqualTo(100);
        assertThat(problem.get("invalidNotListed").asInt()).isEqualTo(250);
        assertThat(problem.get("detail").asString()).isEqualTo("350 of 351 events are invalid. Nothing was stored. "
                + "The first 100 are listed under 'invalid'; 250 more are only counted (invalidNotListed).");
        assertThat(problem.get("invalid").get(99).get("line").asInt()).isEqualTo(100);

        JsonNode newest = JSON.readTree(get("/api/v1/deliveries?limit=1", DEMO_KEY).body()).get("deliveries").get(0);
        assertThat(newest.get("rejected").asInt()).isEqualTo(350);
        List<String> reasons = new ArrayList<>();
        newest.get("reasons").forEach(r -> reasons.add(r.get("field").asString() + "/" + r.get("rule").asString()
                + "=" + r.get("count").asInt()));
        assertThat(reasons).contains("(line)/unreadable=200", "eventId/invalid-format=150", "district/missing=150");
    }

    @Test
    void refused_requests_are_charged_to_the_providers_rate_by_the_items_read() throws Exception {
        // the provider may send 500 events at once, then 1 a second
        assertThat(post(CARELESS_KEY, NDJSON_TYPE, "x\n".repeat(499), "").statusCode()).isEqualTo(422);
        HttpResponse<String> tooMany = post(CARELESS_KEY, NDJSON_TYPE, "x\n".repeat(5_000), "");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        JsonNode problem = JSON.readTree(tooMany.body());
        assertThat(problem.get("limit").asString()).isEqualTo("ingest.limits.max-events");
        assertThat(problem.get("max").asInt()).isEqualTo(500);

        // 499 + 501 items read: the bucket is some 500 tokens in debt, so even one valid event has to wait
        String id = UUID.randomUUID().toString();
        HttpResponse<String> limited = post(CARELESS_KEY, enrolment(id, "03454", null));
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(100);
        assertThat(post(CARELESS_KEY, NDJSON_TYPE, "x\n".repeat(10), "").statusCode())
                .as("garbage too waits its turn, unread").isEqualTo(429);
        assertThat(committedEvents()).noneMatch(r -> r.value().contains(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/events", "/%61pi/v1/events", "//api/v1/events", "/api/v1/events/",
            "/api/v1/./events", "/api/v1//events", "/api/v1/events;x", "/api/v1/schema/../events",
            "/api/v1/schema/..;/events", "/api/v1/schema/%2e%2e/events", "/api/v1/schema/event/../../events",
            "/actuator/health/../../api/v1/events", "/swagger-ui/..;/api/v1/events", "/API/v1/events",
            "/api/v1/deliveries;x"})
    void a_path_that_may_reach_a_provider_endpoint_needs_a_key_however_it_is_written(String path) throws Exception {
        String event = enrolment(UUID.randomUUID().toString(), "03454", null);
        assertThat(raw("POST", path, null, event)).as(path).startsWith("HTTP/1.1 401 ");
        assertThat(raw("GET", path, null, "")).as(path).startsWith("HTTP/1.1 401 ");
    }

    @Test
    void the_documentation_stays_public_under_its_plain_path_and_the_operators_endpoints_are_not_here() throws Exception {
        assertThat(raw("GET", "/api/v1/schema/event", null, "")).startsWith("HTTP/1.1 200 ");
        // the operator's endpoints live on the management port only (ManagementPortIT)
        assertThat(raw("GET", "/actuator/health", null, "")).startsWith("HTTP/1.1 404 ");
        assertThat(raw("GET", "/actuator/prometheus", null, "")).startsWith("HTTP/1.1 404 ");
        assertThat(raw("GET", "/v3/api-docs", null, "")).startsWith("HTTP/1.1 200 ");
        assertThat(raw("GET", "/api/v1/schema;x/event", null, "")).startsWith("HTTP/1.1 401 ");
        assertThat(raw("POST", "/api/v1/events", DEMO_KEY, enrolment(UUID.randomUUID().toString(), "03454", null)))
                .startsWith("HTTP/1.1 202 ");
    }

    /** One request written byte by byte as given, so no client normalises its path; its status line. */
    private String raw(String method, String path, String key, String body) throws Exception {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                    + (content.length == 0 ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, Math.max(0, answer.indexOf("\r\n")));
        }
    }
}
