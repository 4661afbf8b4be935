package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.EventFields;

import java.util.List;

/**
 * One broken field of one event, with a reason a provider can act on.
 *
 * @param field  the field's name as in the contract ({@link #EVENT}, {@link #LINE} or {@link #ROW} when
 *               the item as a whole is broken), or an unknown field's name as sent (cut to 40 characters)
 * @param rule   the rule it breaks, as a stable code
 * @param reason plain English a person can act on
 */
public record FieldError(String field, Rule rule, String reason) {

    /** The field of an error about a whole item: not a JSON object, or too large. */
    public static final String EVENT = "(event)";
    /** The field of an NDJSON line that cannot be read. */
    public static final String LINE = "(line)";
    /** The field of a CSV row that cannot be read. */
    public static final String ROW = "(row)";
    /** What {@link #knownField()} makes of a name outside the contract. */
    public static final String UNKNOWN = "(unknown)";

    private static final List<String> WHOLE_ITEM = List.of(EVENT, LINE, ROW);

    /**
     * The field as a closed set of values, for a metric's tag: a field of the contract or of a whole item,
     * else {@link #UNKNOWN}. An unknown field's name is the provider's text and would make a new time series
     * per name.
     */
    public String knownField() {
        return EventFields.ALL.contains(field) || WHOLE_ITEM.contains(field) ? field : UNKNOWN;
    }
}
