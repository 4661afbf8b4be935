package de.weserems.integration.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fields of the event contract (v2, which adds to v1) and, per {@link EventType}, which of the
 * type-bound ones an event must, may or must not have; with {@link CourseFields}, which course fields fit
 * the event's course type.
 *
 * <p>It exists so that this rule is written once: ingest refuses a submission that breaks it (and
 * publishes it in its JSON Schema), the indicator engine sets aside a stored event that breaks it, and
 * neither can drift from the other. How a service words or codes a violation stays with the service.
 */
public final class EventFields {

    public static final String EVENT_ID = "eventId";
    public static final String TYPE = "type";
    public static final String OCCURRED_ON = "occurredOn";
    public static final String DISTRICT = "district";
    public static final String PARTICIPANT_REF = "participantRef";
    public static final String COURSE_TYPE = "courseType";
    public static final String OUTCOME = "outcome";
    public static final String LANGUAGE_LEVEL = "languageLevel";
    public static final String PLACEMENT_TYPE = "placementType";
    public static final String COURSE_VARIANT = "courseVariant";
    public static final String TARGET_LEVEL = "targetLevel";
    public static final String ATTEMPT = "attempt";
    public static final String FUNDING_SOURCE = "fundingSource";
    public static final String RETRACTS = "retracts";
    public static final String ENTITLEMENT = "entitlement";
    public static final String ISSUER = "issuer";
    public static final String SEX = "sex";
    /** The stored event's name for the pseudonymised {@link #PARTICIPANT_REF} ({@link IntegrationEvent#participant()}). */
    public static final String PARTICIPANT = "participant";

    /**
     * The contract's field names, in the order of docs/design.md, "Event contract" (and of
     * {@link Submission#toJson()}): those of v1, then those v2 added, then entitlement, issuer and sex.
     */
    public static final List<String> ALL = List.of(EVENT_ID, TYPE, OCCURRED_ON, DISTRICT, PARTICIPANT_REF, COURSE_TYPE,
            OUTCOME, LANGUAGE_LEVEL, PLACEMENT_TYPE, COURSE_VARIANT, TARGET_LEVEL, ATTEMPT, FUNDING_SOURCE, RETRACTS,
            ENTITLEMENT, ISSUER, SEX);

    /** What every event must have, whatever its type. */
    public static final List<String> ALWAYS_REQUIRED = List.of(EVENT_ID, TYPE, OCCURRED_ON, DISTRICT);

    /**
     * The fields whose presence depends on the event's type, in contract order: every field but the
     * {@link #ALWAYS_REQUIRED} ones. ({@code participantRef} became one with v2: a retraction has none.)
     */
    public static final List<String> TYPE_BOUND = List.of(PARTICIPANT_REF, COURSE_TYPE, OUTCOME, LANGUAGE_LEVEL,
            PLACEMENT_TYPE, COURSE_VARIANT, TARGET_LEVEL, ATTEMPT, FUNDING_SOURCE, RETRACTS, ENTITLEMENT, ISSUER, SEX);

    /** Whether an event of a type must, may or must not have a field. */
    public enum Presence {
        REQUIRED, OPTIONAL, FORBIDDEN
    }

