package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseFields;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventFields.Presence;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.ParticipantRefs;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Sex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON Schema (draft 2020-12) of an event of the contract (v2, which adds to v1), built from the same
 * rules as {@link EventValidator} ({@link EventFields}, {@link CourseFields}), so the published schema cannot
 * drift from what is enforced. Three rules cannot be said in a schema and are only described: the date range
 * (it moves with the clock), the districts a provider may report for, and that a retraction does not name
 * its own eventId.
 */
public final class EventSchema {

    private EventSchema() {
    }

    public static Map<String, Object> build() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(EventFields.EVENT_ID, uuid("chosen by the provider; sending the same event again is safe: it counts once"));
        properties.put(EventFields.TYPE, enumOf(EventType.class, "what happened; RETRACTION takes back an earlier "
                + "event of the same provider that was wrong; ENTITLEMENT = a person is entitled or obliged to attend "
                + "an integration course; COURSE_START = the day the course the person enrolled in actually began"));
        properties.put(EventFields.OCCURRED_ON, Map.of("type", "string", "format", "date",
                "pattern", "^" + EventValidator.ISO_DATE + "$",
                "description", "the day it happened, YYYY-MM-DD (for a RETRACTION the day of the retraction); not "
                        + "after tomorrow (" + Region.ZONE.getId() + "), not before " + EventValidator.EARLIEST));
        properties.put(EventFields.DISTRICT, Map.of("type", "string",
                "enum", Arrays.stream(District.values()).map(District::ags).toList(),
                "description", "AGS of one of the 17 districts of Weser-Ems, and one the provider may report for "
                        + "(for a RETRACTION the retracted event's district): "
                        + String.join(", ", Arrays.stream(District.values())
                        .map(d -> d.ags() + " " + d.displayName()).toList())));
        properties.put(EventFields.PARTICIPANT_REF, Map.of("type", "string",
                "minLength", 1, "maxLength", EventValidator.PARTICIPANT_REF_MAX_LENGTH,
                "pattern", ParticipantRefs.NOT_BLANK_PATTERN,
                "not", Map.of("pattern", ParticipantRefs.PLACEHOLDER_PATTERN),
                "description", "a pseudonymous reference agreed among providers, never a name; re-keyed with an "
                        + "HMAC at ingest, the raw value is never stored. Not blank, and not a placeholder for "
                        + "'unknown' (white space at either end and case do not count): "
                        + String.join(", ", ParticipantRefs.PLACEHOLDERS) + "; leave the field out instead. "
                        + "Not on a RETRACTION; required on an ENTITLEMENT and a COURSE_START"));
        properties.put(EventFields.COURSE_TYPE, enumOf(CourseType.class, "enrolment, course start and completion; "
                + "FIRST_ORIENTATION_COURSE = BAMF's Erstorientierungskurs for asylum seekers"));
        properties.put(EventFields.OUTCOME, enumOf(Outcome.class, "completion"));
        properties.put(EventFields.LANGUAGE_LEVEL, enumOf(LanguageLevel.class, "completion only, optional: the level "
                + "certified; BELOW_A1 = the exam was taken and no level reached"));
        properties.put(EventFields.PLACEMENT_TYPE, enumOf(PlacementType.class,
                "placement; EMPLOYMENT = employment subject to social insurance; FULL_VOCATIONAL_TRAINING = full "
                        + "vocational training outside the dual system"));
        properties.put(EventFields.COURSE_VARIANT, enumOf(CourseVariant.class, "enrolment, course start and completion, optional: "
                + "the variant of a language course, one of its own course type's: "
                + variantsByCourseType() + "; BASIC_ modules are named by the level they lead to"));
        properties.put(EventFields.TARGET_LEVEL, Map.of("type", "string", "enum", names(LanguageLevel.CEFR),
                "description", "enrolment, course start and completion of a language course (" + CourseFieldErrors.LANGUAGE_COURSES + "), "
                        + "optional: the level the course leads to; for a module named by its level (BASIC_B2, "
                        + "SPECIAL_A2, ...) that level"));
        properties.put(EventFields.ATTEMPT, enumOf(Attempt.class, "completion only, optional: the first attempt at "
                + "the course or a repeat"));
        properties.put(EventFields.FUNDING_SOURCE, enumOf(FundingSource.class, "enrolment, course start and completion, optional: "
                + "who pays for the course"));
        properties.put(EventFields.RETRACTS, uuid("RETRACTION only, and required there: the eventId of an earlier "
                + "event of the same provider that was wrong, not the retraction's own. A correction is a retraction "
                + "and a new event under a new eventId"));
        properties.put(EventFields.ENTITLEMENT, enumOf(Entitlement.class, "ENTITLEMENT only, and required there: "
                + "whether the person is entitled (ENTITLED) or obliged (OBLIGED) to attend an integration course"));
        properties.put(EventFields.ISSUER, enumOf(Issuer.class, "ENTITLEMENT only, and required there: who issued "
                + "it; FOREIGNERS_AUTHORITY = Ausländerbehörde"));
        properties.put(EventFields.SEX, enumOf(Sex.class, "optional on every type that names a participant (not on a "
                + "RETRACTION): the participant's sex as recorded; UNSPECIFIED = recorded as not given"));

