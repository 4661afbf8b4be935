package de.weserems.integration.dashboard.indicators.testing;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Events for tests: of one participant dated by day, or of no participant. */
public final class Events {

    private Events() {
    }

    public static IntegrationEvent completion(String participant, District district, LocalDate day, Outcome outcome) {
        return completion(participant, district, day, CourseType.INTEGRATION_COURSE, outcome);
    }

    public static IntegrationEvent completion(String participant, District district, LocalDate day, CourseType courseType,
                                       Outcome outcome) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION, day, district, participant,
                courseType, outcome, null, null, "demo", Instant.EPOCH);
    }

    public static IntegrationEvent placement(String participant, District district, LocalDate day) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT, day, district, participant,
                null, null, null, PlacementType.EMPLOYMENT, "demo", Instant.EPOCH);
    }

    public static IntegrationEvent enrolment(String participant, District district, LocalDate day) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, day, district, participant,
                CourseType.JOB_LANGUAGE_COURSE, null, null, null, "demo", Instant.EPOCH);
    }

    /** A retraction of {@code event} by its own provider, sent the day after it. */
    public static IntegrationEvent retraction(IntegrationEvent event) {
        return retraction(event, event.providerId());
    }

    /** A retraction of {@code event} sent by {@code providerId}, the day after it. */
    public static IntegrationEvent retraction(IntegrationEvent event, String providerId) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION, event.occurredOn().plusDays(1),
                event.district(), null, null, null, null, null, null, null, null, null, event.eventId(), providerId,
                Instant.EPOCH);
    }

    /** An enrolment without participant on {@code date} (YYYY-MM-DD). */
    public static IntegrationEvent enrolment(District district, String date, CourseType courseType) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.parse(date), district,
                null, courseType, null, null, null, "demo", Instant.now());
    }
}
