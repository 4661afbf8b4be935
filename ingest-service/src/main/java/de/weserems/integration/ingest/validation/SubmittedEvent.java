package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A valid event as the provider sent it, before pseudonymisation. It still carries the raw
 * {@code participantRef}, so it never leaves the service and is never logged.
 */
public record SubmittedEvent(
        UUID eventId,
        EventType type,
        LocalDate occurredOn,
        District district,
        String participantRef,
        CourseType courseType,
        Outcome outcome,
        LanguageLevel languageLevel,
        PlacementType placementType) {

    @Override
    public String toString() {
        // keep participantRef out of any log line or exception message
        return "SubmittedEvent[eventId=" + eventId + ", type=" + type + ", district=" + district.ags() + "]";
    }
}
