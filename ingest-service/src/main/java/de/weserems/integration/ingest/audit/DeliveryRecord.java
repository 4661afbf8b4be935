package de.weserems.integration.ingest.audit;

import de.weserems.integration.ingest.validation.FieldError;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The summary of one request as written to the audit topic: who, when, how many accepted and
 * rejected, and the reject reasons counted by field and rule. It holds no payload: no event, no
 * value that was sent, no participant.
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
 * @param reasons    reject reasons by field and rule, commonest first
 * @param problem    for a request refused as a whole (400, 413, 415, 429, 503): the problem type
 * @param districts  for a stored request: how many of its events name each district (AGS); empty
 *                   otherwise and in records written before it existed. It tells the dashboard which
 *                   provider reports for which district
 */
public record DeliveryRecord(UUID requestId, String providerId, Instant receivedAt, String format, boolean dryRun,
                             int status, int events, int accepted, int rejected, List<Reason> reasons,
                             String problem, Map<String, Integer> districts) {

    public DeliveryRecord {
        districts = districts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(districts));
    }

    /** This summary with the districts of its stored events. */
    public DeliveryRecord withDistricts(Map<String, Integer> stored) {
        return new DeliveryRecord(requestId, providerId, receivedAt, format, dryRun, status, events, accepted,
                rejected, reasons, problem, stored);
    }

    /**
     * How many times one field broke one rule in the request.
     *
     * @param field the field name (as in the contract)
     * @param rule  the rule's code
     * @param count how often
     */
    public record Reason(String field, String rule, int count) {
    }

    /** Counts field errors by field and rule, commonest first. */
    public static List<Reason> reasons(List<FieldError> errors) {
        Map<Reason, Long> counted = errors.stream().collect(Collectors.groupingBy(
                e -> new Reason(e.field(), e.rule().code(), 0), Collectors.counting()));
        return counted.entrySet().stream()
                .map(e -> new Reason(e.getKey().field(), e.getKey().rule(), e.getValue().intValue()))
                .sorted(Comparator.comparingInt(Reason::count).reversed()
                        .thenComparing(Reason::field).thenComparing(Reason::rule))
                .toList();
    }
}
