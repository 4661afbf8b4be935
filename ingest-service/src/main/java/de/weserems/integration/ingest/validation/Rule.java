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
