package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;
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

/**
 * The rules event contract v2 added, and those of entitlements, course starts and sex after it, one by one,
 * with the exact error a provider gets.
 */
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

    private static final String ENTITLEMENT = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"ENTITLEMENT","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","entitlement":"ENTITLED","issuer":"FOREIGNERS_AUTHORITY"}""";
    private static final String START = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_START","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","courseType":"INTEGRATION_COURSE"}""";

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
                Submission.retraction(id, day, District.VECHTA, UUID.fromString(RETRACTED)),
                Submission.entitlement(id, day, District.LEER, "p", Entitlement.OBLIGED, Issuer.BAMF, Sex.DIVERSE),
                new Submission(id, EventType.COURSE_START, day, District.VECHTA, "p", CourseType.INTEGRATION_COURSE,
                        null, null, null, CourseVariant.YOUTH, LanguageLevel.B1, null, FundingSource.BAMF_INTV, null,
                        null, null, Sex.MALE))) {
            var result = validate(s.toJson());
            assertThat(result.errors()).as(s.toJson()).isEmpty();
            assertThat(result.event()).isEqualTo(s);
        }
    }

    @Test
    void an_entitlement_names_the_person_what_they_are_and_who_issued_it() {
        var result = validate(with(ENTITLEMENT, "sex", "FEMALE"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.event()).isEqualTo(Submission.entitlement(UUID.fromString(ID), LocalDate.of(2026, 11, 20),
                District.EMSLAND, "tn-1", Entitlement.ENTITLED, Issuer.FOREIGNERS_AUTHORITY, Sex.FEMALE));
        assertThat(validate(with(ENTITLEMENT, "entitlement", "OBLIGED", "issuer", "JOBCENTER")).event().entitlement())
                .isEqualTo(Entitlement.OBLIGED);
    }

    @Test
    void a_course_start_carries_the_course_fields_of_an_enrolment() {
        var result = validate(with(START, "courseType", "JOB_LANGUAGE_COURSE", "courseVariant", "BASIC_B2",
                "targetLevel", "B2", "fundingSource", "BAMF_DEUFOEV", "sex", "UNSPECIFIED"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.event()).isEqualTo(new Submission(UUID.fromString(ID), EventType.COURSE_START,
                LocalDate.of(2026, 11, 20), District.EMSLAND, "tn-1", CourseType.JOB_LANGUAGE_COURSE, null, null, null,
                CourseVariant.BASIC_B2, LanguageLevel.B2, null, FundingSource.BAMF_DEUFOEV, null, null, null,
                Sex.UNSPECIFIED));
        assertThat(validate(START).errors()).isEmpty();
    }

    @Test
    void sex_is_kept_on_every_type_that_names_a_participant() {
        for (String json : List.of(ENROLMENT, COMPLETION, PLACEMENT, ENTITLEMENT, START)) {
            for (Sex sex : Sex.values()) {
                var result = validate(with(json, "sex", sex.name()));
                assertThat(result.errors()).as(json).isEmpty();
                assertThat(result.event().sex()).isEqualTo(sex);
            }
        }
    }

    /** The examples of docs/providers.md and of the OpenAPI description, as written there. */
    @Test
    void the_documented_examples_are_valid() {
        for (String json : List.of("""
                {"eventId": "8d2f4b61-5c7a-4e9b-b1d3-5f7a9c1e3b77", "type": "ENTITLEMENT", "occurredOn": "2026-10-12",
                 "district": "03454", "participantRef": "tn-4711", "entitlement": "OBLIGED", "issuer": "JOBCENTER",
                 "sex": "FEMALE"}""", """
                {"eventId": "9e3a5c72-6d8b-4fa0-82e4-6a8b0d2f4c88", "type": "COURSE_START", "occurredOn": "2026-11-23",
                 "district": "03454", "participantRef": "tn-4711", "courseType": "INTEGRATION_COURSE",
                 "courseVariant": "GENERAL", "targetLevel": "B1", "fundingSource": "BAMF_INTV", "sex": "FEMALE"}""")) {
            assertThat(validate(json).errors()).as(json).isEmpty();
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
            ENTITLEMENT | entitlement=                                       | entitlement    | missing                     | missing (required for ENTITLEMENT)
            ENTITLEMENT | issuer=                                            | issuer         | missing                     | missing (required for ENTITLEMENT)
            ENTITLEMENT | participantRef=                                    | participantRef | missing                     | missing (required for ENTITLEMENT)
            ENTITLEMENT | entitlement=ALLOWED                                | entitlement    | invalid-value               | 'ALLOWED' is not one of ENTITLED, OBLIGED
            ENTITLEMENT | issuer=JOBCENTRE                                   | issuer         | invalid-value               | 'JOBCENTRE' is not one of FOREIGNERS_AUTHORITY, JOBCENTER, BAMF, OTHER
            ENTITLEMENT | courseType=INTEGRATION_COURSE                      | courseType     | not-allowed-for-type        | not allowed for ENTITLEMENT
            ENTITLEMENT | fundingSource=BAMF_INTV                            | fundingSource  | not-allowed-for-type        | not allowed for ENTITLEMENT
            START       | courseType=                                        | courseType     | missing                     | missing (required for COURSE_START)
            START       | participantRef=                                    | participantRef | missing                     | missing (required for COURSE_START)
            START       | outcome=PASSED                                     | outcome        | not-allowed-for-type        | not allowed for COURSE_START
            START       | attempt=FIRST                                      | attempt        | not-allowed-for-type        | not allowed for COURSE_START
            START       | entitlement=ENTITLED                               | entitlement    | not-allowed-for-type        | not allowed for COURSE_START
            START       | courseVariant=BASIC_B2                             | courseVariant  | variant-not-for-course-type | BASIC_B2 is a variant of JOB_LANGUAGE_COURSE, not of INTEGRATION_COURSE; the variants of INTEGRATION_COURSE are GENERAL, YOUTH, PARENTS, WOMEN, LITERACY, SECOND_SCRIPT, INTENSIVE
            START       | courseType=ORIENTATION_COURSE,targetLevel=B1       | targetLevel    | not-a-language-course       | only for language courses (INTEGRATION_COURSE, JOB_LANGUAGE_COURSE), not for ORIENTATION_COURSE; leave targetLevel out
            START       | courseType=JOB_LANGUAGE_COURSE,courseVariant=BASIC_C1,targetLevel=B2 | targetLevel | level-contradicts-variant | BASIC_C1 leads to C1, not to B2
            ENROLMENT   | entitlement=OBLIGED                                | entitlement    | not-allowed-for-type        | not allowed for COURSE_ENROLMENT
            COMPLETION  | issuer=BAMF                                        | issuer         | not-allowed-for-type        | not allowed for COURSE_COMPLETION
            PLACEMENT   | sex=WOMAN                                          | sex            | invalid-value               | 'WOMAN' is not one of FEMALE, MALE, DIVERSE, UNSPECIFIED
            RETRACTION  | sex=FEMALE                                         | sex            | not-allowed-for-type        | not allowed for RETRACTION
            """)
    void one_rule_of_v2_one_exact_error(String base, String fields, String field, String rule, String reason) {
        String[] pairs = fields.split(",");
        String json = switch (base) {
            case "ENROLMENT" -> ENROLMENT;
            case "COMPLETION" -> COMPLETION;
            case "PLACEMENT" -> PLACEMENT;
            case "ENTITLEMENT" -> ENTITLEMENT;
            case "START" -> START;
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
        for (String field : List.of("courseVariant", "targetLevel", "attempt", "fundingSource", "retracts",
                "entitlement", "issuer", "sex")) {
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
