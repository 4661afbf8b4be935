package de.weserems.integration.ingest.body;

import de.weserems.integration.events.EventFields;
import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON tree of one item from a parser, but only up to {@link #MAX_VALUES} names and values: an
 * event has at most fourteen fields, and an item of a million unknown fields would otherwise become a tree (and a list
 * of errors) many times the size of the body. Past the bound the rest of the item is skipped, still
 * parsed for its syntax but kept nowhere.
 */
final class ItemTrees {

    /** Names and values an item may hold (an object, an array, a scalar or a property name counts one). */
    static final int MAX_VALUES = 256;

    /** The error of an item over the bound. */
    static final FieldError TOO_LARGE = FieldError.of(FieldError.EVENT, Rule.OUT_OF_RANGE, "body.item.too-large",
            Integer.toString(MAX_VALUES), Integer.toString(EventFields.ALL.size()));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private int left;

    private ItemTrees() {
    }

    /**
     * The tree of the value at the parser's current token, or {@code null} when it is over the bound; either
     * way the parser is left at the value's last token.
     */
    static JsonNode read(JsonParser parser) {
        ItemTrees trees = new ItemTrees();
        trees.left = MAX_VALUES;
        return trees.value(parser);
    }

    private JsonNode value(JsonParser p) {
        if (--left < 0) {
            p.skipChildren();
            return null;
        }
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("not the start of a value: " + token);
        };
    }

    private ObjectNode object(JsonParser p) {
        ObjectNode object = NODES.objectNode();
        boolean whole = true;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            left--;
            p.nextToken();
            JsonNode value = value(p);
            if (value == null || left < 0) {
                whole = false;
            } else if (whole) {
                // as Jackson's own trees: a repeated name keeps its last value
                object.set(name, value);
            }
        }
        return whole ? object : null;
    }

    private ArrayNode array(JsonParser p) {
        ArrayNode array = NODES.arrayNode();
        boolean whole = true;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY && token != null) {
            JsonNode value = value(p);
            if (value == null) {
                whole = false;
            } else if (whole) {
                array.add(value);
            }
        }
        return whole ? array : null;
    }
}
