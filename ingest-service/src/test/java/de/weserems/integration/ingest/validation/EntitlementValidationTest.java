package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
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

/** The rules of entitlements, course starts and sex, one by one, with the exact error a provider gets. */
class EntitlementValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";
    private static final String ENTITLEMENT = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"ENTITLEMENT","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","entitlement":"ENTITLED","issuer":"FOREIGNERS_AUTHORITY"}""";
    private static final String START = """
            {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_START","occurredOn":"2026-11-20",
             "district":"03454","participantRef":"tn-1","courseType":"INTEGRATION_COURSE"}""";
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

    @Test
    void a_submission_as_the_shared_contract_writes_it_validates_to_itself() {
        UUID id = UUID.fromString(ID);
        LocalDate day = LocalDate.of(2026, 11, 25);
        for (Submission s : List.of(
                Submission.entitlement(id, day, District.LEER, "p", Entitlement.OBLIGED, Issuer.BAMF, Sex.DIVERSE),
                new Submission(id, EventType.COURSE_START, day, District.VECHTA, "p", CourseType.INTEGRATION_COURSE,
                        null, null, null, CourseVariant.YOUTH, LanguageLevel.B1, null, FundingSource.BAMF_INTV, null,
                        null, null, Sex.MALE))) {
            var result = validate(s.toJson());
            assertThat(result.errors()).as(s.toJson()).isEmpty();
            assertThat(result.event()).isEqualTo(s);
        }
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
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
    void one_rule_one_exact_error(String base, String fields, String field, String rule, String reason) {
        String json = switch (base) {
            case "ENTITLEMENT" -> ENTITLEMENT;
            case "START" -> START;
            case "ENROLMENT" -> ENROLMENT;
            case "COMPLETION" -> COMPLETION;
            case "PLACEMENT" -> PLACEMENT;
            default -> RETRACTION;
        };
        for (String pair : fields.split(",")) {
            String[] nameValue = pair.split("=", 2);
            json = with(json, nameValue[0], nameValue[1].isEmpty() ? null : nameValue[1]);
        }
        var result = validate(json);
        assertThat(result.event()).isNull();
        assertThat(result.errors()).extracting(FieldError::field, e -> e.rule().code(), FieldError::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, rule, reason));
    }

    @Test
    void the_new_fields_are_fields_of_the_contract_for_the_metrics() {
        for (String field : List.of("entitlement", "issuer", "sex")) {
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