    /** The type-bound fields each type requires or allows; every other type-bound field is forbidden. */
    private static final Map<EventType, Map<String, Presence>> TYPE_RULES = Map.of(
            EventType.COURSE_ENROLMENT, Map.of(PARTICIPANT_REF, Presence.OPTIONAL, COURSE_TYPE, Presence.REQUIRED,
                    COURSE_VARIANT, Presence.OPTIONAL, TARGET_LEVEL, Presence.OPTIONAL, FUNDING_SOURCE, Presence.OPTIONAL,
                    SEX, Presence.OPTIONAL),
            EventType.COURSE_COMPLETION, Map.of(PARTICIPANT_REF, Presence.OPTIONAL, COURSE_TYPE, Presence.REQUIRED,
                    OUTCOME, Presence.REQUIRED, LANGUAGE_LEVEL, Presence.OPTIONAL, COURSE_VARIANT, Presence.OPTIONAL,
                    TARGET_LEVEL, Presence.OPTIONAL, ATTEMPT, Presence.OPTIONAL, FUNDING_SOURCE, Presence.OPTIONAL,
                    SEX, Presence.OPTIONAL),
            EventType.JOB_PLACEMENT, Map.of(PARTICIPANT_REF, Presence.OPTIONAL, PLACEMENT_TYPE, Presence.REQUIRED,
                    SEX, Presence.OPTIONAL),
            // the retracted event is named, not described again: no participant, no course, nothing else
            EventType.RETRACTION, Map.of(RETRACTS, Presence.REQUIRED),
            // the figures of entitlements follow a person, so the participant is required; no course yet
            EventType.ENTITLEMENT, Map.of(PARTICIPANT_REF, Presence.REQUIRED, ENTITLEMENT, Presence.REQUIRED,
                    ISSUER, Presence.REQUIRED, SEX, Presence.OPTIONAL),
            // the course fields as on the enrolment, judged by the same CourseFields
            EventType.COURSE_START, Map.of(PARTICIPANT_REF, Presence.REQUIRED, COURSE_TYPE, Presence.REQUIRED,
                    COURSE_VARIANT, Presence.OPTIONAL, TARGET_LEVEL, Presence.OPTIONAL, FUNDING_SOURCE, Presence.OPTIONAL,
                    SEX, Presence.OPTIONAL));

    /** {@link #TYPE_RULES} by type ordinal and {@link #TYPE_BOUND} index: the check runs for every event read. */
    private static final Presence[][] RULES = new Presence[EventType.values().length][TYPE_BOUND.size()];

    static {
        for (EventType type : EventType.values()) {
            for (int i = 0; i < TYPE_BOUND.size(); i++) {
                RULES[type.ordinal()][i] = TYPE_RULES.get(type).getOrDefault(TYPE_BOUND.get(i), Presence.FORBIDDEN);
            }
        }
    }

    private EventFields() {
    }

    /**
     * Whether an event of {@code type} must, may or must not have {@code field} (one of {@link #ALL}).
     *
     * @throws IllegalArgumentException for a name that is not a field of the contract
     */
    public static Presence presence(EventType type, String field) {
        int bound = TYPE_BOUND.indexOf(field);
        if (bound >= 0) {
            return RULES[type.ordinal()][bound];
        }
        if (ALWAYS_REQUIRED.contains(field)) {
            return Presence.REQUIRED;
        }
        throw new IllegalArgumentException(field + " is not a field of the event contract");
    }

    /** The type-bound fields that have {@code presence} for {@code type}, in contract order. */
    public static List<String> typeBound(EventType type, Presence presence) {
        return TYPE_BOUND.stream().filter(f -> presence(type, f) == presence).toList();
    }

    /**
     * How one field of one event breaks the contract.
     *
     * @param field   the field's name ({@link #PARTICIPANT} for a stored event's pseudonym)
     * @param problem what is wrong with it
     * @param type    the event's type, which the type-bound rules depend on
     */
    public record Violation(String field, Problem problem, EventType type) {

        /** What is wrong with a field. */
        public enum Problem {
            /** The type requires the field and it is absent. */
            MISSING,
            /** The type forbids the field and it is there. */
            NOT_ALLOWED,
            /** The field is there but holds only white space. */
            BLANK,
            /** A {@code courseVariant} of another course type than the event's ({@link CourseFields}). */
            OTHER_COURSE_TYPE,
            /** A {@code targetLevel} on a course that is no language course ({@link CourseFields}). */
            NOT_A_LANGUAGE_COURSE,
            /** A {@code targetLevel} other than the level the {@code courseVariant}'s name gives ({@link CourseFields}). */
            CONTRADICTS_VARIANT,
            /** A {@code targetLevel} that is no level of the CEFR scale ({@link LanguageLevel#BELOW_A1}). */
            NOT_A_LEVEL
        }

