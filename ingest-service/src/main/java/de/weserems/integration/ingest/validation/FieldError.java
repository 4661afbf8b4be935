package de.weserems.integration.ingest.validation;

/**
 * One broken field of one event, with a reason a provider can act on.
 *
 * @param field  the field's name as in the contract ({@code (event)}, {@code (line)} or
 *               {@code (row)} when the item as a whole is broken)
 * @param rule   the rule it breaks, as a stable code
 * @param reason plain English a person can act on
 */
public record FieldError(String field, Rule rule, String reason) {
}
