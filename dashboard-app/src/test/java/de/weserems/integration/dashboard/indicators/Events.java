package de.weserems.integration.dashboard.indicators;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Events of one participant for tests, dated by day. */
final class Events {

    private Events() {
    }

    static IntegrationEvent completion(String participant, District district, LocalDate day, Outcome outcome) {
        return completion(participant, district, day, CourseType.INTEGRATION_COURSE, outcome);
    }

    static IntegrationEvent completion(String participant, District district, LocalDate day, CourseType courseType,
                                       Outcome outcome) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION, day, district, participant,
                courseType, outcome, null, null, "demo", Instant.EPOCH);
    }

    static IntegrationEvent placement(String participant, District district, LocalDate day) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT, day, district, participant,
                null, null, null, PlacementType.EMPLOYMENT, "demo", Instant.EPOCH);
    }

    static IntegrationEvent enrolment(String participant, District district, LocalDate day) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, day, district, participant,
                CourseType.JOB_LANGUAGE_COURSE, null, null, null, "demo", Instant.EPOCH);
    }
}
