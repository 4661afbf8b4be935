package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import de.weserems.integration.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad input: each case with the status and the message a provider gets, and
 * against the real broker the proof that <em>nothing</em> of it reached Kafka: the end offsets of
 * the event topic (read_uncommitted, so even an aborted transaction would move them) do not move,
 * and none of the case's eventIds is on it.
 */
class BadInputCatalogueIT extends IngestApiTestBase {

    private static final Object ABSENT = new Object();
    private static final Set<String> SENT_IDS = ConcurrentHashMap.newKeySet();
    /** read_uncommitted: its end offsets move with any write, committed or aborted. */
    private static final KafkaConsumer<String, String> offsets = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    private static final Pattern UUID_IN_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * One bad request and what must come back.
     *
     * @param field {@code null}: {@code text} is in the problem's {@code detail}; otherwise an entry
     *              of {@code invalid} names this field with a reason that contains {@code text}
     */
    record Case(String name, String key, String contentType, byte[] body, String query, int status, String field,
                String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> catalogue() {
        LocalDate today = LocalDate.now(Region.ZONE);
        List<Case> c = new ArrayList<>();
        // the body as a whole (400)
        c.add(whole("malformed JSON", JSON_TYPE, "{\"eventId\": \"" + UUID.randomUUID() + "\",", 400, "The body is not valid JSON"));
        c.add(whole("two JSON values", JSON_TYPE, json(enrolment()) + " " + json(enrolment()), 400, "The body is not valid JSON"));
        c.add(whole("empty body", JSON_TYPE, "", 400, "The body is empty"));
        c.add(whole("empty array", JSON_TYPE, "[]", 400, "The array holds no events."));
        c.add(whole("NDJSON of blank lines", NDJSON_TYPE, "\n\r\n  \n", 400, "The body is empty"));
        c.add(whole("CSV header with an unknown column", CSV_TYPE, "eventId;type;occurredOn;district;colour\n"
                + csvRow(";", enrolment(), "eventId", "type", "occurredOn", "district") + ";blue\n", 400,
                "unknown columns: 'colour'"));
        c.add(whole("CSV without header", CSV_TYPE, csvRow(";", enrolment(), "eventId", "type", "occurredOn",
                "district", "courseType") + "\n", 400, "The first line must be a header row"));
        c.add(whole("CSV header only", CSV_TYPE, "eventId;type;occurredOn;district\r\n", 400, "header row but no rows"));
        c.add(whole("CSV header without district", CSV_TYPE, "eventId,type,occurredOn,courseType\n"
                + csvRow(",", enrolment(), "eventId", "type", "occurredOn", "courseType") + "\n", 400,
                "lacks the required columns district"));
        c.add(new Case("invalid UTF-8 in JSON", DEMO_KEY, JSON_TYPE, latin1(json(with(enrolment(), "participantRef", "J\u00fcrgen"))),
                "", 400, null, "The body is not valid UTF-8"));
        c.add(new Case("invalid UTF-8 in CSV (Latin-1 export)", DEMO_KEY, CSV_TYPE,
                latin1(csv(";", with(enrolment(), "participantRef", "K\u00f6ln-7"))), "", 400, null,
                "The body is not valid UTF-8: byte"));
        // not an object, wrong JSON types (422)
        c.add(item("a number instead of an event", JSON_TYPE, "42", "(event)", "must be a JSON object"));
        c.add(item("an array of strings", JSON_TYPE, "[\"COURSE_ENROLMENT\"]", "(event)", "must be a JSON object"));
        c.add(item("eventId as number", json(with(enrolment(), "eventId", 12345)), "eventId", "must be a string, not a number"));
        c.add(item("occurredOn as number", json(with(enrolment(), "occurredOn", 20261120)), "occurredOn", "must be a string, not a number"));
        c.add(item("district as number", json(with(enrolment(), "district", 3454)), "district", "must be a string, not a number"));
        c.add(item("type as boolean", json(with(enrolment(), "type", true)), "type", "must be a string, not a boolean"));
        c.add(item("participantRef as object", json(with(enrolment(), "participantRef", Map.of("name", "x"))),
                "participantRef", "must be a string, not an object"));
        // every missing required field, per type
        for (Map<String, Object> event : List.of(enrolment(), completion(), placement())) {
            for (String field : List.of("eventId", "type", "occurredOn", "district")) {
                c.add(item(event.get("type") + " without " + field, json(with(event, field, ABSENT)), field, "missing"));
            }
        }
        c.add(item("enrolment without courseType", json(with(enrolment(), "courseType", ABSENT)), "courseType",
                "missing (required for COURSE_ENROLMENT)"));
        c.add(item("completion without courseType", json(with(completion(), "courseType", ABSENT)), "courseType",
                "missing (required for COURSE_COMPLETION)"));
        c.add(item("completion without outcome", json(with(completion(), "outcome", ABSENT)), "outcome",
                "missing (required for COURSE_COMPLETION)"));
        c.add(item("placement without placementType", json(with(placement(), "placementType", ABSENT)), "placementType",
                "missing (required for JOB_PLACEMENT)"));
        c.add(item("null counts as absent", json(with(placement(), "placementType", null)), "placementType",
                "missing (required for JOB_PLACEMENT)"));
        // every field that does not belong to a type
        c.add(item("enrolment with outcome", json(with(enrolment(), "outcome", "PASSED")), "outcome", "not allowed for COURSE_ENROLMENT"));
        c.add(item("enrolment with languageLevel", json(with(enrolment(), "languageLevel", "B1")), "languageLevel", "not allowed for COURSE_ENROLMENT"));
        c.add(item("enrolment with placementType", json(with(enrolment(), "placementType", "EMPLOYMENT")), "placementType", "not allowed for COURSE_ENROLMENT"));
        c.add(item("completion with placementType", json(with(completion(), "placementType", "EMPLOYMENT")), "placementType", "not allowed for COURSE_COMPLETION"));
        c.add(item("placement with courseType", json(with(placement(), "courseType", "INTEGRATION_COURSE")), "courseType", "not allowed for JOB_PLACEMENT"));
        c.add(item("placement with outcome", json(with(placement(), "outcome", "PASSED")), "outcome", "not allowed for JOB_PLACEMENT"));
        c.add(item("placement with languageLevel", json(with(placement(), "languageLevel", "B2")), "languageLevel", "not allowed for JOB_PLACEMENT"));
        // the rules of contract v2
        c.add(item("retraction without retracts", json(with(retraction(), "retracts", ABSENT)), "retracts",
                "missing (required for RETRACTION)"));
        c.add(item("retraction with a participantRef", json(with(retraction(), "participantRef", "tn-1")),
                "participantRef", "not allowed for RETRACTION"));
        Map<String, Object> selfRetraction = retraction();
        c.add(item("retraction of itself", json(with(selfRetraction, "retracts", selfRetraction.get("eventId"))),
                "retracts", "is this retraction's own eventId"));
        c.add(item("enrolment with attempt", json(with(enrolment(), "attempt", "FIRST")), "attempt",
                "not allowed for COURSE_ENROLMENT"));
        c.add(item("courseVariant of another course type", json(with(completion(), "courseVariant", "YOUTH")),
                "courseVariant", "YOUTH is a variant of INTEGRATION_COURSE, not of JOB_LANGUAGE_COURSE"));
        c.add(item("targetLevel on a course that is no language course", json(with(with(enrolment(), "courseType",
                "VOCATIONAL_QUALIFICATION"), "targetLevel", "B1")), "targetLevel", "only for language courses"));
        c.add(item("targetLevel against the module's level", json(with(with(completion(), "courseVariant", "BASIC_C1"),
                "targetLevel", "B2")), "targetLevel", "BASIC_C1 leads to C1, not to B2"));
        // unknown fields
        c.add(item("unknown field", json(with(enrolment(), "colour", "blue")), "colour", "unknown field"));
        c.add(item("a name is not part of the contract", json(with(enrolment(), "participantName", "Maria Muster")),
                "participantName", "unknown field"));
        c.add(item("providerId may not be sent", json(with(enrolment(), "providerId", "someone-else")), "providerId", "unknown field"));
        // districts
        c.add(item("district outside Weser-Ems", json(with(enrolment(), "district", "09162")), "district", "09162 is not a district of Weser-Ems"));
        c.add(item("district as a name", json(with(enrolment(), "district", "Emsland")), "district", "must be the 5-digit AGS"));
        c.add(new Case("district the provider may not report for", EMDEN_KEY, JSON_TYPE, utf8(json(enrolment())), "", 403,
                "district", "provider emden-only may not report for 03454 (Emsland)"));
        // dates
        c.add(item("date after tomorrow", json(with(enrolment(), "occurredOn", today.plusDays(2).toString())), "occurredOn", "is in the future"));
        c.add(item("date before 2015", json(with(enrolment(), "occurredOn", "2014-12-31")), "occurredOn", "is before 2015-01-01"));
        c.add(item("German date format", json(with(enrolment(), "occurredOn", "20.11.2026")), "occurredOn", "must be a date YYYY-MM-DD"));
        c.add(item("impossible date", json(with(enrolment(), "occurredOn", "2025-02-30")), "occurredOn", "must be a date YYYY-MM-DD"));
        // enum values
        c.add(item("unknown type", json(with(enrolment(), "type", "ENROLMENT")), "type", "'ENROLMENT' is not one of"));
        c.add(item("unknown courseType", json(with(enrolment(), "courseType", "GERMAN")), "courseType", "'GERMAN' is not one of"));
        c.add(item("unknown outcome", json(with(completion(), "outcome", "PASS")), "outcome", "'PASS' is not one of"));
        c.add(item("unknown languageLevel", json(with(completion(), "languageLevel", "B3")), "languageLevel", "'B3' is not one of"));
        c.add(item("unknown placementType", json(with(placement(), "placementType", "JOB")), "placementType", "'JOB' is not one of"));
        c.add(item("lower-case enum", json(with(enrolment(), "type", "course_enrolment")), "type", "is not one of"));
        // other fields
        c.add(item("eventId not a UUID", json(with(enrolment(), "eventId", "event-1")), "eventId", "must be a UUID"));
        c.add(item("participantRef too long", json(with(enrolment(), "participantRef", "x".repeat(129))), "participantRef",
                "must be 1 to 128 characters"));
        c.add(item("participantRef of spaces", json(with(enrolment(), "participantRef", "   ")), "participantRef",
                "is only white space"));
        c.add(item("participantRef as placeholder", json(with(enrolment(), "participantRef", " unbekannt ")),
                "participantRef", "'unbekannt' is a placeholder"));
        c.add(item("participantRef 0 in CSV", CSV_TYPE, csv(";", with(enrolment(), "participantRef", "0")),
                "participantRef", "'0' is a placeholder"));
        Map<String, Object> first = enrolment();
        c.add(item("same eventId twice with different content", JSON_TYPE, "[" + json(first) + ","
                + json(with(first, "district", "03402")) + "]", "eventId", "repeated in this request with different content"));
        // limits and media types
        c.add(whole("body over 256 KB", JSON_TYPE, "[" + IntStream.range(0, 2000).mapToObj(i -> json(enrolment()))
                .collect(Collectors.joining(",")) + "]", 413, "The body is larger than 262144 bytes"));
        c.add(whole("501 events", NDJSON_TYPE, IntStream.range(0, 501).mapToObj(i -> json(enrolment()))
                .collect(Collectors.joining("\n")), 413, "The request holds more than 500 events; at most 500"));
        c.add(whole("5,000 lines that are not JSON", NDJSON_TYPE, "x\n".repeat(5_000), 413,
                "The request holds more than 500 events"));
        c.add(whole("an array of 5,000 empty objects", JSON_TYPE, "[" + "{},".repeat(4_999) + "{}]", 413,
                "The request holds more than 500 events"));
        c.add(whole("5,000 CSV rows of one cell", CSV_TYPE, "eventId;type;occurredOn;district\n" + "x\n".repeat(5_000),
                413, "The request holds more than 500 events"));
        c.add(item("an event of 1,000 fields", json(manyFields(enrolment(), 1_000)), "(event)", "is too large"));
        c.add(whole("XML", "application/xml", "<event/>", 415, "Content-Type 'application/xml' is not accepted"));
        c.add(whole("plain text", "text/plain", json(enrolment()), 415, "is not accepted"));
        c.add(whole("JSON in Latin-1", "application/json; charset=ISO-8859-1", json(enrolment()), 415, "in UTF-8"));
        c.add(whole("no Content-Type", null, json(enrolment()), 415, "Content-Type 'null' is not accepted"));
        // broken lines and rows (422 with their line)
        c.add(item("CSV row with an extra column", CSV_TYPE, csv(",", enrolment()).replaceFirst("\n$", ",extra\n"),
                "(row)", "has 10 cells, the header has 9"));
        c.add(item("CSV row with a broken quote", CSV_TYPE, csv(";", enrolment()).replaceFirst("INTEGRATION_COURSE", "\"INTEGRATION_COURSE"),
                "(row)", "never closed"));
        c.add(item("CSV quote inside a cell", CSV_TYPE, csv(";", enrolment()).replaceFirst("INTEGRATION_COURSE", "INTEGRATION\"COURSE"),
                "(row)", "a quote inside an unquoted value"));
        c.add(item("NDJSON line that is not JSON", NDJSON_TYPE, json(enrolment()) + "\n{\"eventId\": oops}\n",
                "(line)", "not valid JSON"));
        c.add(item("NDJSON line that is an array", NDJSON_TYPE, "[" + json(enrolment()) + "]\n", "(event)", "must be a JSON object"));
        // authentication
        c.add(new Case("no API key", null, JSON_TYPE, utf8(json(enrolment())), "", 401, null, "Send your API key"));
        c.add(new Case("unknown API key", "not-a-key", JSON_TYPE, utf8(json(enrolment())), "", 401, null, "The API key is not known"));
        return c.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("catalogue")
    void bad_input_gets_its_status_and_message_and_nothing_reaches_kafka(Case bad) throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        HttpResponse<String> response = post(bad.key(), bad.contentType(),
                HttpRequest.BodyPublishers.ofByteArray(bad.body()), bad.query());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        if (bad.field() == null) {
            assertThat(problem.get("detail").asString()).contains(bad.text());
        } else {
            List<String> errors = new ArrayList<>();
            problem.get("invalid").forEach(item -> item.get("errors").forEach(e ->
                    errors.add(e.get("field").asString() + ": " + e.get("reason").asString())));
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(bad.field() + ": ").contains(bad.text()));
            JsonNode first = problem.get("invalid").get(0);
            assertThat(first.has("index")).isTrue();
            if (!JSON_TYPE.equals(bad.contentType())) {
                assertThat(first.get("line").asInt()).as("line of NDJSON/CSV items").isPositive();
            }
        }

        assertThat(endOffsets()).as("not one record, not even an aborted one, on " + Topics.EVENTS).isEqualTo(before);
        SENT_IDS.addAll(uuidsIn(new String(bad.body(), StandardCharsets.ISO_8859_1)));
    }

