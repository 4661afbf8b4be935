package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules event contract v2 added, one by one, with the exact error a provider gets. */
class ContractV2ValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";
    private static final String RETRACTED = "0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11";
    private static final String ENROLMENT = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","courseType":"INTEGRATION_COURSE"}""";
    private static final String COMPLETION = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_COMPLETION","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","courseType":"JOB_LANGUAGE_COURSE","outcome":"PASSED"}""";
    private static final String PLACEMENT = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"JOB_PLACEMENT","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","placementType":"EMPLOYMENT"}""";
    private static final String RETRACTION = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"RETRACTION","occurredOn":"2026-11-24",
             "district":"03454","retracts":"0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11"}""";

    // 2026-11-25 12:00 in Berlin, as in EventValidatorTest
    private final EventValidator validator =
            new EventValidator(Clock.fixed(Instant.parse("2026-11-25T11:00:00Z"), ZoneOffset.UTC));

    @Test
    void an_enrolment_with_variant_target_level_and_funding_keeps_them() {
        var result = validate(with(ENROLMENT, "courseVariant", "YOUTH", "targetLevel", "B1", "fundingSource", "BAMF_INTV"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.event()).isEqualTo(new Submission(UUID.fromString(ID), EventType.COURSE_ENROLMENT,
                LocalDate.of(2026, 11, 20), District.EMSLAND, "tn-1", CourseType.INTEGRATION_COURSE, null, null, null,
                CourseVariant.YOUTH, LanguageLevel.B1, null, FundingSource.BAMF_INTV, null));
    }

    @Test
    void a_completion_with_attempt_below_a1_and_a_module_at_its_level_is_valid() {
        var result = validate(with(COMPLETION, "courseVariant", "BASIC_C1", "targetLevel", "C1", "languageLevel",
                "BELOW_A1", "attempt", "REPEAT", "fundingSource", "BAMF_DEUFOEV"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.event().attempt()).isEqualTo(Attempt.REPEAT);
        assertThat(result.event().languageLevel()).isEqualTo(LanguageLevel.BELOW_A1);
        assertThat(result.event().targetLevel()).isEqualTo(LanguageLevel.C1);
    }

    @Test
    void the_new_course_and_placement_types_are_valid_values() {
        assertThat(validate(with(ENROLMENT, "courseType", "FIRST_ORIENTATION_COURSE", "fundingSource",
                "LAND_NIEDERSACHSEN")).event().courseType()).isEqualTo(CourseType.FIRST_ORIENTATION_COURSE);
        assertThat(validate(with(PLACEMENT, "placementType", "FULL_VOCATIONAL_TRAINING")).event().placementType())
                .isEqualTo(PlacementType.FULL_VOCATIONAL_TRAINING);
    }

    @Test
    void a_retraction_names_the_event_it_takes_back_and_nothing_else() {
        var result = validate(RETRACTION);
        assertThat(result.errors()).isEmpty();
        assertThat(result.event()).isEqualTo(Submission.retraction(UUID.fromString(ID), LocalDate.of(2026, 11, 24),
                District.EMSLAND, UUID.fromString(RETRACTED)));
    }

    @Test
    void a_v2_submission_as_the_shared_contract_writes_it_validates_to_itself() {
        UUID id = UUID.fromString(ID);
        LocalDate day = LocalDate.of(2026, 11, 26);
        for (Submission s : List.of(
                new Submission(id, EventType.COURSE_COMPLETION, day, District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE,
                        Outcome.FAILED, LanguageLevel.BELOW_A1, null, CourseVariant.SPECIAL_A2, LanguageLevel.A2,
                        Attempt.FIRST, FundingSource.JOBCENTER_SGB2, null),
                Submission.retraction(id, day, District.VECHTA, UUID.fromString(RETRACTED)))) {
            var result = validate(s.toJson());
            assertThat(result.errors()).as(s.toJson()).isEmpty();
            assertThat(result.event()).isEqualTo(s);
        }
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ENROLMENT  | courseVariant=YOUTH,courseType=JOB_LANGUAGE_COURSE | courseVariant | variant-not-for-course-type | YOUTH is a variant of INTEGRATION_COURSE, not of JOB_LANGUAGE_COURSE; the variants of JOB_LANGUAGE_COURSE are BASIC_B2, BASIC_C1, BASIC_C2, SPECIAL_A2, SPECIAL_B1, SPECIAL_APPRENTICES, SPECIAL_VOCATIONAL
            COMPLETION | courseVariant=GENERAL,courseType=ORIENTATION_COURSE | courseVariant | variant-not-for-course-type | GENERAL is a variant of INTEGRATION_COURSE, not of ORIENTATION_COURSE; ORIENTATION_COURSE has no variants, leave courseVariant out
            ENROLMENT  | targetLevel=B1,courseType=VOCATIONAL_QUALIFICATION | targetLevel   | not-a-language-course       | only for language courses (INTEGRATION_COURSE, JOB_LANGUAGE_COURSE), not for VOCATIONAL_QUALIFICATION; leave targetLevel out
            COMPLETION | targetLevel=A1,courseType=FIRST_ORIENTATION_COURSE | targetLevel   | not-a-language-course       | only for language courses (INTEGRATION_COURSE, JOB_LANGUAGE_COURSE), not for FIRST_ORIENTATION_COURSE; leave targetLevel out
            COMPLETION | courseVariant=BASIC_B2,targetLevel=C1              | targetLevel   | level-contradicts-variant   | BASIC_B2 leads to B2, not to C1
            ENROLMENT  | courseType=JOB_LANGUAGE_COURSE,courseVariant=SPECIAL_B1,targetLevel=A2 | targetLevel | level-contradicts-variant | SPECIAL_B1 leads to B1, not to A2
            ENROLMENT  | targetLevel=BELOW_A1                                | targetLevel   | invalid-value               | 'BELOW_A1' is not one of A1, A2, B1, B2, C1, C2
            ENROLMENT  | courseVariant=EVENING                               | courseVariant | invalid-value               | 'EVENING' is not one of GENERAL, YOUTH, PARENTS, WOMEN, LITERACY, SECOND_SCRIPT, INTENSIVE, BASIC_B2, BASIC_C1, BASIC_C2, SPECIAL_A2, SPECIAL_B1, SPECIAL_APPRENTICES, SPECIAL_VOCATIONAL
            COMPLETION | attempt=SECOND                                      | attempt       | invalid-value               | 'SECOND' is not one of FIRST, REPEAT
            ENROLMENT  | fundingSource=BAMF                                  | fundingSource | invalid-value               | 'BAMF' is not one of BAMF_INTV, BAMF_DEUFOEV, LAND_NIEDERSACHSEN, JOBCENTER_SGB2, EMPLOYMENT_AGENCY_SGB3, ESF_PLUS, MUNICIPALITY, SELF_PAID, OTHER
            ENROLMENT  | attempt=FIRST                                       | attempt       | not-allowed-for-type        | not allowed for COURSE_ENROLMENT
            PLACEMENT  | fundingSource=JOBCENTER_SGB2                        | fundingSource | not-allowed-for-type        | not allowed for JOB_PLACEMENT
            PLACEMENT  | courseVariant=GENERAL                               | courseVariant | not-allowed-for-type        | not allowed for JOB_PLACEMENT
            ENROLMENT  | retracts=0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11      | retracts      | not-allowed-for-type        | not allowed for COURSE_ENROLMENT
            RETRACTION | retracts=                                           | retracts      | missing                     | missing (required for RETRACTION)
            RETRACTION | participantRef=tn-1                                 | participantRef | not-allowed-for-type       | not allowed for RETRACTION
            RETRACTION | courseType=INTEGRATION_COURSE                       | courseType    | not-allowed-for-type        | not allowed for RETRACTION
            RETRACTION | placementType=EMPLOYMENT                            | placementType | not-allowed-for-type        | not allowed for RETRACTION
            RETRACTION | retracts=event-1                                    | retracts      | invalid-format              | must be the eventId of the event it retracts, a UUID such as 6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6
            RETRACTION | retracts=6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6      | retracts      | retracts-itself             | is this retraction's own eventId; name the eventId of the earlier event that was wrong
            """)
    void one_rule_of_v2_one_exact_error(String base, String fields, String field, String rule, String reason) {
        String[] pairs = fields.split(",");
        String json = switch (base) {
            case "ENROLMENT" -> ENROLMENT;
            case "COMPLETION" -> COMPLETION;
            case "PLACEMENT" -> PLACEMENT;
            default -> RETRACTION;
        };
        for (String pair : pairs) {
            String[] nameValue = pair.split("=", 2);
            json = with(json, nameValue[0], nameValue[1].isEmpty() ? null : nameValue[1]);
        }
        var result = validate(json);
        assertThat(result.event()).isNull();
        assertThat(result.errors()).extracting(FieldError::field, e -> e.rule().code(), FieldError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, rule, reason));
    }

    @Test
    void a_retraction_that_describes_the_event_again_is_told_every_field_too_many() {
        var result = validate(with(RETRACTION, "participantRef", "tn-1", "courseType", "INTEGRATION_COURSE",
                "courseVariant", "GENERAL", "attempt", "FIRST"));
        assertThat(result.errors()).containsExactly(
                new FieldError("participantRef", Rule.NOT_ALLOWED_FOR_TYPE, "not allowed for RETRACTION"),
                new FieldError("courseType", Rule.NOT_ALLOWED_FOR_TYPE, "not allowed for RETRACTION"),
                new FieldError("courseVariant", Rule.NOT_ALLOWED_FOR_TYPE, "not allowed for RETRACTION"),
                new FieldError("attempt", Rule.NOT_ALLOWED_FOR_TYPE, "not allowed for RETRACTION"));
    }

    @Test
    void retracts_of_another_json_type_is_the_usual_wrong_type() {
        ObjectNode node = (ObjectNode) JSON.readTree(RETRACTION);
        node.put("retracts", 42);
        assertThat(validator.validate(node).errors())
                .containsExactly(new FieldError("retracts", Rule.WRONG_TYPE, "must be a string, not a number"));
    }

    @Test
    void the_new_fields_are_fields_of_the_contract_for_the_metrics() {
        for (String field : List.of("courseVariant", "targetLevel", "attempt", "fundingSource", "retracts")) {
            assertThat(new FieldError(field, Rule.INVALID_VALUE, "").knownField()).isEqualTo(field);
        }
    }

    private EventValidator.Result validate(String json) {
        return validator.validate(JSON.readTree(json));
    }

    /** {@code json} with the fields set (or, for {@code null}, removed), in pairs of name and value. */
    private static String with(String json, String... namesAndValues) {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                node.remove(namesAndValues[i]);
            } else {
                node.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return JSON.writeValueAsString(node);
    }
}