        /** Plain English without the field's name, e.g. {@code missing for COURSE_ENROLMENT}. */
        public String reason() {
            return switch (problem) {
                case MISSING -> "missing for " + type;
                case NOT_ALLOWED -> "not allowed for " + type;
                case BLANK -> "blank";
                case OTHER_COURSE_TYPE -> "not a variant of the event's courseType";
                case NOT_A_LANGUAGE_COURSE -> "only for language courses";
                case CONTRADICTS_VARIANT -> "not the level the courseVariant leads to";
                case NOT_A_LEVEL -> "not a level a course leads to";
            };
        }

        /** {@code field: reason}, e.g. {@code courseType: missing for COURSE_ENROLMENT}. */
        @Override
        public String toString() {
            return field + ": " + reason();
        }
    }

    /**
     * The type-bound fields that break the rules of {@code type}, in contract order, given which fields are
     * present (not absent, not {@code null}). Empty when there are none.
     */
    public static List<Violation> violations(EventType type, Predicate<String> present) {
        List<Violation> found = List.of();
        for (int i = 0; i < TYPE_BOUND.size(); i++) {
            found = check(found, type, i, present.test(TYPE_BOUND.get(i)));
        }
        return done(found);
    }

    /**
     * How a stored event breaks the contract's rules that hold whenever it was written: a blank
     * participant, the type-bound fields, and the course fields that do not fit its course type
     * ({@link CourseFields}). Empty when there are none. (Rules of the moment of sending, such as "not
     * after tomorrow", are not checked: they would reject a correct event on a replay.)
     */
    public static List<Violation> violations(IntegrationEvent e) {
        List<Violation> found = List.of();
        EventType type = e.type();
        if (e.participant() != null && e.participant().isBlank()) {
            found = add(found, new Violation(PARTICIPANT, Violation.Problem.BLANK, type));
        }
        // by index in TYPE_BOUND order; the stored event names the pseudonym, not the provider's reference
        found = check(found, type, 0, e.participant() != null, PARTICIPANT);
        found = check(found, type, 1, e.courseType() != null);
        found = check(found, type, 2, e.outcome() != null);
        found = check(found, type, 3, e.languageLevel() != null);
        found = check(found, type, 4, e.placementType() != null);
        found = check(found, type, 5, e.courseVariant() != null);
        found = check(found, type, 6, e.targetLevel() != null);
        found = check(found, type, 7, e.attempt() != null);
        found = check(found, type, 8, e.fundingSource() != null);
        found = check(found, type, 9, e.retracts() != null);
        found = check(found, type, 10, e.entitlement() != null);
        found = check(found, type, 11, e.issuer() != null);
        found = check(found, type, 12, e.sex() != null);
        for (Violation v : CourseFields.violations(type, e.courseType(), e.courseVariant(), e.targetLevel())) {
            found = add(found, v);
        }
        return done(found);
    }

    private static List<Violation> check(List<Violation> found, EventType type, int bound, boolean present) {
        return check(found, type, bound, present, TYPE_BOUND.get(bound));
    }

    private static List<Violation> check(List<Violation> found, EventType type, int bound, boolean present,
                                         String name) {
        Presence rule = RULES[type.ordinal()][bound];
        if (rule == Presence.REQUIRED && !present) {
            return add(found, new Violation(name, Violation.Problem.MISSING, type));
        }
        if (rule == Presence.FORBIDDEN && present) {
            return add(found, new Violation(name, Violation.Problem.NOT_ALLOWED, type));
        }
        return found;
    }

    static List<Violation> done(List<Violation> found) {
        return found.isEmpty() ? found : Collections.unmodifiableList(found);
    }

    /** Adds to a list that starts as the shared empty one, so a valid event allocates nothing. */
    static List<Violation> add(List<Violation> found, Violation v) {
        List<Violation> list = found.isEmpty() ? new ArrayList<>(2) : found;
        list.add(v);
        return list;
    }
}
