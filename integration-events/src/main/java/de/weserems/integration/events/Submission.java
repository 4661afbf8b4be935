package de.weserems.integration.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One event as a provider submits it to ingest under contract v2: the fields of {@link EventFields#ALL},
 * with the provider's own {@code participantRef} (ingest replaces it with a pseudonym before anything is
 * stored, see {@link IntegrationEvent}).
 *
 * <p>It exists so that the submission's JSON is written in one place: by the demo feeder and tests that
 * post events as a provider would, and it is what ingest's validator makes of a valid item. The record
 * itself does not check the contract (a test may well write a broken submission); ingest does.
 * {@link #toString()} leaves {@code participantRef} out, so that it never reaches a log line.
 *
 * @param participantRef the provider's pseudonymous reference to the participant, or {@code null}
 * @param retracts       for a {@link EventType#RETRACTION}, the eventId of the provider's earlier event it takes back
 * @param entitlement    for an {@link EventType#ENTITLEMENT}, whether the person is entitled or obliged
 * @param issuer         for an {@link EventType#ENTITLEMENT}, who issued it
 * @param sex            the participant's sex, optional on every type that names a participant
 */
public record Submission(
        UUID eventId,
        EventType type,
        LocalDate occurredOn,
        District district,
        String participantRef,
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
        Sex sex) {

    /** A submission of contract v1: the v2 fields absent. */
    public Submission(UUID eventId, EventType type, LocalDate occurredOn, District district, String participantRef,
                      CourseType courseType, Outcome outcome, LanguageLevel languageLevel, PlacementType placementType) {
        this(eventId, type, occurredOn, district, participantRef, courseType, outcome, languageLevel, placementType,
                null, null, null, null, null);
    }

    /** A submission of contract v2 before entitlements: entitlement, issuer and sex absent. */
    public Submission(UUID eventId, EventType type, LocalDate occurredOn, District district, String participantRef,
                      CourseType courseType, Outcome outcome, LanguageLevel languageLevel, PlacementType placementType,
                      CourseVariant courseVariant, LanguageLevel targetLevel, Attempt attempt,
                      FundingSource fundingSource, UUID retracts) {
        this(eventId, type, occurredOn, district, participantRef, courseType, outcome, languageLevel, placementType,
                courseVariant, targetLevel, attempt, fundingSource, retracts, null, null, null);
    }

    /** An entitlement of the participant {@code participantRef} to an integration course, issued by {@code issuer}. */
    public static Submission entitlement(UUID eventId, LocalDate occurredOn, District district, String participantRef,
                                         Entitlement entitlement, Issuer issuer, Sex sex) {
        return new Submission(eventId, EventType.ENTITLEMENT, occurredOn, district, participantRef, null, null, null,
                null, null, null, null, null, null, entitlement, issuer, sex);
    }

    /** A retraction of the provider's event {@code retracts}, sent on {@code occurredOn} for the retracted event's district. */
    public static Submission retraction(UUID eventId, LocalDate occurredOn, District district, UUID retracts) {
        return new Submission(eventId, EventType.RETRACTION, occurredOn, district, null, null, null, null, null,
                null, null, null, null, retracts, null, null, null);
    }

    /** The submission as a JSON object: fields in contract order, absent ({@code null}) fields left out. */
    public String toJson() {
        return appendJson(new StringBuilder(256)).toString();
    }

    /** The submissions as a JSON array, the body of one request to ingest. */
    public static String toJsonArray(List<Submission> submissions) {
        StringBuilder out = new StringBuilder(submissions.size() * 220 + 2).append('[');
        for (int i = 0; i < submissions.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            submissions.get(i).appendJson(out);
        }
        return out.append(']').toString();
    }

    private StringBuilder appendJson(StringBuilder out) {
        int start = out.length();
        out.append('{');
        // each field is written with a leading comma; the first one's is taken out below
        EventJson.string(out, EventFields.EVENT_ID, eventId == null ? null : eventId.toString());
        EventJson.name(out, EventFields.TYPE, type);
        EventJson.string(out, EventFields.OCCURRED_ON, occurredOn == null ? null : occurredOn.toString());
        EventJson.string(out, EventFields.DISTRICT, district == null ? null : district.ags());
        EventJson.string(out, EventFields.PARTICIPANT_REF, participantRef);
        EventJson.name(out, EventFields.COURSE_TYPE, courseType);
        EventJson.name(out, EventFields.OUTCOME, outcome);
        EventJson.name(out, EventFields.LANGUAGE_LEVEL, languageLevel);
        EventJson.name(out, EventFields.PLACEMENT_TYPE, placementType);
        EventJson.name(out, EventFields.COURSE_VARIANT, courseVariant);
        EventJson.name(out, EventFields.TARGET_LEVEL, targetLevel);
        EventJson.name(out, EventFields.ATTEMPT, attempt);
        EventJson.name(out, EventFields.FUNDING_SOURCE, fundingSource);
        EventJson.string(out, EventFields.RETRACTS, retracts == null ? null : retracts.toString());
        EventJson.name(out, EventFields.ENTITLEMENT, entitlement);
        EventJson.name(out, EventFields.ISSUER, issuer);
        EventJson.name(out, EventFields.SEX, sex);
        if (out.length() > start + 1) {
            out.deleteCharAt(start + 1);
        }
        return out.append('}');
    }

    @Override
    public String toString() {
        // keep participantRef out of any log line or exception message
        return "Submission[eventId=" + eventId + ", type=" + type + ", district="
                + (district == null ? null : district.ags()) + "]";
    }
}