    @AfterAll
    static void no_event_id_of_the_catalogue_is_on_the_topic() {
        try (offsets) {
            assertThat(SENT_IDS).hasSizeGreaterThan(40);
            assertThat(readAll(Topics.EVENTS, false)).noneMatch(r -> SENT_IDS.stream().anyMatch(r.value()::contains));
        }
    }

    @org.junit.jupiter.api.Test
    void the_catalogue_has_at_least_40_cases_with_distinct_names() {
        List<String> names = catalogue().map(Case::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    private static Map<TopicPartition, Long> endOffsets() {
        return offsets.endOffsets(offsets.partitionsFor(Topics.EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
    }

    private static List<String> uuidsIn(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = UUID_IN_TEXT.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static Case whole(String name, String contentType, String body, int status, String detail) {
        return new Case(name, DEMO_KEY, contentType, utf8(body), "", status, null, detail);
    }

    private static Case item(String name, String body, String field, String reason) {
        return item(name, JSON_TYPE, body, field, reason);
    }

    private static Case item(String name, String contentType, String body, String field, String reason) {
        return new Case(name, DEMO_KEY, contentType, utf8(body), "", 422, field, reason);
    }

    static Map<String, Object> enrolment() {
        return base("COURSE_ENROLMENT", "courseType", "INTEGRATION_COURSE");
    }

    static Map<String, Object> completion() {
        Map<String, Object> e = base("COURSE_COMPLETION", "courseType", "JOB_LANGUAGE_COURSE");
        e.put("outcome", "PASSED");
        e.put("languageLevel", "B1");
        return e;
    }

    static Map<String, Object> placement() {
        return base("JOB_PLACEMENT", "placementType", "EMPLOYMENT");
    }

    /** A retraction of an event sent earlier: no participant, nothing but what names the event. */
    static Map<String, Object> retraction() {
        Map<String, Object> e = base("RETRACTION", "retracts", UUID.randomUUID().toString());
        e.remove("participantRef");
        return e;
    }

    private static Map<String, Object> base(String type, String field, String value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("occurredOn", LocalDate.now(Region.ZONE).minusDays(10).toString());
        e.put("district", "03454");
        e.put("participantRef", "tn-" + UUID.randomUUID().toString().substring(0, 8));
        e.put(field, value);
        return e;
    }

    private static Map<String, Object> manyFields(Map<String, Object> event, int n) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        IntStream.range(0, n).forEach(i -> copy.put("f" + i, i));
        return copy;
    }

    /** A copy with {@code field} set to {@code value}, or removed for {@link #ABSENT}. */
    static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        if (value == ABSENT) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    static String json(Map<String, Object> event) {
        return JSON.writeValueAsString(event);
    }

    /** A CSV body with the full header of the contract and one row. */
    static String csv(String delimiter, Map<String, Object> event) {
        String[] header = {"eventId", "type", "occurredOn", "district", "participantRef", "courseType", "outcome",
                "languageLevel", "placementType"};
        return String.join(delimiter, header) + "\n" + csvRow(delimiter, event, header) + "\n";
    }

    static String csvRow(String delimiter, Map<String, Object> event, String... columns) {
        return Arrays.stream(columns).map(c -> event.get(c) == null ? "" : event.get(c).toString())
                .collect(Collectors.joining(delimiter));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
