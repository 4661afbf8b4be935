package de.weserems.integration.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * An accepted event as it is stored on {@link Topics#EVENTS}: the provider's fields after validation,
 * the pseudonymised participant instead of the provider's raw {@code participantRef}, and what ingest
 * stamped on it ({@code providerId}, {@code receivedAt}).
 *
 * @param participant keyed HMAC of the provider's {@code participantRef}, or {@code null} when none was sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationEvent(
        UUID eventId,
        EventType type,
        LocalDate occurredOn,
        District district,
        String participant,
        CourseType courseType,
        Outcome outcome,
        LanguageLevel languageLevel,
        PlacementType placementType,
        String providerId,
        Instant receivedAt) {

    public IntegrationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(district, "district");
    }

    /** The calendar month the event counts in. */
    public YearMonth month() {
        return YearMonth.from(occurredOn);
    }
}
