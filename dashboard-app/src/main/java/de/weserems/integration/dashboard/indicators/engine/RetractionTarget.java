package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the store {@value RetractionDecider#RETRACTION_TARGETS} knows about one eventId, the key: everything a
 * retraction of it needs to be decided, and no more.
 *
 * @param kind       what the eventId is known as
 * @param providerId the provider of the event ({@link Kind#COUNTED}, {@link Kind#RETRACTED}); {@code null} otherwise
 * @param counted    what the event added, to take it back ({@link Kind#COUNTED} only)
 * @param waiting    the retractions waiting for the event ({@link Kind#WAITING} only), oldest first, at most
 *                   one per provider
 */
record RetractionTarget(Kind kind, String providerId, Undo counted, List<Waiting> waiting) {

    /** The eventId is a retraction's own: a retraction of it has no effect. */
    static final RetractionTarget RETRACTION = new RetractionTarget(Kind.RETRACTION, null, null, List.of());

    enum Kind {
        /** An event that counts, with what it added. */
        COUNTED,
        /** An event that was retracted (after it counted, or on arrival): it counts nowhere. */
        RETRACTED,
        /** Not arrived yet, and retractions are waiting for it. */
        WAITING,
        /** A retraction's own eventId. */
        RETRACTION
    }

    /**
     * The fields of a counted event that decide what it adds to the counts and breakdowns
     * ({@code MonthlyCounters.of}) and to its participant's chain history: all of its content but the eventId
     * (the store key), the provider (kept beside) and the receipt time. An entitlement's {@code entitlement}
     * and {@code issuer} are not kept: they count in no figure yet (their indicators, which come next, need
     * them here and a new version of the store's format). The participant's {@code sex} is kept: the
     * breakdowns by sex take the event back from its own bucket.
     */
    record Undo(EventType type, LocalDate occurredOn, District district, String participant, CourseType courseType,
                Outcome outcome, LanguageLevel languageLevel, PlacementType placementType, CourseVariant courseVariant,
                LanguageLevel targetLevel, Attempt attempt, FundingSource fundingSource, Sex sex) {

        static Undo of(IntegrationEvent e) {
            return new Undo(e.type(), e.occurredOn(), e.district(), e.participant(), e.courseType(), e.outcome(),
                    e.languageLevel(), e.placementType(), e.courseVariant(), e.targetLevel(), e.attempt(),
                    e.fundingSource(), e.sex());
        }

        /** The event again, as far as the figures see it, received at {@code receivedAt}. */
        IntegrationEvent event(UUID eventId, String providerId, Instant receivedAt) {
            return new IntegrationEvent(eventId, type, occurredOn, district, participant, courseType, outcome,
                    languageLevel, placementType, courseVariant, targetLevel, attempt, fundingSource, null, null, null,
                    sex, providerId, receivedAt);
        }
    }

    /** A retraction waiting for its event: who sent it, under which eventId. */
    record Waiting(UUID retractionId, String providerId) {
    }

    RetractionTarget {
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    static RetractionTarget counted(IntegrationEvent event) {
        return new RetractionTarget(Kind.COUNTED, event.providerId(), Undo.of(event), List.of());
    }

    static RetractionTarget retracted(String providerId) {
        return new RetractionTarget(Kind.RETRACTED, providerId, null, List.of());
    }

    /** Waiting with {@code retraction} added ({@code current}: what was known before, {@code null} or waiting). */
    static RetractionTarget waiting(RetractionTarget current, IntegrationEvent retraction) {
        List<Waiting> all = new ArrayList<>(current == null ? List.of() : current.waiting());
        all.add(new Waiting(retraction.eventId(), retraction.providerId()));
        return new RetractionTarget(Kind.WAITING, null, null, all);
    }

    /** Whether a retraction of {@code providerId} already waits for the event. */
    boolean waitingFrom(String providerId) {
        return waiting.stream().anyMatch(w -> Objects.equals(w.providerId(), providerId));
    }

    /** Whether the event is {@code providerId}'s: only its own provider can retract it. */
    boolean sentBy(String providerId) {
        return Objects.equals(this.providerId, providerId);
    }
}
