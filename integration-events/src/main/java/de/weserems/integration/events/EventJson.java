package de.weserems.integration.events;

import tools.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link IntegrationEvent} as the JSON that Jackson writes for it (same field order, absent
 * fields left out, ISO dates), without Jackson's data binding.
 *
 * <p>Ingest writes every accepted event once; in the ingest benchmark's profile Jackson's bean
 * serialisation took about a sixth of the service's CPU. {@code EventJsonTest} checks, byte for
 * byte, that this writer and Jackson agree, also for strings that need escaping.
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
        string(out, "providerId", e.providerId());
        if (e.receivedAt() != null) {
            out.append(",\"receivedAt\":\"").append(e.receivedAt()).append('"');
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void name(StringBuilder out, String field, Enum<?> value) {
        if (value != null) {
            out.append(",\"").append(field).append("\":\"").append(value.name()).append('"');
        }
    }

    private static void string(StringBuilder out, String field, String value) {
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
