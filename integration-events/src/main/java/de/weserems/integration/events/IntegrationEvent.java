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
 * stamped on it ({@code providerId}, {@code receivedAt}). The fields of contract v2 come after those of
 * v1, so a v1 record is read as it always was, with the v2 fields absent.
 *
 * @param participant keyed HMAC of the provider's {@code participantRef}, or {@code null} when none was sent
 * @param retracts    for a {@link EventType#RETRACTION}, the eventId of the provider's earlier event it takes back
 * @param entitlement for an {@link EventType#ENTITLEMENT}, whether the person is entitled or obliged
 * @param issuer      for an {@link EventType#ENTITLEMENT}, who issued it
 * @param sex         the participant's sex, optional on every type that names a participant
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
        CourseVariant courseVariant,
        LanguageLevel targetLevel,
        Attempt attempt,
        FundingSource fundingSource,
        UUID retracts,
        Entitlement entitlement,
        Issuer issuer,
        Sex sex,
        String providerId,
        Instant receivedAt) {

    public IntegrationEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(district, "district");
    }

    /** An event of contract v1: the v2 fields absent. */
    public IntegrationEvent(UUID eventId, EventType type, LocalDate occurredOn, District district, String participant,
                            CourseType courseType, Outcome outcome, LanguageLevel languageLevel,
                            PlacementType placementType, String providerId, Instant receivedAt) {
        this(eventId, type, occurredOn, district, participant, courseType, outcome, languageLevel, placementType,
                null, null, null, null, null, providerId, receivedAt);
    }

    /** An event of contract v2 before entitlements: entitlement, issuer and sex absent. */
    public IntegrationEvent(UUID eventId, EventType type, LocalDate occurredOn, District district, String participant,
                            CourseType courseType, Outcome outcome, LanguageLevel languageLevel,
                            PlacementType placementType, CourseVariant courseVariant, LanguageLevel targetLevel,
                            Attempt attempt, FundingSource fundingSource, UUID retracts, String providerId,
                            Instant receivedAt) {
        this(eventId, type, occurredOn, district, participant, courseType, outcome, languageLevel, placementType,
                courseVariant, targetLevel, attempt, fundingSource, retracts, null, null, null, providerId, receivedAt);
    }

    /** The calendar month the event counts in. */
    public YearMonth month() {
        return YearMonth.from(occurredOn);
    }
}
