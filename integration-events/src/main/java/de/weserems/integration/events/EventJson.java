package de.weserems.integration.events;

import tools.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes an {@link IntegrationEvent} as the JSON that Jackson writes for it (same field order, absent
 * fields left out, ISO dates), without Jackson's data binding; and reads that very form back.
 *
 * <p>It exists because both sides are hot paths: ingest writes every accepted event once, and the
 * indicator engine reads every event again on each replay, where Jackson's data binding and date
 * parsers were the largest costs (figures in bench/README.md). {@code EventJsonTest} checks, byte for
 * byte, that this writer and Jackson agree, also for strings that need escaping.
 *
 * <p>{@link #readCanonical} reads only the exact form
 * {@link #toBytes} writes (fields in that order, no white space, no escapes, ASCII) and answers
 * {@code null} for anything else, which the caller then gives to Jackson: so a record of another
 * shape reads, or fails, exactly as before. {@code EventJsonTest} checks that it agrees with Jackson.
 */
public final class EventJson {

    private EventJson() {
    }

    /** The event as UTF-8 JSON, byte for byte what Jackson writes for it. */
    public static byte[] toBytes(IntegrationEvent e) {
        StringBuilder out = new StringBuilder(320);
        out.append("{\"eventId\":\"").append(e.eventId())
                .append("\",\"type\":\"").append(e.type().name())
                .append("\",\"occurredOn\":\"").append(e.occurredOn())
                .append("\",\"district\":\"").append(e.district().ags()).append('"');
        string(out, "participant", e.participant());
        name(out, "courseType", e.courseType());
        name(out, "outcome", e.outcome());
        name(out, "languageLevel", e.languageLevel());
        name(out, "placementType", e.placementType());
        name(out, "courseVariant", e.courseVariant());
        name(out, "targetLevel", e.targetLevel());
        name(out, "attempt", e.attempt());
        name(out, "fundingSource", e.fundingSource());
        if (e.retracts() != null) {
            out.append(",\"retracts\":\"").append(e.retracts()).append('"');
        }
        name(out, "entitlement", e.entitlement());
        name(out, "issuer", e.issuer());
        name(out, "sex", e.sex());
        string(out, "providerId", e.providerId());
        if (e.receivedAt() != null) {
            out.append(",\"receivedAt\":\"").append(e.receivedAt()).append('"');
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The fields in the order {@link #toBytes} writes them. */
    private static final String[] FIELDS = {"eventId", "type", "occurredOn", "district", "participant", "courseType",
            "outcome", "languageLevel", "placementType", "courseVariant", "targetLevel", "attempt", "fundingSource",
            "retracts", "entitlement", "issuer", "sex", "providerId", "receivedAt"};
    private static final int PROVIDER_ID = 17;
    private static final int RECEIVED_AT = 18;
    private static final byte[][] FIELD_BYTES = ascii(FIELDS);
    private static final EventType[] TYPES = EventType.values();
    private static final byte[][] TYPE_NAMES = names(TYPES);
    private static final District[] DISTRICTS = District.values();
    private static final byte[][] DISTRICT_AGS = ascii(Arrays.stream(DISTRICTS).map(District::ags).toArray(String[]::new));
    private static final CourseType[] COURSE_TYPES = CourseType.values();
    private static final byte[][] COURSE_TYPE_NAMES = names(COURSE_TYPES);
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final byte[][] OUTCOME_NAMES = names(OUTCOMES);
    private static final LanguageLevel[] LEVELS = LanguageLevel.values();
    private static final byte[][] LEVEL_NAMES = names(LEVELS);
    private static final PlacementType[] PLACEMENT_TYPES = PlacementType.values();
    private static final byte[][] PLACEMENT_TYPE_NAMES = names(PLACEMENT_TYPES);
    private static final CourseVariant[] VARIANTS = CourseVariant.values();
    private static final byte[][] VARIANT_NAMES = names(VARIANTS);
    private static final Attempt[] ATTEMPTS = Attempt.values();
    private static final byte[][] ATTEMPT_NAMES = names(ATTEMPTS);
    private static final FundingSource[] FUNDING_SOURCES = FundingSource.values();
    private static final byte[][] FUNDING_SOURCE_NAMES = names(FUNDING_SOURCES);
    private static final Entitlement[] ENTITLEMENTS = Entitlement.values();
    private static final byte[][] ENTITLEMENT_NAMES = names(ENTITLEMENTS);
    private static final Issuer[] ISSUERS = Issuer.values();
    private static final byte[][] ISSUER_NAMES = names(ISSUERS);
    private static final Sex[] SEXES = Sex.values();
    private static final byte[][] SEX_NAMES = names(SEXES);

    /**
     * The event in {@code json} if it is exactly in the form {@link #toBytes} writes, with values that
     * need no escaping; {@code null} otherwise (then read it with Jackson, which also gives the errors).
     * It works on the bytes: only the participant and the provider become strings.
     */
    public static IntegrationEvent readCanonical(byte[] json) {
        if (json == null || json.length < 2 || json[0] != '{' || json[json.length - 1] != '}') {
            return null;
        }
        int[] from = new int[FIELDS.length];
        int[] to = new int[FIELDS.length];
        int i = 1;
        int field = 0;
        int end = json.length - 1;
        while (i < end) {
            if (i > 1 && json[i++] != ',') {
                return null;
            }
            // "name":"value" with the names in the written order, each at most once
            if (i >= end || json[i++] != '"') {
                return null;
            }
            int nameStart = i;
            i = quote(json, i, end);
            while (field < FIELDS.length && !Arrays.equals(json, nameStart, i, FIELD_BYTES[field], 0,
                    FIELD_BYTES[field].length)) {
                field++;
            }
            if (field == FIELDS.length || i + 3 > end || json[i + 1] != ':' || json[i + 2] != '"') {
                return null;
            }
            i += 3;
            from[field] = i;
            // an escape, a control character or a non-ASCII byte fails the field's own reader below
            // (digits, names, ids) or, in the two free strings, plain()
            i = quote(json, i, end);
            if (i >= end) {
                return null;
            }
            to[field++] = i++;
        }
        if (to[0] == 0 || to[1] == 0 || to[2] == 0 || to[3] == 0) {
            return null;
        }
        UUID eventId = uuid(json, from[0], to[0]);
        EventType type = match(json, from[1], to[1], TYPES, TYPE_NAMES);
        LocalDate occurredOn = to[2] - from[2] == 10 ? date(json, from[2]) : null;
        District district = match(json, from[3], to[3], DISTRICTS, DISTRICT_AGS);
        Instant receivedAt = to[RECEIVED_AT] == 0 ? null : instant(json, from[RECEIVED_AT], to[RECEIVED_AT]);
        UUID retracts = to[13] == 0 ? null : uuid(json, from[13], to[13]);
        if (eventId == null || type == null || occurredOn == null || district == null
                || (to[RECEIVED_AT] != 0 && receivedAt == null) || (to[13] != 0 && retracts == null)) {
            return null;
        }
        CourseType courseType = optional(json, from[5], to[5], COURSE_TYPES, COURSE_TYPE_NAMES);
        Outcome outcome = optional(json, from[6], to[6], OUTCOMES, OUTCOME_NAMES);
        LanguageLevel level = optional(json, from[7], to[7], LEVELS, LEVEL_NAMES);
        PlacementType placementType = optional(json, from[8], to[8], PLACEMENT_TYPES, PLACEMENT_TYPE_NAMES);
        CourseVariant variant = optional(json, from[9], to[9], VARIANTS, VARIANT_NAMES);
        LanguageLevel targetLevel = optional(json, from[10], to[10], LEVELS, LEVEL_NAMES);
        Attempt attempt = optional(json, from[11], to[11], ATTEMPTS, ATTEMPT_NAMES);
        FundingSource fundingSource = optional(json, from[12], to[12], FUNDING_SOURCES, FUNDING_SOURCE_NAMES);
        Entitlement entitlement = optional(json, from[14], to[14], ENTITLEMENTS, ENTITLEMENT_NAMES);
        Issuer issuer = optional(json, from[15], to[15], ISSUERS, ISSUER_NAMES);
        Sex sex = optional(json, from[16], to[16], SEXES, SEX_NAMES);
        if ((to[5] != 0 && courseType == null) || (to[6] != 0 && outcome == null) || (to[7] != 0 && level == null)
                || (to[8] != 0 && placementType == null) || (to[9] != 0 && variant == null)
                || (to[10] != 0 && targetLevel == null) || (to[11] != 0 && attempt == null)
                || (to[12] != 0 && fundingSource == null) || (to[14] != 0 && entitlement == null)
                || (to[15] != 0 && issuer == null) || (to[16] != 0 && sex == null)) {
            return null; // an unknown name: Jackson says what is wrong
        }
        if (!plain(json, from[4], to[4]) || !plain(json, from[PROVIDER_ID], to[PROVIDER_ID])) {
            return null;
        }
        return new IntegrationEvent(eventId, type, occurredOn, district, string(json, from[4], to[4]), courseType,
                outcome, level, placementType, variant, targetLevel, attempt, fundingSource, retracts, entitlement,
                issuer, sex, string(json, from[PROVIDER_ID], to[PROVIDER_ID]), receivedAt);
    }

    /**
     * The index of the next quote from {@code i} on, or {@code end}. A method of its own, not a loop in
     * {@link #readCanonical}: there the byte scan makes the reader's loop hot long before the reader
     * itself, and the JIT then compiles the whole reader again on stack replacement.
     */
    private static int quote(byte[] json, int i, int end) {
        while (i < end && json[i] != '"') {
            i++;
        }
        return i;
    }

    private static byte[][] ascii(String[] values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    private static byte[][] names(Enum<?>[] values) {
        return ascii(Arrays.stream(values).map(Enum::name).toArray(String[]::new));
    }

    /** The value whose name is exactly the bytes from {@code from} to {@code to}, or {@code null}. */
    private static <E> E match(byte[] json, int from, int to, E[] values, byte[][] names) {
        for (int k = 0; k < values.length; k++) {
            if (Arrays.equals(json, from, to, names[k], 0, names[k].length)) {
                return values[k];
            }
        }
        return null;
    }

    private static <E> E optional(byte[] json, int from, int to, E[] values, byte[][] names) {
        return to == 0 ? null : match(json, from, to, values, names);
    }

    /** Printable ASCII without a backslash (so nothing escaped) from {@code from} to {@code to}. */
    private static boolean plain(byte[] json, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = json[i];
            if (c < 0x20 || c == '\\' || c == 0x7f) { // also every byte >= 0x80 (negative): not plain ASCII
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] json, int from, int to) {
        return to == 0 ? null : new String(json, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** 8-4-4-4-12 hex digits, as {@link UUID#toString} writes it (either case, as Jackson reads it). */
    private static UUID uuid(byte[] json, int from, int to) {
        if (to - from != 36) {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int k = i - from;
            if (k == 8 || k == 13 || k == 18 || k == 23) {
                if (json[i] != '-') {
                    return null;
                }
                continue;
            }
            int d = Character.digit(json[i], 16);
            if (d < 0) {
                return null;
            }
            if (digits++ < 16) {
                high = high << 4 | d;
            } else {
                low = low << 4 | d;
            }
        }
        return new UUID(high, low);
    }

    /** {@code YYYY-MM-DD} at {@code from}; {@code null} for any other form (LocalDate.of throws for an impossible day). */
    private static LocalDate date(byte[] json, int from) {
        if (json[from + 4] != '-' || json[from + 7] != '-') {
            return null;
        }
        int year = digits(json, from, 4);
        int month = digits(json, from + 5, 2);
        int day = digits(json, from + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 + 3) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null; // 30 February: Jackson says so
        }
    }

    /** {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z} as {@link Instant#toString} writes it; {@code null} for any other form. */
    private static Instant instant(byte[] json, int from, int to) {
        int n = to - from;
        if (n < 20 || json[from + 10] != 'T' || json[from + 13] != ':' || json[from + 16] != ':' || json[to - 1] != 'Z') {
            return null;
        }
        LocalDate day = date(json, from);
        int hour = digits(json, from + 11, 2);
        int minute = digits(json, from + 14, 2);
        int second = digits(json, from + 17, 2);
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (json[from + 19] != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nanos = digits(json, from + 20, digits);
            for (int k = digits; k < 9 && nanos >= 0; k++) {
                nanos *= 10;
            }
        }
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0) {
            return null;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(byte[] json, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = json[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code ,"field":"NAME"}, nothing for {@code null}; {@link Submission} writes with it too. */
    static void name(StringBuilder out, String field, Enum<?> value) {
        if (value != null) {
            out.append(",\"").append(field).append("\":\"").append(value.name()).append('"');
        }
    }

    /** {@code ,"field":"value"} escaped as Jackson escapes it, nothing for {@code null}; {@link Submission} writes with it too. */
    static void string(StringBuilder out, String field, String value) {
        if (value == null) {
            return;
        }
        out.append(",\"").append(field).append("\":\"");
        if (plain(value)) {
            out.append(value);
        } else {
            JsonStringEncoder.getInstance().quoteAsString(value, out);
        }
        out.append('"');
    }

    /** Printable ASCII without a quote or backslash: nothing to escape (pseudonyms are base64url). */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
