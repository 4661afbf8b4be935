package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventFields.Presence;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.ParticipantRefs;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of an event of contract v1, built from the same rules as
 * {@link EventValidator} ({@link EventFields}), so the published schema cannot drift from what is enforced. Two rules
 * cannot be said in a schema and are only described: the date range (it moves with the clock) and
 * the districts a provider may report for.
 */
public final class EventSchema {

    private EventSchema() {
    }

    public static Map<String, Object> build() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(EventFields.EVENT_ID, Map.of("type", "string", "format", "uuid", "pattern", "^" + EventValidator.UUID_TEXT + "$",
                "description", "chosen by the provider; sending the same event again is safe: it counts once"));
        properties.put(EventFields.TYPE, enumOf(EventType.class, "what happened"));
        properties.put(EventFields.OCCURRED_ON, Map.of("type", "string", "format", "date",
                "pattern", "^" + EventValidator.ISO_DATE + "$",
                "description", "the day it happened, YYYY-MM-DD; not after tomorrow (" + Region.ZONE.getId() + "), not before "
                        + EventValidator.EARLIEST));
        properties.put(EventFields.DISTRICT, Map.of("type", "string",
                "enum", Arrays.stream(District.values()).map(District::ags).toList(),
                "description", "AGS of one of the 17 districts of Weser-Ems, and one the provider may report for: "
                        + String.join(", ", Arrays.stream(District.values())
                        .map(d -> d.ags() + " " + d.displayName()).toList())));
        properties.put(EventFields.PARTICIPANT_REF, Map.of("type", "string",
                "minLength", 1, "maxLength", EventValidator.PARTICIPANT_REF_MAX_LENGTH,
                "pattern", ParticipantRefs.NOT_BLANK_PATTERN,
                "not", Map.of("pattern", ParticipantRefs.PLACEHOLDER_PATTERN),
                "description", "a pseudonymous reference agreed among providers, never a name; re-keyed with an "
                        + "HMAC at ingest, the raw value is never stored. Not blank, and not a placeholder for "
                        + "'unknown' (white space at either end and case do not count): "
                        + String.join(", ", ParticipantRefs.PLACEHOLDERS) + "; leave the field out instead"));
        properties.put(EventFields.COURSE_TYPE, enumOf(CourseType.class, "enrolment and completion"));
        properties.put(EventFields.OUTCOME, enumOf(Outcome.class, "completion"));
        properties.put(EventFields.LANGUAGE_LEVEL, enumOf(LanguageLevel.class, "completion only, optional: the level certified"));
        properties.put(EventFields.PLACEMENT_TYPE, enumOf(PlacementType.class,
                "placement; EMPLOYMENT = employment subject to social insurance"));

        List<Object> perType = new ArrayList<>();
        for (EventType type : EventType.values()) {
            Map<String, Object> forbidden = new LinkedHashMap<>();
            EventFields.typeBound(type, Presence.FORBIDDEN).forEach(f -> forbidden.put(f, false));
            List<String> required = EventFields.typeBound(type, Presence.REQUIRED);
            perType.add(Map.of(
                    "if", Map.of("properties", Map.of("type", Map.of("const", type.name())), "required", List.of("type")),
                    "then", Map.of("required", required, "properties", forbidden)));
        }

        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "/api/v1/schema/event");
        schema.put("title", "Integration event, contract v1");
        schema.put("description", "One event of a data provider. Unknown fields are rejected; a field that does "
                + "not belong to the event's type is an error. Provider and arrival time come from the API key and "
                + "the server, never from the body.");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("required", EventFields.ALWAYS_REQUIRED);
        schema.put("properties", properties);
        schema.put("allOf", perType);
        return schema;
    }

    private static <E extends Enum<E>> Map<String, Object> enumOf(Class<E> type, String description) {
        return Map.of("type", "string", "enum", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
                "description", description);
    }
}
