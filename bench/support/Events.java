package support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Valid events of contract v1 as JSON, written piece by piece into a StringBuilder: every generator
 * starts an event with {@link #appendHead}, adds its own fields ({@code participantRef} for the ingest
 * API, {@code participant}, {@code providerId}, {@code receivedAt} for the stored form) and
 * {@link #appendTypeFields}, and closes it. Random choices come from the caller's SplittableRandom, so a
 * seeded generator writes the same events every run.
 */
public final class Events {

    /** The 17 districts of Weser-Ems (AGS). */
    public static final String[] DISTRICTS = {"03401", "03402", "03403", "03404", "03405", "03451", "03452",
            "03453", "03454", "03455", "03456", "03457", "03458", "03459", "03460", "03461", "03462"};
    public static final String[] COURSE_TYPES = {"INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE",
            "VOCATIONAL_QUALIFICATION", "ORIENTATION_COURSE"};
    public static final String[] OUTCOMES = {"PASSED", "FAILED", "DROPPED_OUT"};
    public static final String[] LEVELS = {"A1", "A2", "B1", "B2", "C1", "C2"};
    public static final String[] PLACEMENTS = {"EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT",
            "MARGINAL_EMPLOYMENT"};

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Events() {
    }

    /** 50% enrolments, 35% completions, 15% placements. */
    public static String type(SplittableRandom random) {
        int kind = random.nextInt(100);
        return kind < 50 ? "COURSE_ENROLMENT" : kind < 85 ? "COURSE_COMPLETION" : "JOB_PLACEMENT";
    }

    public static String district(SplittableRandom random) {
        return pick(DISTRICTS, random);
    }

    public static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Starts an event: {@code {"eventId":"<a random version 4 UUID>","type":…,"occurredOn":…,"district":…}
     * without the closing brace. Returns where the eventId starts in {@code b} (ASCII: also its byte
     * offset), for a body that is re-keyed in place.
     */
    public static int appendHead(StringBuilder b, SplittableRandom random, String type, LocalDate occurredOn,
                                 String district) {
        b.append("{\"eventId\":\"");
        int at = b.length();
        byte[] id = new byte[36];
        writeUuid(id, 0, random);
        for (byte c : id) {
            b.append((char) c);
        }
        b.append("\",\"type\":\"").append(type).append("\",\"occurredOn\":\"").append(occurredOn)
                .append("\",\"district\":\"").append(district).append('"');
        return at;
    }

    /** {@code ,"name":"value"} */
    public static void appendField(StringBuilder b, String name, Object value) {
        b.append(",\"").append(name).append("\":\"").append(value).append('"');
    }

    /** What the type needs: a courseType; a courseType, an outcome and half of the time a languageLevel; a placementType. */
    public static void appendTypeFields(StringBuilder b, String type, SplittableRandom random) {
        switch (type) {
            case "COURSE_ENROLMENT" -> appendField(b, "courseType", pick(COURSE_TYPES, random));
            case "COURSE_COMPLETION" -> {
                appendField(b, "courseType", pick(COURSE_TYPES, random));
                appendField(b, "outcome", pick(OUTCOMES, random));
                if (random.nextBoolean()) {
                    appendField(b, "languageLevel", pick(LEVELS, random));
                }
            }
            default -> appendField(b, "placementType", pick(PLACEMENTS, random));
        }
    }

    /**
     * Writes a random version 4 UUID (36 ASCII bytes) at {@code out[at]}. SplittableRandom rather than
     * SecureRandom: the ids need to be unique, not secret.
     */
    public static void writeUuid(byte[] out, int at, SplittableRandom random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;                         // version 4
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // variant 10
        int p = at;
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[p++] = HEX[(int) (hi >>> (nibble * 4)) & 0xF];
            if (nibble == 8 || nibble == 4) {
                out[p++] = '-';
            }
        }
        out[p++] = '-';
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[p++] = HEX[(int) (lo >>> (nibble * 4)) & 0xF];
            if (nibble == 12) {
                out[p++] = '-';
            }
        }
    }
}
