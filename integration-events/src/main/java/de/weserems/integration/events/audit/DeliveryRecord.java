package de.weserems.integration.events.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.weserems.integration.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
 * @param format     {@code JSON}, {@code NDJSON}, {@code CSV} or {@code XLSX}; {@code null} when the media type was refused
 * @param dryRun     whether it was only a check ({@code ?dryRun=true})
 * @param status     the HTTP status of the answer
 * @param events     items in the request (0 when the body could not be read)
 * @param accepted   items accepted (and, unless a dry run, stored)
 * @param rejected   invalid items
 * @param reasons    reject reasons by field and rule, commonest first; empty when there are none; at most
 *                   {@link Reason#MAX_REASONS}
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
        // a record is never larger than its bounded reasons allow, however it was built
        reasons = reasons == null ? List.of() : reasons.size() > Reason.MAX_REASONS ? Reason.capped(reasons)
                : List.copyOf(reasons);
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
     * <p>The list of a record holds each (field, rule) once, commonest first ({@link #COMMONEST_FIRST}).
     * {@link Tally} (and {@link #counted}, which uses it) is the one place that makes it, and bounds it: an
     * unknown field's name is the provider's text, so a request could otherwise carry any number of
     * distinct reasons of any length. A record holds at most {@link #MAX_REASONS}, each name at most
     * {@link #MAX_NAME_LENGTH} characters; so its JSON stays within some tens of kilobytes, far below
     * the megabyte Kafka accepts for a record by default.
     *
     * @param field the field name (as in the contract), at most {@link #MAX_NAME_LENGTH} characters
     * @param rule  the rule's code, at most {@link #MAX_NAME_LENGTH} characters
     * @param count how often
     */
    public record Reason(String field, String rule, int count) {

        /** Most reasons a record carries; the dashboard keeps as many per table. */
        public static final int MAX_REASONS = 64;
        /** Longest field name or rule a reason keeps; longer ones are cut and end in {@code ...}. */
        public static final int MAX_NAME_LENGTH = 40;
        /** Field and rule of the one reason that counts what is beyond the {@link #MAX_REASONS} - 1 commonest. */
        public static final String OTHER = "(other)";

        /** The order of a record's reasons: commonest first, then by field and rule. */
        public static final Comparator<Reason> COMMONEST_FIRST = Comparator.comparingInt(Reason::count).reversed()
                .thenComparing(Reason::field).thenComparing(Reason::rule);

        public Reason {
            field = abbreviate(Objects.requireNonNull(field, "field"));
            rule = abbreviate(Objects.requireNonNull(rule, "rule"));
        }

        /**
         * Counts {@code errors} by field and rule, commonest first, bounded as a record's reasons are.
         *
         * @param field the field an error is about
         * @param rule  the code of the rule it breaks
         */
        public static <E> List<Reason> counted(Collection<? extends E> errors, Function<? super E, String> field,
                                             Function<? super E, String> rule) {
            Tally tally = new Tally();
            for (E e : errors) {
                tally.add(field.apply(e), rule.apply(e));
            }
            return tally.reasons();
        }

        /**
         * The reasons commonest first; when there are more than {@link #MAX_REASONS}, the commonest
         * {@code MAX_REASONS - 1} and one {@link #OTHER} reason that counts the rest.
         */
        static List<Reason> capped(Collection<Reason> reasons) {
            int other = 0;
            List<Reason> named = new ArrayList<>(reasons.size());
            for (Reason r : reasons) {
                if (r.field().equals(OTHER) && r.rule().equals(OTHER)) {
                    other += r.count();
                } else {
                    named.add(r);
                }
            }
            named.sort(COMMONEST_FIRST);
            int keep = other == 0 && named.size() <= MAX_REASONS ? named.size() : Math.min(named.size(), MAX_REASONS - 1);
            List<Reason> kept = new ArrayList<>(named.subList(0, keep));
            other += named.subList(keep, named.size()).stream().mapToInt(Reason::count).sum();
            if (other > 0) {
                kept.add(new Reason(OTHER, OTHER, other));
                kept.sort(COMMONEST_FIRST);
            }
            return List.copyOf(kept);
        }

        /** Cuts a name to {@link #MAX_NAME_LENGTH} characters, never between the two halves of a surrogate pair. */
        static String abbreviate(String name) {
            if (name.length() <= MAX_NAME_LENGTH) {
                return name;
            }
            int cut = MAX_NAME_LENGTH - 3;
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            return name.substring(0, cut) + "...";
        }

        /**
         * Counts reasons one at a time, as a request is read, in bounded memory: it tells apart up to
         * {@value #TRACKED} (field, rule) pairs; every further pair is counted as {@link #OTHER} at once.
         */
        public static final class Tally {

            /** Pairs told apart; far more than a record keeps, so that the commonest are still among them. */
            static final int TRACKED = 1024;

            private final Map<List<String>, int[]> counts = new HashMap<>();
            private int beyond;

            /** One more error of {@code field} against {@code rule}. */
            public void add(String field, String rule) {
                List<String> key = List.of(abbreviate(field), abbreviate(rule));
                int[] count = counts.get(key);
                if (count != null) {
                    count[0]++;
                } else if (counts.size() < TRACKED) {
                    counts.put(key, new int[]{1});
                } else {
                    beyond++;
                }
            }

            /** The reasons so far, commonest first, at most {@link #MAX_REASONS}. */
            public List<Reason> reasons() {
                List<Reason> reasons = new ArrayList<>(counts.size() + 1);
                counts.forEach((key, count) -> reasons.add(new Reason(key.get(0), key.get(1), count[0])));
                if (beyond > 0) {
                    reasons.add(new Reason(OTHER, OTHER, beyond));
                }
                return capped(reasons);
            }
        }
    }
}
