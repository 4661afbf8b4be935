package de.weserems.integration.ingest.body;

import de.weserems.integration.ingest.validation.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * One item of a request body.
 *
 * @param node       the item as a JSON tree (CSV rows become objects of strings); {@code null} when unreadable
 * @param line       1-based line of the body where the item starts (NDJSON, CSV); {@code null} for JSON
 * @param unreadable why the line or row could not be read; {@code null} when it could
 */
public record BodyItem(JsonNode node, Integer line, FieldError unreadable) {

    public static BodyItem of(JsonNode node, Integer line) {
        return new BodyItem(node, line, null);
    }
}
