package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventJson;
import de.weserems.integration.events.IntegrationEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a record of {@code integration.events.v1} and checks it against the event contract's rules
 * ({@link EventFields}, the same ones ingest applies) before the engine counts it. Ingest already validates, but the topic is open to any producer with
 * write access: a record the engine cannot count must be set aside with its reason, not crash the
 * stream thread (an enrolment without course type would) nor vanish silently.
 *
 * <p>Only rules that hold whenever the record was written are checked here; "not after tomorrow" is a
 * rule of the moment of sending and would reject a correct record on a replay.
 */
final class EventReader {

    /** The reason is an unreadable record: not JSON, or not an object of the event's shape. */
    static final String UNREADABLE = "unreadable";
    /** The reason is a record that reads but breaks the event contract. */
    static final String CONTRACT = "contract";

    /** Bound to the type once: {@code JsonMapper.readValue(bytes, Class)} looked the type up again per record. */
    private final ObjectReader reader;

    EventReader(JsonMapper json) {
        this.reader = json.readerFor(IntegrationEvent.class);
    }

    /** What became of one record. */
    record Result(IntegrationEvent event, byte[] raw, String kind, String reason) {

        boolean valid() {
            return event != null;
        }

        static Result rejected(byte[] raw, String kind, String reason) {
            return new Result(null, raw, kind, reason);
        }
    }

    Result read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return Result.rejected(raw, UNREADABLE, "empty record");
        }
        // what ingest writes reads without Jackson; any other shape (another producer) goes through Jackson
        IntegrationEvent event = EventJson.readCanonical(raw);
        try {
            if (event == null) {
                event = reader.readValue(raw);
            }
        } catch (StreamReadException e) {
            return Result.rejected(raw, UNREADABLE, "not JSON: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            // a missing required field surfaces as the record constructor's NullPointerException
            Throwable cause = e.getCause();
            String reason = cause instanceof NullPointerException ? cause.getMessage() + ": missing"
                    : cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
            return Result.rejected(raw, CONTRACT, reason);
        }
        if (event == null) {
            return Result.rejected(raw, UNREADABLE, "JSON null");
        }
        List<EventFields.Violation> errors = EventFields.violations(event);
        return errors.isEmpty() ? new Result(event, raw, null, null)
                : Result.rejected(raw, CONTRACT, errors.stream().map(EventFields.Violation::toString)
                .collect(Collectors.joining("; ")));
    }
}
