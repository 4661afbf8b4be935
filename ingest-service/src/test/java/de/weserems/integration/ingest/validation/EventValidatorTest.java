package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EventValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // 2026-11-25 12:00 in Berlin: tomorrow is 2026-11-26
    private final EventValidator validator =
            new EventValidator(Clock.fixed(Instant.parse("2026-11-25T11:00:00Z"), ZoneOffset.UTC));

    private EventValidator.Result validate(String json) {
        JsonNode node = JSON.readTree(json);
        return validator.validate(node);
    }

    @Test
    void a_complete_enrolment_is_valid_and_keeps_its_fields() {
        var result = validate("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT",
                 "occurredOn":"2026-11-20","district":"03454","participantRef":"p-1","courseType":"INTEGRATION_COURSE"}""");
        assertThat(result.errors()).isEmpty();
        assertThat(result.event().district().displayName()).isEqualTo("Emsland");
        assertThat(result.event().participantRef()).isEqualTo("p-1");
        assertThat(result.event().toString()).doesNotContain("p-1");
    }

    @Test
    void every_broken_field_is_named_at_once() {
        var result = validate("""
                {"type":"COURSE_ENROLMENT","occurredOn":"2030-01-01","district":"09162",
                 "placementType":"EMPLOYMENT","colour":"blue"}""");
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("colour", "eventId", "occurredOn", "district", "placementType", "courseType");
        assertThat(result.errors()).contains(new FieldError("district", Rule.INVALID_VALUE, "09162 is not a district of Weser-Ems"),
                new FieldError("placementType", Rule.NOT_ALLOWED_FOR_TYPE, "not allowed for COURSE_ENROLMENT"),
                new FieldError("eventId", Rule.MISSING, "missing"));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "occurredOn":"2026-11-26"              | (none)       |
            "occurredOn":"2026-11-27"              | occurredOn   | 2026-11-27 is in the future (latest allowed: 2026-11-26)
            "occurredOn":"2014-12-31"              | occurredOn   | 2014-12-31 is before 2015-01-01
            "occurredOn":"25.11.2026"              | occurredOn   | must be a date YYYY-MM-DD (in CSV and .xlsx also DD.MM.YYYY), not '25.11.2026'
            "occurredOn":20261125                  | occurredOn   | must be a string, not a number
            "occurredOn":null                      | occurredOn   | missing
            "district":"3454"                      | district     | '3454' has only four digits; 03454 is probably meant. Did a spreadsheet drop the leading zero? The AGS has five digits
            "district":"9162"                      | district     | '9162' has only four digits: did Excel drop the leading zero? But 09162 is no district of Weser-Ems either; check the 5-digit AGS and format the column as text
            "district":"345"                       | district     | must be the 5-digit AGS of a district of Weser-Ems, not '345'
            "courseType":"GERMAN"                  | courseType   | 'GERMAN' is not one of INTEGRATION_COURSE, JOB_LANGUAGE_COURSE, VOCATIONAL_QUALIFICATION, ORIENTATION_COURSE, FIRST_ORIENTATION_COURSE
            "participantRef":""                    | participantRef | must be 1 to 128 characters
            "participantRef":"   "                 | participantRef | is only white space; leave participantRef out when the participant has no reference
            "participantRef":" Unbekannt "         | participantRef | 'Unbekannt' is a placeholder, not a reference to a participant; leave participantRef out when the participant has no reference
            "participantRef":"k.A."                | participantRef | 'k.A.' is a placeholder, not a reference to a participant; leave participantRef out when the participant has no reference
            "participantRef":"1,23E+11"            | participantRef | '1,23E+11' is a number in exponent form: Excel stored the reference as a number and dropped its digits after the first few, so it cannot be repaired. Format the column as text (or start the reference with a letter), enter the references again and save anew
            "participantRef":"1.23457E+11"         | participantRef | '1.23457E+11' is a number in exponent form: Excel stored the reference as a number and dropped its digits after the first few, so it cannot be repaired. Format the column as text (or start the reference with a letter), enter the references again and save anew
            "participantRef":123456789012          | participantRef | is a number, not text: Excel stored the reference as a number (leading zeros and digits beyond the 15th are lost). Format the column as text and enter the references again
            "participantRef":"E12-4711"            | (none)       |
            "participantRef":"123456789012"        | (none)       |
            "participantRef":"tn-0"                | (none)       |
            "eventId":"not-a-uuid"                 | eventId      | must be a UUID, e.g. 6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6
            """)
    void one_field_rule(String override, String field, String reason) {
        String base = """
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT",
                 "occurredOn":"2026-11-20","district":"03454","courseType":"INTEGRATION_COURSE"}""";
        String name = override.substring(1, override.indexOf('"', 1));
        JsonNode node = JSON.readTree(base);
        ((tools.jackson.databind.node.ObjectNode) node).set(name, JSON.readTree("{" + override + "}").get(name));
        var result = validator.validate(node);
        if (field.equals("(none)")) {
            assertThat(result.errors()).isEmpty();
        } else {
            assertThat(result.errors()).extracting(FieldError::field, FieldError::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(field, reason));
        }
    }

    @Test
    void blank_and_placeholder_references_break_their_own_rule() {
        for (String ref : java.util.List.of("\u00a0\u00a0", "0", "N/A", "null", "unknown", "keine Angabe")) {
            JsonNode node = JSON.readTree("""
                    {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT",
                     "occurredOn":"2026-11-20","district":"03454","courseType":"INTEGRATION_COURSE"}""");
            ((tools.jackson.databind.node.ObjectNode) node).put("participantRef", ref);
            assertThat(validator.validate(node).errors()).as(ref).extracting(FieldError::field, FieldError::rule)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("participantRef", Rule.PLACEHOLDER));
        }
    }

    @Test
    void an_unknown_field_name_is_cut_for_the_message_but_never_inside_a_character() {
        String name = "x".repeat(36) + "\uD83D\uDE00" + "y".repeat(10);
        var result = validate("{\"" + name + "\":1}");
        assertThat(result.errors()).extracting(FieldError::field).contains("x".repeat(36) + "...");
    }

    @Test
    void a_field_as_a_metric_tag_is_one_of_the_contract_or_of_a_whole_item_or_unknown() {
        assertThat(new FieldError("district", Rule.MISSING, "").knownField()).isEqualTo("district");
        assertThat(new FieldError(FieldError.LINE, Rule.UNREADABLE, "").knownField()).isEqualTo("(line)");
        assertThat(new FieldError("(k1)", Rule.UNKNOWN_FIELD, "").knownField()).isEqualTo(FieldError.UNKNOWN);
        assertThat(new FieldError("colour", Rule.UNKNOWN_FIELD, "").knownField()).isEqualTo(FieldError.UNKNOWN);
    }

    @Test
    void completion_needs_outcome_and_course_type_and_placement_needs_placement_type() {
        var completion = validate("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_COMPLETION",
                 "occurredOn":"2026-11-20","district":"03401","languageLevel":"B1"}""");
        assertThat(completion.errors()).containsExactlyInAnyOrder(
                new FieldError("courseType", Rule.MISSING, "missing (required for COURSE_COMPLETION)"),
                new FieldError("outcome", Rule.MISSING, "missing (required for COURSE_COMPLETION)"));
        var placement = validate("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"JOB_PLACEMENT",
                 "occurredOn":"2026-11-20","district":"03401","languageLevel":"B1"}""");
        assertThat(placement.errors()).containsExactlyInAnyOrder(
                new FieldError("languageLevel", Rule.NOT_ALLOWED_FOR_TYPE, "not allowed for JOB_PLACEMENT"),
                new FieldError("placementType", Rule.MISSING, "missing (required for JOB_PLACEMENT)"));
    }

    @Test
    void a_submission_as_the_shared_contract_writes_it_validates_to_itself() {
        java.util.UUID id = java.util.UUID.fromString("6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6");
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 26);
        for (Submission s : java.util.List.of(
                new Submission(id, EventType.COURSE_ENROLMENT, day, District.LEER, "tn \"1\"", CourseType.ORIENTATION_COURSE,
                        null, null, null),
                new Submission(id, EventType.COURSE_COMPLETION, day, District.EMDEN, null, CourseType.INTEGRATION_COURSE,
                        Outcome.PASSED, LanguageLevel.B1, null),
                new Submission(id, EventType.JOB_PLACEMENT, day, District.VECHTA, "p", null, null, null,
                        PlacementType.APPRENTICESHIP))) {
            var result = validate(s.toJson());
            assertThat(result.errors()).as(s.toJson()).isEmpty();
            assertThat(result.event()).isEqualTo(s);
        }
    }

    @Test
    void the_type_bound_errors_come_in_contract_order() {
        var result = validate("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT","occurredOn":"2026-11-20",
                 "district":"03401","placementType":"EMPLOYMENT","languageLevel":"B1","outcome":"PASSED"}""");
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactly("courseType", "outcome", "languageLevel", "placementType");
    }

    @Test
    void an_item_that_is_not_an_object_is_rejected() {
        assertThat(validate("[1]").errors()).containsExactly(new FieldError("(event)", Rule.WRONG_TYPE, "must be a JSON object"));
        assertThat(validate("\"x\"").errors()).hasSize(1);
    }

    @Test
    void the_fast_uuid_check_agrees_with_the_published_pattern() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0123456789abcdefABCDEFgG-x";
        for (int n = 0; n < 200_000; n++) {
            String text;
            if (n % 2 == 0) {
                StringBuilder b = new StringBuilder(java.util.UUID.randomUUID().toString());
                b.setCharAt(random.nextInt(36), alphabet.charAt(random.nextInt(alphabet.length())));
                text = random.nextInt(10) == 0 ? b.substring(0, 35) : b.toString();
            } else {
                text = java.util.UUID.randomUUID().toString();
            }
            assertThat(EventValidator.isUuid(text)).as(text).isEqualTo(EventValidator.UUID_TEXT.matcher(text).matches());
        }
    }

    @Test
    void the_fast_date_check_agrees_with_the_published_pattern_and_the_calendar() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "0123456789-x/٣ ";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder(java.time.LocalDate.of(2015, 1, 1)
                    .plusDays(random.nextInt(6_000)).toString());
            switch (n % 4) {
                case 0 -> b.setCharAt(random.nextInt(b.length()), alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> b.replace(5, 10, String.format("%02d-%02d", random.nextInt(14), random.nextInt(33)));
                case 2 -> b.setLength(random.nextInt(11));
                default -> {
                }
            }
            String text = b.toString();
            java.time.LocalDate expected;
            try {
                expected = EventValidator.ISO_DATE.matcher(text).matches() ? java.time.LocalDate.parse(text) : null;
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertThat(EventValidator.isoDate(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void tomorrow_follows_the_clock_across_midnight_in_berlin() {
        java.util.concurrent.atomic.AtomicReference<Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-25T22:59:59Z"));
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return Clock.fixed(now.get(), zone);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        EventValidator moved = new EventValidator(moving);
        String event = """
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT","occurredOn":"2026-11-27",                "district":"03454","courseType":"INTEGRATION_COURSE"}""";
        // 23:59:59 in Berlin on the 25th: the 27th is the day after tomorrow
        assertThat(moved.validate(JSON.readTree(event)).valid()).isFalse();
        now.set(Instant.parse("2026-11-25T23:00:00Z"));
        // midnight in Berlin: now it is tomorrow
        assertThat(moved.validate(JSON.readTree(event)).valid()).isTrue();
    }
}
