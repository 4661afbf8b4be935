package de.weserems.integration.events;

import de.weserems.integration.events.EventFields.Presence;
import de.weserems.integration.events.EventFields.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFieldsTest {

    @Test
    void theTypeBoundFieldsOfEachTypeAreThoseOfTheContract() {
        assertThat(EventFields.typeBound(EventType.COURSE_ENROLMENT, Presence.REQUIRED)).containsExactly("courseType");
        assertThat(EventFields.typeBound(EventType.COURSE_ENROLMENT, Presence.OPTIONAL))
                .containsExactly("participantRef", "courseVariant", "targetLevel", "fundingSource", "sex");
        assertThat(EventFields.typeBound(EventType.COURSE_ENROLMENT, Presence.FORBIDDEN))
                .containsExactly("outcome", "languageLevel", "placementType", "attempt", "retracts", "entitlement",
                        "issuer");
        assertThat(EventFields.typeBound(EventType.COURSE_COMPLETION, Presence.REQUIRED))
                .containsExactly("courseType", "outcome");
        assertThat(EventFields.typeBound(EventType.COURSE_COMPLETION, Presence.OPTIONAL)).containsExactly(
                "participantRef", "languageLevel", "courseVariant", "targetLevel", "attempt", "fundingSource", "sex");
        assertThat(EventFields.typeBound(EventType.COURSE_COMPLETION, Presence.FORBIDDEN))
                .containsExactly("placementType", "retracts", "entitlement", "issuer");
        assertThat(EventFields.typeBound(EventType.JOB_PLACEMENT, Presence.REQUIRED)).containsExactly("placementType");
        assertThat(EventFields.typeBound(EventType.JOB_PLACEMENT, Presence.OPTIONAL))
                .containsExactly("participantRef", "sex");
        assertThat(EventFields.typeBound(EventType.JOB_PLACEMENT, Presence.FORBIDDEN))
                .containsExactly("courseType", "outcome", "languageLevel", "courseVariant", "targetLevel", "attempt",
                        "fundingSource", "retracts", "entitlement", "issuer");
        assertThat(EventFields.typeBound(EventType.RETRACTION, Presence.REQUIRED)).containsExactly("retracts");
        assertThat(EventFields.typeBound(EventType.RETRACTION, Presence.OPTIONAL)).isEmpty();
        assertThat(EventFields.typeBound(EventType.RETRACTION, Presence.FORBIDDEN)).containsExactly("participantRef",
                "courseType", "outcome", "languageLevel", "placementType", "courseVariant", "targetLevel", "attempt",
                "fundingSource", "entitlement", "issuer", "sex");
        assertThat(EventFields.typeBound(EventType.ENTITLEMENT, Presence.REQUIRED))
                .containsExactly("participantRef", "entitlement", "issuer");
        assertThat(EventFields.typeBound(EventType.ENTITLEMENT, Presence.OPTIONAL)).containsExactly("sex");
        assertThat(EventFields.typeBound(EventType.COURSE_START, Presence.REQUIRED))
                .containsExactly("participantRef", "courseType");
        assertThat(EventFields.typeBound(EventType.COURSE_START, Presence.OPTIONAL))
                .containsExactly("courseVariant", "targetLevel", "fundingSource", "sex");
        assertThat(EventFields.typeBound(EventType.COURSE_START, Presence.FORBIDDEN)).containsExactly("outcome",
                "languageLevel", "placementType", "attempt", "retracts", "entitlement", "issuer");
    }

    @Test
    void everyFieldHasAPresenceForEveryTypeAndNoOtherNameHasOne() {
        for (EventType type : EventType.values()) {
            assertThat(EventFields.ALWAYS_REQUIRED).allMatch(f -> EventFields.presence(type, f) == Presence.REQUIRED);
            assertThat(EventFields.ALL).allSatisfy(f -> assertThat(EventFields.presence(type, f)).isNotNull());
        }
        // every type of v1 may carry a participant, as before; a retraction names an event, not a person;
        // an entitlement and a course start always name one (their figures follow a person)
        assertThat(EventType.values()).allMatch(type -> EventFields.presence(type, "participantRef") == switch (type) {
            case RETRACTION -> Presence.FORBIDDEN;
            case ENTITLEMENT, COURSE_START -> Presence.REQUIRED;
            default -> Presence.OPTIONAL;
        });
        // sex goes with the participant: wherever one may be named, and only there
        assertThat(EventType.values()).allMatch(type -> (EventFields.presence(type, "sex") == Presence.OPTIONAL)
                == (EventFields.presence(type, "participantRef") != Presence.FORBIDDEN));
        assertThat(EventFields.ALL).containsExactly("eventId", "type", "occurredOn", "district", "participantRef",
                "courseType", "outcome", "languageLevel", "placementType",
                "courseVariant", "targetLevel", "attempt", "fundingSource", "retracts", "entitlement", "issuer", "sex");
        assertThatThrownBy(() -> EventFields.presence(EventType.JOB_PLACEMENT, "colour"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void aSetOfPresentFieldsIsCheckedInContractOrder() {
        assertThat(EventFields.violations(EventType.COURSE_ENROLMENT, Set.of("courseType")::contains)).isEmpty();
        assertThat(EventFields.violations(EventType.COURSE_COMPLETION, Set.of("placementType", "languageLevel")::contains))
                .containsExactly(new Violation("courseType", Violation.Problem.MISSING, EventType.COURSE_COMPLETION),
                        new Violation("outcome", Violation.Problem.MISSING, EventType.COURSE_COMPLETION),
                        new Violation("placementType", Violation.Problem.NOT_ALLOWED, EventType.COURSE_COMPLETION));
    }

    @Test
    void aStoredEventIsCheckedAsTheIndicatorEngineReportsIt() {
        assertThat(EventFields.violations(event(EventType.COURSE_ENROLMENT, "p", CourseType.INTEGRATION_COURSE, null, null, null)))
                .isEmpty();
        assertThat(EventFields.violations(event(EventType.COURSE_COMPLETION, null, CourseType.JOB_LANGUAGE_COURSE,
                Outcome.PASSED, LanguageLevel.B2, null))).isEmpty();
        assertThat(EventFields.violations(event(EventType.COURSE_ENROLMENT, null, null, null, null, null)))
                .extracting(Violation::toString).containsExactly("courseType: missing for COURSE_ENROLMENT");
        assertThat(EventFields.violations(event(EventType.JOB_PLACEMENT, " ", CourseType.INTEGRATION_COURSE,
                Outcome.PASSED, LanguageLevel.B1, PlacementType.EMPLOYMENT)))
                .extracting(Violation::toString)
                .containsExactly("participant: blank", "courseType: not allowed for JOB_PLACEMENT",
                        "outcome: not allowed for JOB_PLACEMENT", "languageLevel: not allowed for JOB_PLACEMENT");
        assertThat(EventFields.violations(event(EventType.COURSE_ENROLMENT, null, CourseType.INTEGRATION_COURSE, null,
                LanguageLevel.A1, null))).containsExactly(
                new Violation("languageLevel", Violation.Problem.NOT_ALLOWED, EventType.COURSE_ENROLMENT));
    }

    @Test
    void aStoredEventAndItsSetOfPresentFieldsGiveTheSameTypeBoundViolations() {
        for (EventType type : EventType.values()) {
            for (int bits = 0; bits < 1 << 10; bits++) {
                // values that fit each other, so that only the type-bound rules speak
                IntegrationEvent e = new IntegrationEvent(UUID.randomUUID(), type, LocalDate.of(2026, 11, 20),
                        District.EMSLAND, (bits & 1) == 0 ? null : "p",
                        (bits & 2) == 0 ? null : CourseType.JOB_LANGUAGE_COURSE,
                        (bits & 4) == 0 ? null : Outcome.FAILED,
                        (bits & 8) == 0 ? null : LanguageLevel.BELOW_A1,
                        (bits & 16) == 0 ? null : PlacementType.FULL_VOCATIONAL_TRAINING,
                        (bits & 32) == 0 ? null : CourseVariant.BASIC_C1,
                        (bits & 64) == 0 ? null : LanguageLevel.C1,
                        (bits & 128) == 0 ? null : Attempt.REPEAT,
                        (bits & 256) == 0 ? null : FundingSource.ESF_PLUS,
                        (bits & 512) == 0 ? null : UUID.randomUUID(), "demo", null);
                Set<String> present = new java.util.HashSet<>();
                for (int i = 0; i < 10; i++) {
                    if ((bits & 1 << i) != 0) {
                        present.add(EventFields.TYPE_BOUND.get(i));
                    }
                }
                // the stored event names the pseudonym where the submission names the provider's reference
                assertThat(EventFields.violations(e)).as("%s %s", type, present)
                        .extracting(v -> v.field().equals("participant") ? "participantRef" : v.field(), Violation::problem)
                        .isEqualTo(EventFields.violations(type, present::contains).stream()
                                .map(v -> org.assertj.core.groups.Tuple.tuple(v.field(), v.problem())).toList());
            }
        }
    }

    @Test
    void aRetractionNamesTheEventItTakesBackAndNothingElse() {
        UUID retracted = UUID.randomUUID();
        IntegrationEvent retraction = new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION,
                LocalDate.of(2026, 11, 20), District.EMSLAND, null, null, null, null, null, null, null, null, null,
                retracted, "demo", null);
        assertThat(EventFields.violations(retraction)).isEmpty();
        assertThat(EventFields.violations(new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION,
                LocalDate.of(2026, 11, 20), District.EMSLAND, "p", CourseType.INTEGRATION_COURSE, null, null, null,
                "demo", null))).extracting(Violation::toString).containsExactly(
                "participant: not allowed for RETRACTION", "courseType: not allowed for RETRACTION",
                "retracts: missing for RETRACTION");
    }

    @Test
    void aStoredEventsCourseFieldsMustFitItsCourseType() {
        assertThat(EventFields.violations(course(CourseType.JOB_LANGUAGE_COURSE, CourseVariant.YOUTH, LanguageLevel.C2)))
                .extracting(Violation::toString).containsExactly("courseVariant: not a variant of the event's courseType");
        assertThat(EventFields.violations(course(CourseType.ORIENTATION_COURSE, null, LanguageLevel.A2)))
                .extracting(Violation::toString).containsExactly("targetLevel: only for language courses");
        assertThat(EventFields.violations(course(CourseType.JOB_LANGUAGE_COURSE, CourseVariant.BASIC_B2, LanguageLevel.C1)))
                .extracting(Violation::toString).containsExactly("targetLevel: not the level the courseVariant leads to");
        assertThat(EventFields.violations(course(CourseType.INTEGRATION_COURSE, null, LanguageLevel.BELOW_A1)))
                .extracting(Violation::toString).containsExactly("targetLevel: not a level a course leads to");
        assertThat(EventFields.violations(course(CourseType.INTEGRATION_COURSE, CourseVariant.LITERACY, LanguageLevel.B1)))
                .isEmpty();
    }

    private static IntegrationEvent course(CourseType courseType, CourseVariant variant, LanguageLevel targetLevel) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.of(2026, 11, 20),
                District.EMSLAND, "p", courseType, null, null, null, variant, targetLevel, null, FundingSource.BAMF_INTV,
                null, "demo", null);
    }

    private static IntegrationEvent event(EventType type, String participant, CourseType courseType, Outcome outcome,
                                          LanguageLevel level, PlacementType placementType) {
        return new IntegrationEvent(UUID.randomUUID(), type, LocalDate.of(2026, 11, 20), District.EMSLAND, participant,
                courseType, outcome, level, placementType, "demo", null);
    }

    @Test
    void anEntitlementAndACourseStartAreCheckedAsTheirRulesSay() {
        IntegrationEvent entitlement = new IntegrationEvent(UUID.randomUUID(), EventType.ENTITLEMENT,
                LocalDate.of(2026, 3, 2), District.EMDEN, "p", null, null, null, null, null, null, null, null, null,
                Entitlement.OBLIGED, Issuer.JOBCENTER, Sex.FEMALE, "demo", null);
        assertThat(EventFields.violations(entitlement)).isEmpty();
        assertThat(EventFields.violations(new IntegrationEvent(UUID.randomUUID(), EventType.ENTITLEMENT,
                LocalDate.of(2026, 3, 2), District.EMDEN, null, CourseType.INTEGRATION_COURSE, null, null, null, null,
                null, null, null, null, null, null, null, "demo", null))).extracting(Violation::toString).containsExactly(
                "participant: missing for ENTITLEMENT", "courseType: not allowed for ENTITLEMENT",
                "entitlement: missing for ENTITLEMENT", "issuer: missing for ENTITLEMENT");

        IntegrationEvent start = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_START,
                LocalDate.of(2026, 3, 2), District.EMDEN, "p", CourseType.JOB_LANGUAGE_COURSE, null, null, null,
                CourseVariant.BASIC_B2, LanguageLevel.B2, null, FundingSource.BAMF_DEUFOEV, null, null, null,
                Sex.UNSPECIFIED, "demo", null);
        assertThat(EventFields.violations(start)).isEmpty();
        // the course fields are judged as on an enrolment
        assertThat(EventFields.violations(new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_START,
                LocalDate.of(2026, 3, 2), District.EMDEN, "p", CourseType.JOB_LANGUAGE_COURSE, null, null, null,
                CourseVariant.BASIC_B2, LanguageLevel.B1, null, null, null, Entitlement.ENTITLED, null, null, "demo",
                null))).extracting(Violation::toString).containsExactly(
                "entitlement: not allowed for COURSE_START", "targetLevel: not the level the courseVariant leads to");
        // sex only where a participant may be named
        assertThat(EventFields.violations(new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION,
                LocalDate.of(2026, 3, 2), District.EMDEN, null, null, null, null, null, null, null, null, null,
                UUID.randomUUID(), null, null, Sex.MALE, "demo", null))).extracting(Violation::toString)
                .containsExactly("sex: not allowed for RETRACTION");
    }
}
