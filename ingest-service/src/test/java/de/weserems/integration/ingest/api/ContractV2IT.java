package de.weserems.integration.ingest.api;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.weserems.integration.events.Region;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Event contract v2 over real HTTP against a real broker: what is stored, CSV, dry run, refusals, schema and docs. */
class ContractV2IT extends IngestApiTestBase {

    private static final String DAY = LocalDate.now(Region.ZONE).minusDays(3).toString();

    @Test
    void events_with_the_fields_of_v2_and_a_retraction_are_stored_stamped_and_pseudonymised() throws Exception {
        String enrolment = UUID.randomUUID().toString();
        String completion = UUID.randomUUID().toString();
        String placement = UUID.randomUUID().toString();
        String retraction = UUID.randomUUID().toString();
        String body = "[" + String.join(",",
                event(enrolment, "COURSE_ENROLMENT", "\"participantRef\":\"tn-v2-1\",\"courseType\":\"JOB_LANGUAGE_COURSE\","
                        + "\"courseVariant\":\"BASIC_B2\",\"targetLevel\":\"B2\",\"fundingSource\":\"BAMF_DEUFOEV\""),
                event(completion, "COURSE_COMPLETION", "\"participantRef\":\"tn-v2-1\",\"courseType\":\"INTEGRATION_COURSE\","
                        + "\"outcome\":\"FAILED\",\"languageLevel\":\"BELOW_A1\",\"courseVariant\":\"LITERACY\","
                        + "\"attempt\":\"REPEAT\""),
                event(placement, "JOB_PLACEMENT", "\"placementType\":\"FULL_VOCATIONAL_TRAINING\""),
                event(retraction, "RETRACTION", "\"retracts\":\"" + enrolment + "\"")) + "]";

        HttpResponse<String> response = post(DEMO_KEY, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(4);
        JsonNode storedEnrolment = stored(enrolment);
        assertThat(storedEnrolment.get("courseVariant").asString()).isEqualTo("BASIC_B2");
        assertThat(storedEnrolment.get("targetLevel").asString()).isEqualTo("B2");
        assertThat(storedEnrolment.get("fundingSource").asString()).isEqualTo("BAMF_DEUFOEV");
        JsonNode storedCompletion = stored(completion);
        assertThat(storedCompletion.get("attempt").asString()).isEqualTo("REPEAT");
        assertThat(storedCompletion.get("languageLevel").asString()).isEqualTo("BELOW_A1");
        assertThat(storedCompletion.get("participant")).isEqualTo(storedEnrolment.get("participant"));
        assertThat(stored(placement).get("placementType").asString()).isEqualTo("FULL_VOCATIONAL_TRAINING");

        ConsumerRecord<String, String> record = record(retraction);
        assertThat(record.key()).as("keyed by its own eventId").isEqualTo(retraction);
        JsonNode storedRetraction = JSON.readTree(record.value());
        assertThat(storedRetraction.propertyNames()).containsExactly("eventId", "type", "occurredOn", "district",
                "retracts", "providerId", "receivedAt");
        assertThat(storedRetraction.get("retracts").asString()).isEqualTo(enrolment);
        assertThat(storedRetraction.get("providerId").asString()).isEqualTo("demo");
        assertThat(storedRetraction.get("receivedAt").asString())
                .isEqualTo(storedEnrolment.get("receivedAt").asString());
    }

    @Test
    void csv_with_the_columns_of_v2_is_stored_and_csv_of_v1_stays_valid() throws Exception {
        String completion = UUID.randomUUID().toString();
        String retraction = UUID.randomUUID().toString();
        String v2 = """
                eventId;type;occurredOn;district;participantRef;courseType;outcome;languageLevel;placementType;\
                courseVariant;targetLevel;attempt;fundingSource;retracts
                %s;COURSE_COMPLETION;%s;03457;tn-v2-2;JOB_LANGUAGE_COURSE;PASSED;C1;;BASIC_C1;C1;FIRST;BAMF_DEUFOEV;
                %s;RETRACTION;%s;03457;;;;;;;;;;%s
                """.formatted(completion, DAY, retraction, DAY, completion);
        HttpResponse<String> response = post(DEMO_KEY, CSV_TYPE, v2, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(stored(completion).get("courseVariant").asString()).isEqualTo("BASIC_C1");
        assertThat(stored(retraction).get("retracts").asString()).isEqualTo(completion);

        String v1Id = UUID.randomUUID().toString();
        String v1 = """
                eventId;type;occurredOn;district;participantRef;courseType;outcome;languageLevel;placementType
                %s;COURSE_COMPLETION;%s;03457;tn-v1;JOB_LANGUAGE_COURSE;FAILED;;
                """.formatted(v1Id, DAY);
        assertThat(post(DEMO_KEY, CSV_TYPE, v1, "").statusCode()).isEqualTo(202);
        assertThat(stored(v1Id).has("courseVariant")).isFalse();
    }

    @Test
    void a_dry_run_checks_v2_bodies_as_it_checks_any_and_stores_nothing() throws Exception {
        String enrolment = UUID.randomUUID().toString();
        String retraction = UUID.randomUUID().toString();
        String valid = "[" + event(enrolment, "COURSE_ENROLMENT", "\"courseType\":\"FIRST_ORIENTATION_COURSE\","
                + "\"fundingSource\":\"LAND_NIEDERSACHSEN\"") + ","
                + event(retraction, "RETRACTION", "\"retracts\":\"" + UUID.randomUUID() + "\"") + "]";
        HttpResponse<String> checked = post(DEMO_KEY, JSON_TYPE, valid, "?dryRun=true");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(202);
        assertThat(JSON.readTree(checked.body()).get("accepted").asInt()).isEqualTo(2);

        String invalid = event(UUID.randomUUID().toString(), "COURSE_ENROLMENT",
                "\"courseType\":\"JOB_LANGUAGE_COURSE\",\"courseVariant\":\"SPECIAL_A2\",\"targetLevel\":\"B1\"");
        HttpResponse<String> refused = post(DEMO_KEY, NDJSON_TYPE, invalid + "\n", "?dryRun=true");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(errors(refused)).containsExactly("0|targetLevel|level-contradicts-variant|SPECIAL_A2 leads to A2, not to B1");
        assertThat(committedEvents()).noneMatch(r -> r.value().contains(enrolment) || r.value().contains(retraction));
    }

    @Test
    void a_retraction_without_retracts_or_with_fields_of_another_type_is_refused_with_each_field_named()
            throws Exception {
        String bare = event(UUID.randomUUID().toString(), "RETRACTION", null);
        String described = event(UUID.randomUUID().toString(), "RETRACTION", "\"retracts\":\"" + UUID.randomUUID()
                + "\",\"participantRef\":\"tn-v2-3\",\"courseType\":\"INTEGRATION_COURSE\",\"outcome\":\"PASSED\"");
        HttpResponse<String> response = post(DEMO_KEY, "[" + bare + "," + described + "]");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-events");
        assertThat(problem.get("detail").asString()).isEqualTo("2 of 2 events are invalid. Nothing was stored.");
        assertThat(errors(response)).containsExactly(
                "0|retracts|missing|missing (required for RETRACTION)",
                "1|participantRef|not-allowed-for-type|not allowed for RETRACTION",
                "1|courseType|not-allowed-for-type|not allowed for RETRACTION",
                "1|outcome|not-allowed-for-type|not allowed for RETRACTION");
    }

    @Test
    void the_json_schema_agrees_with_the_validator_on_v2_examples() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(get("/api/v1/schema/event", null).body());
        String id = UUID.randomUUID().toString();
        String retracted = UUID.randomUUID().toString();
        List<String> valid = List.of(
                event(id, "COURSE_ENROLMENT", "\"courseType\":\"INTEGRATION_COURSE\",\"courseVariant\":\"WOMEN\","
                        + "\"targetLevel\":\"B1\",\"fundingSource\":\"BAMF_INTV\""),
                event(id, "COURSE_COMPLETION", "\"courseType\":\"JOB_LANGUAGE_COURSE\",\"outcome\":\"PASSED\","
                        + "\"courseVariant\":\"BASIC_C2\",\"targetLevel\":\"C2\",\"attempt\":\"FIRST\""),
                event(id, "JOB_PLACEMENT", "\"placementType\":\"FULL_VOCATIONAL_TRAINING\""),
                event(id, "RETRACTION", "\"retracts\":\"" + retracted + "\""));
        for (String event : valid) {
            assertThat(schema.validate(event, InputFormat.JSON)).as(event).isEmpty();
            assertThat(post(DEMO_KEY, JSON_TYPE, event, "?dryRun=true").statusCode()).as(event).isEqualTo(202);
        }
        List<String> invalid = List.of(
                valid.get(0).replace("WOMEN", "BASIC_B2"),
                valid.get(0).replace("INTEGRATION_COURSE", "ORIENTATION_COURSE"),
                valid.get(0).replace("\"targetLevel\":\"B1\"", "\"targetLevel\":\"BELOW_A1\""),
                valid.get(0).replace("\"fundingSource\"", "\"attempt\":\"FIRST\",\"fundingSource\""),
                valid.get(1).replace("\"targetLevel\":\"C2\"", "\"targetLevel\":\"C1\""),
                valid.get(1).replace("JOB_LANGUAGE_COURSE", "VOCATIONAL_QUALIFICATION"),
                valid.get(2).replace("}", ",\"fundingSource\":\"OTHER\"}"),
                valid.get(3).replace(",\"retracts\":\"" + retracted + "\"", ""),
                valid.get(3).replace("}", ",\"participantRef\":\"tn-1\"}"),
                valid.get(3).replace(retracted, "not-a-uuid"));
        for (String event : invalid) {
            assertThat(schema.validate(event, InputFormat.JSON)).as(event).isNotEmpty();
            assertThat(post(DEMO_KEY, JSON_TYPE, event, "?dryRun=true").statusCode()).as(event).isEqualTo(422);
        }
    }

    @Test
    void the_examples_of_the_openapi_description_are_accepted() throws Exception {
        JsonNode content = JSON.readTree(get("/v3/api-docs", null).body())
                .at("/paths/~1api~1v1~1events/post/requestBody/content");
        List<String> names = new ArrayList<>();
        content.get("application/json").get("examples").properties().forEach(example -> {
            names.add(example.getKey());
            String body = text(example.getValue().get("value"));
            try {
                HttpResponse<String> response = post(DEMO_KEY, JSON_TYPE, body, "?dryRun=true");
                assertThat(response.statusCode()).as(example.getKey() + ": " + response.body()).isEqualTo(202);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(names).containsExactly("enrolment", "enrolment with the fields of v2", "retraction", "entitlement",
                "course start");
        JsonNode csvContent = content.get("text/csv");
        String csv = text(csvContent.has("example") ? csvContent.get("example")
                : csvContent.get("examples").values().iterator().next().get("value"));
        HttpResponse<String> response = post(DEMO_KEY, CSV_TYPE, csv, "?dryRun=true");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(3);
    }

    @Test
    void an_entitlement_and_a_course_start_are_stored_with_the_participant_pseudonymised_and_sex_kept()
            throws Exception {
        String entitlement = UUID.randomUUID().toString();
        String start = UUID.randomUUID().toString();
        String body = "[" + String.join(",",
                event(entitlement, "ENTITLEMENT", "\"participantRef\":\"tn-ent-1\",\"entitlement\":\"OBLIGED\","
                        + "\"issuer\":\"FOREIGNERS_AUTHORITY\",\"sex\":\"DIVERSE\""),
                event(start, "COURSE_START", "\"participantRef\":\"tn-ent-1\",\"courseType\":\"JOB_LANGUAGE_COURSE\","
                        + "\"courseVariant\":\"BASIC_C1\",\"targetLevel\":\"C1\",\"fundingSource\":\"BAMF_DEUFOEV\"")) + "]";

        HttpResponse<String> checked = post(DEMO_KEY, JSON_TYPE, body, "?dryRun=true");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(202);
        HttpResponse<String> response = post(DEMO_KEY, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode storedEntitlement = stored(entitlement);
        assertThat(storedEntitlement.propertyNames()).containsExactly("eventId", "type", "occurredOn", "district",
                "participant", "entitlement", "issuer", "sex", "providerId", "receivedAt");
        assertThat(storedEntitlement.get("participant").asString()).isNotEqualTo("tn-ent-1");
        assertThat(storedEntitlement.get("issuer").asString()).isEqualTo("FOREIGNERS_AUTHORITY");
        JsonNode storedStart = stored(start);
        assertThat(storedStart.get("participant")).isEqualTo(storedEntitlement.get("participant"));
        assertThat(storedStart.get("courseVariant").asString()).isEqualTo("BASIC_C1");
    }

    @Test
    void the_json_schema_agrees_with_the_validator_on_entitlements_course_starts_and_sex() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(get("/api/v1/schema/event", null).body());
        String id = UUID.randomUUID().toString();
        String entitlement = event(id, "ENTITLEMENT", "\"participantRef\":\"tn-1\",\"entitlement\":\"ENTITLED\","
                + "\"issuer\":\"BAMF\",\"sex\":\"FEMALE\"");
        String start = event(id, "COURSE_START", "\"participantRef\":\"tn-1\",\"courseType\":\"INTEGRATION_COURSE\","
                + "\"courseVariant\":\"YOUTH\",\"targetLevel\":\"B1\",\"sex\":\"UNSPECIFIED\"");
        for (String event : List.of(entitlement, start)) {
            assertThat(schema.validate(event, InputFormat.JSON)).as(event).isEmpty();
            assertThat(post(DEMO_KEY, JSON_TYPE, event, "?dryRun=true").statusCode()).as(event).isEqualTo(202);
        }
        List<String> invalid = List.of(
                entitlement.replace(",\"issuer\":\"BAMF\"", ""),
                entitlement.replace("\"participantRef\":\"tn-1\",", ""),
                entitlement.replace("ENTITLED", "ALLOWED"),
                entitlement.replace("}", ",\"courseType\":\"INTEGRATION_COURSE\"}"),
                start.replace("\"courseType\":\"INTEGRATION_COURSE\",", ""),
                start.replace("YOUTH", "BASIC_B2"),
                start.replace("}", ",\"outcome\":\"PASSED\"}"),
                start.replace("UNSPECIFIED", "NONE"),
                event(id, "RETRACTION", "\"retracts\":\"" + UUID.randomUUID() + "\",\"sex\":\"MALE\""));
        for (String event : invalid) {
            assertThat(schema.validate(event, InputFormat.JSON)).as(event).isNotEmpty();
            assertThat(post(DEMO_KEY, JSON_TYPE, event, "?dryRun=true").statusCode()).as(event).isEqualTo(422);
        }
    }

    /** An example as the description holds it: text, or JSON that springdoc parsed. */
    private static String text(JsonNode example) {
        return example.isString() ? example.asString() : JSON.writeValueAsString(example);
    }

    /** An event of {@code type} on {@link #DAY} in Emsland, with {@code more} fields (JSON members) or none. */
    private static String event(String id, String type, String more) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + DAY
                + "\",\"district\":\"03454\"" + (more == null ? "" : "," + more) + "}";
    }

    /** Every error of a 422 as {@code index|field|rule|reason}. */
    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body()).get("invalid").forEach(item -> item.get("errors").forEach(e -> errors.add(
                item.get("index").asInt() + "|" + e.get("field").asString() + "|" + e.get("rule").asString() + "|"
                        + e.get("reason").asString())));
        return errors;
    }

    private static JsonNode stored(String eventId) {
        return JSON.readTree(record(eventId).value());
    }

    private static ConsumerRecord<String, String> record(String eventId) {
        return committedEvents().stream().filter(r -> r.key().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not on the event topic"));
    }
}
