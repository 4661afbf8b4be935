package de.weserems.integration.ingest.api;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.weserems.integration.events.Topics;
import de.weserems.integration.ingest.audit.DeliveryLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a provider sees of its deliveries, the rate limit, and the published documentation. */
class DeliveriesAndDocsIT extends IngestApiTestBase {

    @Test
    void deliveries_list_the_providers_own_requests_newest_first_and_the_audit_holds_no_payload() throws Exception {
        String secretRef = "tn-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        assertThat(post(EMDEN_KEY, enrolment(id, "03402", secretRef)).statusCode()).isEqualTo(202);
        assertThat(post(EMDEN_KEY, "[" + enrolment(UUID.randomUUID().toString(), "03454", secretRef) + ","
                + enrolment(UUID.randomUUID().toString(), "09162", null) + "]").statusCode()).isEqualTo(422);
        HttpResponse<String> dry = post(EMDEN_KEY, JSON_TYPE, enrolment(UUID.randomUUID().toString(), "03402", null),
                "?dryRun=true");
        assertThat(dry.statusCode()).isEqualTo(202);
        assertThat(dry.headers().firstValue("X-Request-Id")).isPresent();

        HttpResponse<String> response = get("/api/v1/deliveries", EMDEN_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("provider").asString()).isEqualTo("emden-only");
        JsonNode deliveries = body.get("deliveries");
        assertThat(deliveries.size()).isGreaterThanOrEqualTo(3);
        JsonNode newest = deliveries.get(0);
        assertThat(newest.get("requestId").asString()).isEqualTo(dry.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(newest.get("dryRun").asBoolean()).isTrue();
        assertThat(newest.get("status").asInt()).isEqualTo(202);
        JsonNode rejected = deliveries.get(1);
        assertThat(rejected.get("status").asInt()).isEqualTo(422);
        assertThat(rejected.get("events").asInt()).isEqualTo(2);
        assertThat(rejected.get("accepted").asInt()).isZero();
        assertThat(rejected.get("rejected").asInt()).isEqualTo(2);
        List<String> reasons = new ArrayList<>();
        rejected.get("reasons").forEach(r -> reasons.add(r.get("field").asString() + "/" + r.get("rule").asString()
                + "=" + r.get("count").asInt()));
        assertThat(reasons).containsExactlyInAnyOrder("district/district-not-allowed=1", "district/invalid-value=1");
        JsonNode stored = deliveries.get(2);
        assertThat(stored.get("status").asInt()).isEqualTo(202);
        assertThat(stored.get("dryRun").asBoolean()).isFalse();
        assertThat(stored.get("accepted").asInt()).isEqualTo(1);
        assertThat(stored.get("districts").properties()).as("the stored events by district")
                .extracting(e -> e.getKey() + "=" + e.getValue().asInt()).containsExactly("03402=1");
        assertThat(rejected.get("districts").isEmpty()).as("a refused request reports for no district").isTrue();

        // another provider sees none of it
        JsonNode demo = JSON.readTree(get("/api/v1/deliveries", DEMO_KEY).body());
        assertThat(demo.get("provider").asString()).isEqualTo("demo");
        demo.get("deliveries").forEach(d -> assertThat(d.get("providerId").asString()).isEqualTo("demo"));

        // all three summaries reach the audit topic, keyed by provider, without payload
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> audit = readAll(Topics.INGEST_AUDIT, true).stream()
                    .filter(r -> r.key().equals("emden-only")).toList();
            assertThat(audit).hasSizeGreaterThanOrEqualTo(3);
            assertThat(audit).noneMatch(r -> r.value().contains(secretRef) || r.value().contains(id)
                    || r.value().contains("09162"));
        });
    }

    @Autowired
    DeliveryLog deliveryLog;

    @Test
    void a_refused_request_is_still_audited_after_the_log_was_stopped_and_started_again() throws Exception {
        // as when Spring pauses and resumes a context (tests) or a lifecycle restarts: the background
        // writer of refused requests' summaries must come back with it
        deliveryLog.stop();
        deliveryLog.start();
        HttpResponse<String> refused = post(DEMO_KEY, enrolment(UUID.randomUUID().toString(), "09162", null));
        assertThat(refused.statusCode()).isEqualTo(422);
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(readAll(Topics.INGEST_AUDIT, true))
                .anyMatch(r -> r.value().contains(requestId)));
    }

    @Test
    void deliveries_need_a_key() throws Exception {
        assertThat(get("/api/v1/deliveries", null).statusCode()).isEqualTo(401);
    }

    @Test
    void over_the_providers_rate_is_429_with_retry_after_and_nothing_stored() throws Exception {
        String batch = ndjson(400);
        assertThat(post(SLOW_KEY, NDJSON_TYPE, batch, "?dryRun=true").statusCode()).isEqualTo(202);
        String second = ndjson(400);
        HttpResponse<String> limited = post(SLOW_KEY, NDJSON_TYPE, second, "");
        assertThat(limited.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        // 400 events at 1 event/s with about 100 tokens left: roughly 300 s
        assertThat(retryAfter).isBetween(250L, 400L);
        assertThat(JSON.readTree(limited.body()).get("detail").asString())
                .contains("Send the same request again in " + retryAfter + " s; nothing was stored.");
        String firstId = second.substring(second.indexOf("\"eventId\":\"") + 11, second.indexOf("\"eventId\":\"") + 47);
        assertThat(committedEvents()).noneMatch(r -> r.value().contains(firstId));
    }

    @Test
    void the_json_schema_is_public_and_agrees_with_the_validator_on_examples() throws Exception {
        HttpResponse<String> response = get("/api/v1/schema/event", null);
        assertThat(response.statusCode()).isEqualTo(200);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(response.body());
        String id = UUID.randomUUID().toString();
        String valid = enrolment(id, "03454", "tn-1");
        assertThat(schema.validate(valid, com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(post(DEMO_KEY, JSON_TYPE, valid, "?dryRun=true").statusCode()).isEqualTo(202);
        String withRef = valid.replace("\"tn-1\"", "\"Unbekannt-7\"");
        assertThat(schema.validate(withRef, com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(post(DEMO_KEY, JSON_TYPE, withRef, "?dryRun=true").statusCode()).isEqualTo(202);
        for (String invalid : List.of(
                valid.replace("\"courseType\":\"INTEGRATION_COURSE\"", "\"placementType\":\"EMPLOYMENT\""),
                valid.replace("03454", "09162"),
                valid.replace("}", ",\"colour\":\"blue\"}"),
                valid.replace("\"eventId\":\"" + id + "\",", ""),
                valid.replace("COURSE_ENROLMENT", "ENROLMENT"),
                valid.replace("\"tn-1\"", "\"  \""),
                valid.replace("\"tn-1\"", "\" Unbekannt\\t\""),
                valid.replace("\"tn-1\"", "\"N/A\""))) {
            assertThat(schema.validate(invalid, com.networknt.schema.InputFormat.JSON)).as(invalid).isNotEmpty();
            assertThat(post(DEMO_KEY, JSON_TYPE, invalid, "?dryRun=true").statusCode()).as(invalid).isEqualTo(422);
        }
    }

    @Test
    void openapi_and_swagger_ui_are_served() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.get("paths").has("/api/v1/events")).isTrue();
        assertThat(api.get("paths").has("/api/v1/deliveries")).isTrue();
        assertThat(api.get("paths").has("/api/v1/schema/event")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1events/post/requestBody/content").has("text/csv")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1events/post/requestBody/content")
                .has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1events/post/responses").has("429")).isTrue();
        assertThat(api.at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
        HttpResponse<String> ui = get("/swagger-ui/index.html", null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }

    @Test
    void metrics_count_accepted_and_rejected_events_by_provider_and_reason_and_time_requests() throws Exception {
        assertThat(post(DEMO_KEY, enrolment(UUID.randomUUID().toString(), "03454", null)).statusCode()).isEqualTo(202);
        assertThat(post(DEMO_KEY, enrolment(UUID.randomUUID().toString(), "09162", null)).statusCode()).isEqualTo(422);
        String metrics = management("/actuator/prometheus", "operator").body();
        assertThat(metrics)
                .containsPattern("ingest_events_accepted_total\\{[^}]*provider=\"demo\"")
                .containsPattern("ingest_events_rejected_total\\{[^}]*provider=\"demo\"[^}]*status=\"422\"")
                .containsPattern("ingest_field_errors_total\\{[^}]*field=\"district\"[^}]*rule=\"invalid-value\"")
                .containsPattern("ingest_requests_seconds_bucket\\{[^}]*format=\"JSON\"")
                .containsPattern("ingest_request_events_count\\{");
    }

    private static String ndjson(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(enrolment(UUID.randomUUID().toString(), "03454", null)).append('\n');
        }
        return out.toString();
    }
}
