package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest API over real HTTP against a real Kafka broker: the main paths. */
class EventsApiIT extends IngestApiTestBase {

    @Test
    void an_accepted_event_is_on_the_topic_pseudonymised_and_stamped() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = post(DEMO_KEY, enrolment(id, "03454", "maria-musterfrau-1985"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
        ConsumerRecord<String, String> record = find(id);
        assertThat(record.key()).as("keyed by eventId").isEqualTo(id);
        JsonNode stored = JSON.readTree(record.value());
        assertThat(stored.get("providerId").asString()).isEqualTo("demo");
        assertThat(stored.get("receivedAt").asString()).isNotBlank();
        assertThat(stored.get("participant").asString()).hasSizeGreaterThan(20);
        assertThat(record.value()).doesNotContain("maria-musterfrau-1985").doesNotContain("participantRef");
    }

    @Test
    void the_same_participant_gets_the_same_pseudonym() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertThat(post(DEMO_KEY, "[" + enrolment(a, "03401", "ref-42") + ","
                + enrolment(b, "03402", "ref-42") + "]").statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(find(a).value()).get("participant"))
                .isEqualTo(JSON.readTree(find(b).value()).get("participant"));
    }

    @Test
    void an_invalid_item_rejects_the_whole_request_and_stores_nothing() throws Exception {
        String good = UUID.randomUUID().toString();
        String body = "[" + enrolment(good, "03454", null) + ",{\"eventId\":\"x\",\"type\":\"COURSE_ENROLMENT\"}]";
        HttpResponse<String> response = post(DEMO_KEY, body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-events");
        assertThat(problem.get("detail").asString()).isEqualTo("1 of 2 events are invalid. Nothing was stored.");
        JsonNode item = problem.get("invalid").get(0);
        assertThat(item.get("index").asInt()).isEqualTo(1);
        assertThat(item.get("eventId").asString()).isEqualTo("x");
        List<String> fields = new ArrayList<>();
        item.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("eventId", "occurredOn", "district", "courseType");
        assertThat(committedEvents()).noneMatch(r -> r.value().contains(good));
    }

    @Test
    void a_district_outside_the_providers_permission_is_forbidden() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = post(EMDEN_KEY, enrolment(id, "03454", null));
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body()).get("invalid").get(0).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("district");
        assertThat(error.get("reason").asString()).isEqualTo("provider emden-only may not report for 03454 (Emsland)");
        assertThat(post(EMDEN_KEY, enrolment(UUID.randomUUID().toString(), "03402", null)).statusCode()).isEqualTo(202);
    }

    @Test
    void a_missing_or_unknown_key_is_unauthorized() throws Exception {
        String body = enrolment(UUID.randomUUID().toString(), "03454", null);
        HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(uri("/api/v1/events")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        // no Accept-Language: German, like every other problem of ingest
        assertThat(JSON.readTree(noKey.body()).get("title").asString()).isEqualTo("Nicht angemeldet");
        assertThat(JSON.readTree(noKey.body()).get("detail").asString())
                .isEqualTo("Senden Sie Ihren API-Schlüssel als „Authorization: Bearer <Schlüssel>“.");
        HttpResponse<String> wrongKey = post("wrong-key", body);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).doesNotContain("wrong-key");
        // post(...) asks for English
        assertThat(JSON.readTree(wrongKey.body()).get("title").asString()).isEqualTo("Unauthorized");
        assertThat(JSON.readTree(wrongKey.body()).get("detail").asString())
                .isEqualTo("The API key is not known. Check it, or ask the operator for a new one.");
    }

    @Test
    void unreadable_bodies_and_other_media_types_are_refused() throws Exception {
        assertThat(post(DEMO_KEY, "{\"eventId\":").statusCode()).isEqualTo(400);
        assertThat(post(DEMO_KEY, "[]").statusCode()).isEqualTo(400);
        assertThat(post(DEMO_KEY, "").statusCode()).isEqualTo(400);
        HttpResponse<String> xml = http.send(HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<event/>")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(415);
    }

    @Test
    void dry_run_validates_without_storing() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/events?dryRun=true"))
                .header("Authorization", "Bearer " + DEMO_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(enrolment(id, "03454", null))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(committedEvents()).noneMatch(r -> r.value().contains(id));
    }

    @Test
    void health_and_prometheus_are_exposed_to_operators_with_kafka_in_readiness() throws Exception {
        HttpResponse<String> readiness = management("/actuator/health/readiness", "operator");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("components").has("kafka")).isTrue();
        assertThat(management("/actuator/prometheus", "operator").body()).contains("jvm_memory_used_bytes");
    }

    private ConsumerRecord<String, String> find(String eventId) {
        return committedEvents().stream().filter(r -> r.value().contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not on " + Topics.EVENTS));
    }
}