        List<Object> rules = new ArrayList<>();
        for (EventType type : EventType.values()) {
            Map<String, Object> forbidden = new LinkedHashMap<>();
            EventFields.typeBound(type, Presence.FORBIDDEN).forEach(f -> forbidden.put(f, false));
            List<String> required = EventFields.typeBound(type, Presence.REQUIRED);
            rules.add(when(EventFields.TYPE, type, Map.of("required", required, "properties", forbidden)));
        }
        rules.addAll(courseRules());

        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "/api/v1/schema/event");
        schema.put("title", "Integration event, contract v2");
        schema.put("description", "One event of a data provider. Contract v2 adds to v1: every valid v1 event is "
                + "valid and means the same. Unknown fields are rejected; a field that does not belong to the event's "
                + "type, or a course field that does not fit its courseType, is an error. Provider and arrival time "
                + "come from the API key and the server, never from the body.");
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("required", EventFields.ALWAYS_REQUIRED);
        schema.put("properties", properties);
        schema.put("allOf", rules);
        return schema;
    }

    /**
     * {@link CourseFields} as conditions: per course type the variants it has (none: no courseVariant) and,
     * for one that is no language course, no targetLevel; per module named by its level, that target level.
     */
    private static List<Object> courseRules() {
        List<Object> rules = new ArrayList<>();
        for (CourseType courseType : CourseType.values()) {
            List<CourseVariant> variants = CourseVariant.of(courseType);
            Map<String, Object> fit = new LinkedHashMap<>();
            fit.put(EventFields.COURSE_VARIANT, variants.isEmpty() ? false : Map.of("enum", names(variants)));
            if (!courseType.languageCourse()) {
                fit.put(EventFields.TARGET_LEVEL, false);
            }
            rules.add(when(EventFields.COURSE_TYPE, courseType, Map.of("properties", fit)));
        }
        for (CourseVariant variant : CourseVariant.values()) {
            if (variant.level() != null) {
                rules.add(when(EventFields.COURSE_VARIANT, variant, Map.of("properties",
                        Map.of(EventFields.TARGET_LEVEL, Map.of("const", variant.level().name())))));
            }
        }
        return rules;
    }

    /** If {@code field} is there and is {@code value}, then {@code then}. */
    private static Map<String, Object> when(String field, Enum<?> value, Map<String, Object> then) {
        return Map.of("if", Map.of("properties", Map.of(field, Map.of("const", value.name())), "required", List.of(field)),
                "then", then);
    }

    private static Map<String, Object> uuid(String description) {
        return Map.of("type", "string", "format", "uuid", "pattern", "^" + EventValidator.UUID_TEXT + "$",
                "description", description);
    }

    private static String variantsByCourseType() {
        return Arrays.stream(CourseType.values()).filter(t -> !CourseVariant.of(t).isEmpty())
                .map(t -> t + ": " + String.join(", ", names(CourseVariant.of(t))))
                .collect(Collectors.joining("; "));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static <E extends Enum<E>> Map<String, Object> enumOf(Class<E> type, String description) {
        return Map.of("type", "string", "enum", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(),
                "description", description);
    }
}
