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
        assertThat(EventFields.typeBound(EventType.COURSE_ENROLMENT, Presence.OPTIONAL)).isEmpty();
        assertThat(EventFields.typeBound(EventType.COURSE_ENROLMENT, Presence.FORBIDDEN))
                .containsExactly("outcome", "languageLevel", "placementType");
        assertThat(EventFields.typeBound(EventType.COURSE_COMPLETION, Presence.REQUIRED))
                .containsExactly("courseType", "outcome");
        assertThat(EventFields.typeBound(EventType.COURSE_COMPLETION, Presence.OPTIONAL)).containsExactly("languageLevel");
        assertThat(EventFields.typeBound(EventType.COURSE_COMPLETION, Presence.FORBIDDEN)).containsExactly("placementType");
        assertThat(EventFields.typeBound(EventType.JOB_PLACEMENT, Presence.REQUIRED)).containsExactly("placementType");
        assertThat(EventFields.typeBound(EventType.JOB_PLACEMENT, Presence.FORBIDDEN))
                .containsExactly("courseType", "outcome", "languageLevel");
    }

    @Test
    void everyFieldHasAPresenceForEveryTypeAndNoOtherNameHasOne() {
        for (EventType type : EventType.values()) {
            assertThat(EventFields.ALWAYS_REQUIRED).allMatch(f -> EventFields.presence(type, f) == Presence.REQUIRED);
            assertThat(EventFields.presence(type, "participantRef")).isEqualTo(Presence.OPTIONAL);
            assertThat(EventFields.ALL).allSatisfy(f -> assertThat(EventFields.presence(type, f)).isNotNull());
        }
        assertThat(EventFields.ALL).containsExactly("eventId", "type", "occurredOn", "district", "participantRef",
                "courseType", "outcome", "languageLevel", "placementType");
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
        CourseType[] courses = {null, CourseType.ORIENTATION_COURSE};
        Outcome[] outcomes = {null, Outcome.FAILED};
        LanguageLevel[] levels = {null, LanguageLevel.C1};
        PlacementType[] placements = {null, PlacementType.APPRENTICESHIP};
        for (EventType type : EventType.values()) {
            for (int bits = 0; bits < 16; bits++) {
                IntegrationEvent e = event(type, "p", courses[bits & 1], outcomes[bits >> 1 & 1], levels[bits >> 2 & 1],
                        placements[bits >> 3 & 1]);
                Set<String> present = new java.util.HashSet<>();
                if (e.courseType() != null) present.add("courseType");
                if (e.outcome() != null) present.add("outcome");
                if (e.languageLevel() != null) present.add("languageLevel");
                if (e.placementType() != null) present.add("placementType");
                assertThat(EventFields.violations(e)).as("%s %s", type, present)
                        .isEqualTo(EventFields.violations(type, present::contains));
            }
        }
    }

    private static IntegrationEvent event(EventType type, String participant, CourseType courseType, Outcome outcome,
                                          LanguageLevel level, PlacementType placementType) {
        return new IntegrationEvent(UUID.randomUUID(), type, LocalDate.of(2026, 11, 20), District.EMSLAND, participant,
                courseType, outcome, level, placementType, "demo", null);
    }
}
