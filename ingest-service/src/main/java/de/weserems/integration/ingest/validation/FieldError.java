package de.weserems.integration.ingest.validation;

/** One broken field of one event, with a reason a provider can act on. */
public record FieldError(String field, String reason) {
}
