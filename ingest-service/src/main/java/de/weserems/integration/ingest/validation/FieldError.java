package de.weserems.integration.ingest.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.weserems.integration.events.EventFields;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One broken field of one event, with a reason a provider can act on.
 *
 * @param field  the field's name as in the contract ({@link #EVENT}, {@link #LINE} or {@link #ROW} when
 *               the item as a whole is broken), or an unknown field's name as sent (cut to 40 characters)
 * @param rule   the rule it breaks, as a stable code
 * @param reason plain English a person can act on
 * @param text   the same reason as a key of the message bundle, which the API words in the request's language;
 *               {@code null} for a reason only worded in English
 */
public record FieldError(String field, Rule rule, String reason, @JsonIgnore Text text) {

    /** The field of an error about a whole item: not a JSON object, or too large. */
    public static final String EVENT = "(event)";
    /** The field of an NDJSON line that cannot be read. */
    public static final String LINE = "(line)";
    /** The field of a CSV row or spreadsheet row that cannot be read. */
    public static final String ROW = "(row)";
    /** What {@link #knownField()} makes of a name outside the contract. */
    public static final String UNKNOWN = "(unknown)";

    private static final List<String> WHOLE_ITEM = List.of(EVENT, LINE, ROW);

    public FieldError(String field, Rule rule, String reason) {
        this(field, rule, reason, null);
    }

    /** An error whose reason is a text of the bundle; its English wording is the reason. */
    public static FieldError of(String field, Rule rule, String key, Object... args) {
        return of(field, rule, new Text(key, args));
    }

    /** An error whose reason is {@code text}; its English wording is the reason. */
    public static FieldError of(String field, Rule rule, Text text) {
        return new FieldError(field, rule, text.english(), text);
    }

    /** The reason in {@code locale}: the bundle's wording where there is one, else the English reason. */
    public String reason(Locale locale) {
        return text == null ? reason : text.in(locale);
    }

    /**
     * The field as a closed set of values, for a metric's tag: a field of the contract or of a whole item,
     * else {@link #UNKNOWN}. An unknown field's name is the provider's text and would make a new time series
     * per name.
     */
    public String knownField() {
        return EventFields.ALL.contains(field) || WHOLE_ITEM.contains(field) ? field : UNKNOWN;
    }

    /** Two errors are the same when they say the same: the text is only the reason in other words. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FieldError e && field.equals(e.field) && rule == e.rule && reason.equals(e.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, rule, reason);
    }
}
