package de.weserems.integration.events.retraction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.weserems.integration.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the indicator engine decided about one retraction, as written to {@link Topics#RETRACTION_OUTCOMES}.
 * It names the provider and the two eventIds and nothing else: no participant, no district, no content of
 * the retracted event, so the topic holds nothing personal.
 *
 * <p>A retraction can be decided more than once: one that waits for its event is {@link Verdict#WAITING}
 * first and {@link Verdict#TOOK_EFFECT} (or no effect) when the event arrives. The record key
 * ({@link #key()}) names the engine generation and the retraction, so the compacted topic keeps each
 * generation's latest word on each retraction.
 *
 * @param generation   the engine generation that decided it ({@code v6})
 * @param providerId   the provider that sent the retraction
 * @param retractionId the retraction's own eventId
 * @param retracts     the eventId it retracts
 * @param verdict      what became of it
 * @param decidedAt    when the record that decided it reached Kafka (the retraction's, or the retracted
 *                     event's when the retraction had waited for it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RetractionOutcome(String generation, String providerId, UUID retractionId, UUID retracts,
                                Verdict verdict, Instant decidedAt) {

    /** What became of a retraction. */
    public enum Verdict {
        /** The retracted event counts nowhere any more (or never did: it arrived after its retraction). */
        TOOK_EFFECT,
        /** No event with that eventId has arrived yet; it is taken back when it arrives. */
        WAITING,
        /** The event is another provider's: a provider can only retract its own events. */
        OTHER_PROVIDERS_EVENT,
        /** The eventId is a retraction's: a retraction cannot be taken back (send the event again instead). */
        RETRACTS_A_RETRACTION,
        /**
         * The event had already been retracted by an earlier retraction of the same provider (under another
         * eventId), or such a retraction already waits for it.
         */
        ALREADY_RETRACTED;

        /** Whether the retraction changed or will change the figures. */
        public boolean effective() {
            return this == TOOK_EFFECT || this == WAITING;
        }
    }

    /** Reads and writes the record on the topic, whatever the services' own mappers are configured to do. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RetractionOutcome {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(retractionId, "retractionId");
        Objects.requireNonNull(retracts, "retracts");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The record key: {@code generation|retractionId}. */
    public String key() {
        return generation + "|" + retractionId;
    }

    /** The record as the UTF-8 JSON written to {@link Topics#RETRACTION_OUTCOMES}. */
    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /**
     * The record in {@code json}.
     *
     * @throws JacksonException when it is not JSON of a record's shape, or lacks a required field
     */
    public static RetractionOutcome fromJson(byte[] json) {
        return JSON.readValue(json, RetractionOutcome.class);
    }
}
