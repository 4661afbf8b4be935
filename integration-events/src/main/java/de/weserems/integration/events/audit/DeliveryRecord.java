package de.weserems.integration.events.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.weserems.integration.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The summary of one ingest request as written to {@link Topics#INGEST_AUDIT}: who, when, how many
 * accepted and rejected, and the reject reasons counted by field and rule. It holds no payload: no
 * event, no value that was sent, no participant.
 *
 * <p>It exists as a type of the shared contract so that ingest, which writes it (and shows it in
 * {@code GET /api/v1/deliveries}), and the dashboard, which counts it per provider, read the same
 * fields. {@link #fromJson} reads what any ingest version wrote: a field added later (such as
 * {@code districts}) is empty, 0 or {@code false} in an older record, and a field it does not know is ignored.
 *
 * @param requestId  identifies the request (also in the response header {@code X-Request-Id})
 * @param providerId the authenticated provider
 * @param receivedAt when the request arrived
 * @param format     {@code JSON}, {@code NDJSON} or {@code CSV}; {@code null} when the media type was refused
 * @param dryRun     whether it was only a check ({@code ?dryRun=true})
 * @param status     the HTTP status of the answer
 * @param events     items in the request (0 when the body could not be read)
 * @param accepted   items accepted (and, unless a dry run, stored)
 * @param rejected   invalid items
 * @param reasons    reject reasons by field and rule, commonest first; empty when there are none
 * @param problem    for a request refused as a whole (400, 413, 415, 429, 503): the problem type
 * @param districts  for a stored request: how many of its events name each district (AGS); empty
 *                   otherwise and in records written before it existed. It tells the dashboard which
 *                   provider reports for which district
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryRecord(UUID requestId, String providerId, Instant receivedAt, String format, boolean dryRun,
                             int status, int events, int accepted, int rejected, List<Reason> reasons,
                             String problem, Map<String, Integer> districts) {

    /**
     * Reads and writes the record on the topic, whatever the services' own mappers are configured to do.
     * A number or flag that a record lacks reads as 0 or {@code false} (Jackson 3 would refuse it).
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public DeliveryRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        districts = districts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(districts));
    }

    /** This summary with the districts of its stored events. */
    public DeliveryRecord withDistricts(Map<String, Integer> stored) {
        return new DeliveryRecord(requestId, providerId, receivedAt, format, dryRun, status, events, accepted,
                rejected, reasons, problem, stored);
    }

    /** The record as the UTF-8 JSON written to {@link Topics#INGEST_AUDIT}. */
    public byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    /**
     * The record in {@code json}, as any ingest version wrote it.
     *
     * @throws JacksonException when it is not JSON of a record's shape, or lacks {@code requestId},
     *                          {@code providerId} or {@code receivedAt}
     */
    public static DeliveryRecord fromJson(byte[] json) {
        return JSON.readValue(json, DeliveryRecord.class);
    }

    /**
     * How many times one field broke one rule in the request.
     *
     * <p>The list of a record holds each (field, rule) once, commonest first ({@link #COMMONEST_FIRST});
     * {@link #counted} is the one place that makes it, so a cap on how many distinct reasons a record
     * carries (an unknown field's name is the provider's text) goes there.
     *
     * @param field the field name (as in the contract)
     * @param rule  the rule's code
     * @param count how often
     */
    public record Reason(String field, String rule, int count) {

        /** The order of a record's reasons: commonest first, then by field and rule. */
        public static final Comparator<Reason> COMMONEST_FIRST = Comparator.comparingInt(Reason::count).reversed()
                .thenComparing(Reason::field).thenComparing(Reason::rule);

        /**
         * Counts {@code errors} by field and rule, commonest first.
         *
         * @param field the field an error is about
         * @param rule  the code of the rule it breaks
         */
        public static <E> List<Reason> counted(Collection<? extends E> errors, Function<? super E, String> field,
                                             Function<? super E, String> rule) {
            Map<List<String>, Integer> counted = new LinkedHashMap<>();
            for (E e : errors) {
                counted.merge(List.of(field.apply(e), rule.apply(e)), 1, Integer::sum);
            }
            return counted.entrySet().stream()
                    .map(e -> new Reason(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                    .sorted(COMMONEST_FIRST)
                    .toList();
        }
    }
}
