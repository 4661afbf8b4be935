package de.weserems.integration.ingest.validation;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a field was rejected, as a stable code. Providers' scripts can branch on it; the audit and
 * the metrics count rejects by field and rule, never by the free-text reason (which may quote the
 * value that was sent).
 */
public enum Rule {
    /** A required field is absent (or {@code null}, or an empty CSV cell). */
    MISSING("missing"),
    /** A field the contract does not know, usually a typo. */
    UNKNOWN_FIELD("unknown-field"),
    /** A known field that does not belong to the event's type. */
    NOT_ALLOWED_FOR_TYPE("not-allowed-for-type"),
    /** A JSON value of the wrong type (number where text is expected, ...). */
    WRONG_TYPE("wrong-type"),
    /** Text in the wrong format (UUID, date, AGS). */
    INVALID_FORMAT("invalid-format"),
    /** Text in the right format that is not one of the allowed values. */
    INVALID_VALUE("invalid-value"),
    /** A date or a length outside its range. */
    OUT_OF_RANGE("out-of-range"),
    /** A participantRef that is blank or a placeholder such as {@code unbekannt} ({@code ParticipantRefs}). */
    PLACEHOLDER("placeholder"),
    /** A courseVariant of another course type than the event's, or on one without variants (contract v2, {@code CourseFields}). */
    VARIANT_NOT_FOR_COURSE_TYPE("variant-not-for-course-type"),
    /** A targetLevel on a course that is no language course (contract v2, {@code CourseFields}). */
    NOT_A_LANGUAGE_COURSE("not-a-language-course"),
    /** A targetLevel other than the level a module's name gives, e.g. C1 for {@code BASIC_B2} (contract v2, {@code CourseFields}). */
    LEVEL_CONTRADICTS_VARIANT("level-contradicts-variant"),
    /** A retraction that names its own eventId as the event it retracts (contract v2). */
    RETRACTS_ITSELF("retracts-itself"),
    /** The same eventId twice in one request with different content. */
    CONFLICTING_DUPLICATE("conflicting-duplicate"),
    /** A district the provider may not report for. */
    DISTRICT_NOT_ALLOWED("district-not-allowed"),
    /** An NDJSON line or CSV row that cannot be read as an event at all. */
    UNREADABLE("unreadable");

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
