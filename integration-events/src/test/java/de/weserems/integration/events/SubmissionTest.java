package de.weserems.integration.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final UUID ID = UUID.fromString("6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6");

    @Test
    void writesTheContractsFieldsInOrderAndLeavesOutAbsentOnes() {
        Submission completion = new Submission(ID, EventType.COURSE_COMPLETION, LocalDate.of(2026, 11, 20),
                District.EMSLAND, "tn-1", CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.B1, null);
        assertThat(completion.toJson()).isEqualTo("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_COMPLETION","occurredOn":"2026-11-20",\
                "district":"03454","participantRef":"tn-1","courseType":"INTEGRATION_COURSE","outcome":"PASSED",\
                "languageLevel":"B1"}""");
        Submission placement = new Submission(ID, EventType.JOB_PLACEMENT, LocalDate.of(2026, 1, 2), District.EMDEN,
                null, null, null, null, PlacementType.EMPLOYMENT);
        assertThat(placement.toJson()).isEqualTo("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"JOB_PLACEMENT","occurredOn":"2026-01-02",\
                "district":"03402","placementType":"EMPLOYMENT"}""");
    }

    @Test
    void everyFieldIsNamedAsInTheContractAndReadsBackWithJackson() {
        UUID retracted = UUID.fromString("0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11");
        Submission s = new Submission(ID, EventType.COURSE_COMPLETION, LocalDate.of(2026, 11, 20), District.VECHTA,
                "tn-\"quoted\"\\ \u00e4\n", CourseType.JOB_LANGUAGE_COURSE, Outcome.FAILED, LanguageLevel.A2,
                PlacementType.SELF_EMPLOYMENT, CourseVariant.SPECIAL_B1, LanguageLevel.B1, Attempt.FIRST,
                FundingSource.JOBCENTER_SGB2, retracted, Entitlement.OBLIGED, Issuer.BAMF, Sex.FEMALE);
        JsonNode read = JACKSON.readTree(s.toJson());
        assertThat(read.propertyNames()).containsExactlyElementsOf(EventFields.ALL);
        assertThat(read.get("participantRef").asString()).isEqualTo(s.participantRef());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("eventId", ID.toString());
        expected.put("type", "COURSE_COMPLETION");
        expected.put("occurredOn", "2026-11-20");
        expected.put("district", "03460");
        expected.put("participantRef", s.participantRef());
        expected.put("courseType", "JOB_LANGUAGE_COURSE");
        expected.put("outcome", "FAILED");
        expected.put("languageLevel", "A2");
        expected.put("placementType", "SELF_EMPLOYMENT");
        expected.put("courseVariant", "SPECIAL_B1");
        expected.put("targetLevel", "B1");
        expected.put("attempt", "FIRST");
        expected.put("fundingSource", "JOBCENTER_SGB2");
        expected.put("retracts", retracted.toString());
        expected.put("entitlement", "OBLIGED");
        expected.put("issuer", "BAMF");
        expected.put("sex", "FEMALE");
        assertThat(s.toJson()).isEqualTo(JACKSON.writeValueAsString(expected));
    }

    @Test
    void anEntitlementCarriesThePersonWhatAndWhoIssuedIt() {
        assertThat(Submission.entitlement(ID, LocalDate.of(2026, 11, 21), District.EMDEN, "tn-1", Entitlement.ENTITLED,
                Issuer.FOREIGNERS_AUTHORITY, null).toJson()).isEqualTo("""
                {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"ENTITLEMENT","occurredOn":"2026-11-21",\
                "district":"03402","participantRef":"tn-1","entitlement":"ENTITLED","issuer":"FOREIGNERS_AUTHORITY"}""");
    }

    @Test
    void aRetractionCarriesOnlyWhatItNeeds() {
        UUID retracted = UUID.fromString("0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11");
        assertThat(Submission.retraction(ID, LocalDate.of(2026, 11, 21), District.EMDEN, retracted).toJson())
                .isEqualTo("""
                        {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"RETRACTION","occurredOn":"2026-11-21",\
                        "district":"03402","retracts":"0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11"}""");
    }

    @Test
    void aBrokenSubmissionIsWrittenAsItIs() {
        Submission s = new Submission(null, EventType.COURSE_ENROLMENT, null, null, null, null, null, null, null);
        assertThat(s.toJson()).isEqualTo("{\"type\":\"COURSE_ENROLMENT\"}");
        assertThat(new Submission(null, null, null, null, null, null, null, null, null).toJson()).isEqualTo("{}");
    }

    @Test
    void severalAreOneRequestsArray() {
        Submission a = new Submission(ID, EventType.COURSE_ENROLMENT, LocalDate.of(2026, 11, 20), District.LEER, null,
                CourseType.ORIENTATION_COURSE, null, null, null);
        assertThat(Submission.toJsonArray(List.of(a, a))).isEqualTo("[" + a.toJson() + "," + a.toJson() + "]");
        assertThat(Submission.toJsonArray(List.of())).isEqualTo("[]");
    }

    @Test
    void theParticipantRefStaysOutOfTheTextForLogs() {
        Submission s = new Submission(ID, EventType.COURSE_ENROLMENT, LocalDate.of(2026, 11, 20), District.LEER,
                "secret-ref", CourseType.ORIENTATION_COURSE, null, null, null);
        assertThat(s.toString()).doesNotContain("secret-ref").contains(ID.toString(), "03457");
    }
}
