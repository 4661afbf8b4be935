package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.ParticipantRefs;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Sex;
import de.weserems.integration.events.Submission;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one event against the event contract (v2, which adds to v1; docs/design.md) and names every broken
 * field.
 *
 * <p>It works on the parsed JSON tree rather than on a bound object, so that a wrong type in one
 * field does not hide the errors in the others, and so that CSV rows (all strings) go through the
 * same rules. A JSON {@code null} counts as an absent field, like an empty CSV cell.
 */
@Component
public class EventValidator {

    static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);
    static final int PARTICIPANT_REF_MAX_LENGTH = 128;

    static final String EXAMPLE_UUID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";

    /**
     * A participant reference as a spreadsheet shows a long number it stored as a number: {@code 1,23E+11},
     * {@code 1.23457E+11}. The digits past the first few are lost, so the reference cannot be repaired.
     */
    static final Pattern EXPONENT_FORM = Pattern.compile("[+-]?\\d+([.,]\\d+)?[eE][+-]?\\d+");
    static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Each enum's constants by name, looked up once per type: this runs for every field of every event. */
    private static final ClassValue<Map<String, Object>> ENUM_BY_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .collect(Collectors.toUnmodifiableMap(e -> ((Enum<?>) e).name(), Function.identity()));
        }
    };

    private final Clock clock;
    private volatile Tomorrow tomorrow;

    public EventValidator(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of checking one item: either an event or the list of its errors. */
    public record Result(Submission event, List<FieldError> errors, String eventIdText) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Result validate(JsonNode item) {
        if (item == null || !item.isObject()) {
            return new Result(null, List.of(FieldError.of(FieldError.EVENT, Rule.WRONG_TYPE, "v.not-an-object")), null);
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (String name : item.propertyNames()) {
            if (!EventFields.ALL.contains(name)) {
                errors.add(FieldError.of(abbreviate(name), Rule.UNKNOWN_FIELD, "v.unknown-field"));
            } else if (!item.get(name).isNull()) {
                present.add(name);
            }
        }

        String eventIdText = text(item, "eventId", errors);
        UUID eventId = uuid("eventId", eventIdText, "v.eventId.format", errors);
        if (eventIdText == null && !present.contains("eventId")) {
            errors.add(FieldError.of("eventId", Rule.MISSING, "v.missing"));
        }

        EventType type = required(item, "type", EventType.class, present, errors);
        LocalDate occurredOn = date(item, present, errors);
        District district = district(item, present, errors);

        String participantRef = text(item, "participantRef", errors);
        if (participantRef != null) {
            participantRef(participantRef, errors);
        }

        CourseType courseType = optional(item, "courseType", CourseType.class, errors);
        Outcome outcome = optional(item, "outcome", Outcome.class, errors);
        LanguageLevel languageLevel = optional(item, "languageLevel", LanguageLevel.class, errors);
        PlacementType placementType = optional(item, "placementType", PlacementType.class, errors);
        CourseVariant courseVariant = optional(item, "courseVariant", CourseVariant.class, errors);
        LanguageLevel targetLevel = optional(item, "targetLevel", LanguageLevel.class, LanguageLevel.CEFR, errors);
        Attempt attempt = optional(item, "attempt", Attempt.class, errors);
        FundingSource fundingSource = optional(item, "fundingSource", FundingSource.class, errors);
        UUID retracts = uuid("retracts", text(item, "retracts", errors), "v.retracts.format", errors);
        Entitlement entitlement = optional(item, "entitlement", Entitlement.class, errors);
        Issuer issuer = optional(item, "issuer", Issuer.class, errors);
        Sex sex = optional(item, "sex", Sex.class, errors);

        if (type != null) {
            for (EventFields.Violation v : EventFields.violations(type, present::contains)) {
                errors.add(v.problem() == EventFields.Violation.Problem.MISSING
                        ? FieldError.of(v.field(), Rule.MISSING, "v.missing-for-type", type.name())
                        : FieldError.of(v.field(), Rule.NOT_ALLOWED_FOR_TYPE, "v.not-allowed-for-type", type.name()));
            }
            errors.addAll(CourseFieldErrors.of(type, courseType, courseVariant, targetLevel));
        }
        if (retracts != null && retracts.equals(eventId)) {
            errors.add(FieldError.of("retracts", Rule.RETRACTS_ITSELF, "v.retracts.itself"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors), eventIdText);
        }
        return new Result(new Submission(eventId, type, occurredOn, district, participantRef, courseType, outcome,
                languageLevel, placementType, courseVariant, targetLevel, attempt, fundingSource, retracts, entitlement,
                issuer, sex),
                List.of(), eventIdText);
    }

    /** The UUID in {@code text}; {@code null} for none, and for text that is no UUID, which is an error. */
    private static UUID uuid(String field, String text, String reasonKey, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        if (!isUuid(text)) {
            errors.add(FieldError.of(field, Rule.INVALID_FORMAT, reasonKey, EXAMPLE_UUID));
            return null;
        }
        return UUID.fromString(text);
    }

    private static void participantRef(String ref, List<FieldError> errors) {
        if (ref.isEmpty() || ref.length() > PARTICIPANT_REF_MAX_LENGTH) {
            errors.add(FieldError.of("participantRef", Rule.OUT_OF_RANGE, "v.participantRef.length",
                    Integer.toString(PARTICIPANT_REF_MAX_LENGTH)));
        } else if (ParticipantRefs.isBlank(ref)) {
            errors.add(FieldError.of("participantRef", Rule.PLACEHOLDER, "v.participantRef.blank"));
        } else if (ParticipantRefs.isPlaceholder(ref)) {
            errors.add(FieldError.of("participantRef", Rule.PLACEHOLDER, "v.participantRef.placeholder",
                    abbreviate(ref.strip())));
        } else if (EXPONENT_FORM.matcher(ref.strip()).matches()) {
            errors.add(FieldError.of("participantRef", Rule.INVALID_FORMAT, "v.participantRef.exponent",
                    abbreviate(ref.strip())));
        }
    }

    /** Same as {@link #UUID_TEXT} without a regex: this runs for every event. */
    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * A date written exactly as {@code YYYY-MM-DD} (ASCII digits), or {@code null} when the text is not
     * one or names no day of the calendar (2026-02-30). By hand, because it runs for every event and
     * {@code LocalDate.parse} is far dearer (bench/README.md, ingest throughput).
     */
    static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Tomorrow in the region, worked out again only when the clock has passed the cached day's end. */
    private LocalDate tomorrow() {
        Tomorrow cached = this.tomorrow;
        long now = clock.millis();
        if (cached == null || now < cached.validFromMillis() || now >= cached.validUntilMillis()) {
            ZonedDateTime today = Region.today(clock).atStartOfDay(Region.ZONE);
            cached = new Tomorrow(today.toLocalDate().plusDays(1), today.toInstant().toEpochMilli(),
                    today.plusDays(1).toInstant().toEpochMilli());
            this.tomorrow = cached;
        }
        return cached.date();
    }

    private record Tomorrow(LocalDate date, long validFromMillis, long validUntilMillis) {
    }

    private LocalDate date(JsonNode item, Set<String> present, List<FieldError> errors) {
        String text = text(item, "occurredOn", errors);
        if (text == null) {
            if (!present.contains("occurredOn")) {
                errors.add(FieldError.of("occurredOn", Rule.MISSING, "v.missing"));
            }
            return null;
        }
        LocalDate date = isoDate(text);
        if (date == null) {
            errors.add(FieldError.of("occurredOn", Rule.INVALID_FORMAT, "v.occurredOn.format", abbreviate(text)));
            return null;
        }
        LocalDate tomorrow = tomorrow();
        if (date.isAfter(tomorrow)) {
            errors.add(FieldError.of("occurredOn", Rule.OUT_OF_RANGE, "v.occurredOn.future", text, tomorrow.toString()));
        } else if (date.isBefore(EARLIEST)) {
            errors.add(FieldError.of("occurredOn", Rule.OUT_OF_RANGE, "v.occurredOn.before", text, EARLIEST.toString()));
        }
        return date;
    }

    private District district(JsonNode item, Set<String> present, List<FieldError> errors) {
        String text = text(item, "district", errors);
        if (text == null) {
            if (!present.contains("district")) {
                errors.add(FieldError.of("district", Rule.MISSING, "v.missing"));
            }
            return null;
        }
        return District.byAgs(text).orElseGet(() -> {
            errors.add(text.matches("\\d{5}")
                    ? FieldError.of("district", Rule.INVALID_VALUE, "v.district.unknown", text)
                    // a spreadsheet drops the leading zero of 03454: name that likely cause
                    : text.matches("\\d{4}")
                    ? FieldError.of("district", Rule.INVALID_FORMAT, District.byAgs("0" + text).isPresent()
                            ? "v.district.short" : "v.district.short.unknown", text)
                    : FieldError.of("district", Rule.INVALID_FORMAT, "v.district.format", abbreviate(text)));
            return null;
        });
    }

    private <E extends Enum<E>> E required(JsonNode item, String field, Class<E> type, Set<String> present,
                                           List<FieldError> errors) {
        if (!present.contains(field)) {
            errors.add(FieldError.of(field, Rule.MISSING, "v.missing"));
            return null;
        }
        return optional(item, field, type, errors);
    }

    private <E extends Enum<E>> E optional(JsonNode item, String field, Class<E> type, List<FieldError> errors) {
        return optional(item, field, type, null, errors);
    }

    /** As above, but only {@code allowed} of the enum's values are (all of them for {@code null}). */
    private <E extends Enum<E>> E optional(JsonNode item, String field, Class<E> type, List<E> allowed,
                                           List<FieldError> errors) {
        String text = text(item, field, errors);
        if (text == null) {
            return null;
        }
        E value = type.cast(ENUM_BY_NAME.get(type).get(text));
        if (value == null || (allowed != null && !allowed.contains(value))) {
            List<E> values = allowed == null ? Arrays.asList(type.getEnumConstants()) : allowed;
            errors.add(FieldError.of(field, Rule.INVALID_VALUE, "v.not-one-of", abbreviate(text),
                    values.stream().map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
        return value;
    }

    /** The field as text; a field of another JSON type is an error, an absent or null one is {@code null}. */
    private static String text(JsonNode item, String field, List<FieldError> errors) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(field.equals("participantRef") && node.isNumber()
                    ? FieldError.of(field, Rule.WRONG_TYPE, "v.participantRef.number")
                    : FieldError.of(field, Rule.WRONG_TYPE, "v.wrong-type." + describe(node)));
            return null;
        }
        return node.asString();
    }

    /** The JSON type of a value that should have been a string, as the end of its text's key. */
    private static String describe(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "array";
        }
        return node.isObject() ? "object" : "other";
    }

    /** Cuts what a provider sent to 40 characters for an error message, never inside a surrogate pair. */
    public static String abbreviate(String text) {
        if (text.length() <= 40) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(36)) ? 36 : 37;
        return text.substring(0, cut) + "...";
    }
}
