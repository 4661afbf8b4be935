package de.weserems.integration.dashboard.deliveries;

import de.weserems.integration.events.District;
import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per data provider: the last delivery, how many events were accepted and rejected, the reject
 * reasons by field and rule, and the districts it reports for. Built in every dashboard instance
 * from {@link Topics#INGEST_AUDIT} (ingest writes one summary per request there, without payload),
 * read in full like the indicators.
 *
 * <p>Memory stays bounded however long an instance runs: per provider the totals, the last
 * {@link DeliveriesSettings#dayCount()} days (older days are dropped as newer ones arrive) and at
 * most the 17 districts; at most {@link #MAX_REASONS} distinct reasons per table (an unknown field's
 * name is the provider's text, so the rest are counted as {@link #OTHER}); and the ids of the most
 * recent {@link #MAX_SEEN} requests for spotting a repeated record.
 */
@Component
public class ProviderActivity extends TailedTopic {

    /** What both the totals and a day hold: requests, events, and the reject reasons commonest first. */
    public interface Counted {
        long requests();

        long accepted();

        long rejected();

        List<Map.Entry<String, Long>> reasons();
    }

    /**
     * One provider's deliveries.
     *
     * @param providerId    the provider
     * @param lastDelivery  when its last request arrived
     * @param lastStatus    the HTTP status of that request
     * @param requests      requests that stored something or were refused (dry runs not counted)
     * @param accepted      events stored
     * @param rejected      events of refused requests
     * @param reasons       reject reasons ({@code field/rule}, or {@code request/problem} for a request
     *                      refused as a whole) with how often, commonest first
     * @param days          the recent days with deliveries, newest first
     */
    public record Summary(String providerId, Instant lastDelivery, int lastStatus, long requests, long accepted,
                          long rejected, List<Map.Entry<String, Long>> reasons, List<Day> days) implements Counted {
    }

    /**
     * One provider's deliveries of one day (in the region's time zone), counted as in {@link Summary}.
     *
     * @param providerId the provider
     * @param day        the day
     */
    public record Day(String providerId, LocalDate day, long requests, long accepted, long rejected,
                      List<Map.Entry<String, Long>> reasons) implements Counted {
    }

    /**
     * A provider that reports for a district: its stored requests named the district.
     *
     * @param providerId the provider
     * @param last       when its last stored request with an event for the district arrived
     * @param events     how many events for the district it sent in stored requests (resent ones included)
     */
    public record Reporter(String providerId, Instant last, long events) {
    }

    /** The reason under which reasons beyond {@link #MAX_REASONS} distinct ones are counted. */
    public static final String OTHER = "other";
    /** The field of a reason that refused a whole request (its rule is the problem type). */
    public static final String REQUEST = "request";
    static final int MAX_REASONS = 64;
    static final int MAX_SEEN = 10_000;

    private final int dayCount;
    private final Map<String, Mutable> providers = new ConcurrentHashMap<>();
    /** The most recent request ids, oldest first; only the tail's thread writes it. */
    private final Set<UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > MAX_SEEN;
        }
    });

    public ProviderActivity(ConsumerFactory<?, ?> consumerFactory, DeliveriesSettings settings) {
        super(Topics.INGEST_AUDIT, "provider-activity", consumerFactory);
        this.dayCount = settings.dayCount();
    }

    /** Requests, events and reasons: of all time, or of one day. */
    private static class Counts {
        long requests;
        long accepted;
        long rejected;
        final Map<String, Long> reasons = new HashMap<>();

        void count(int status, long accepted, long events, Map<String, Long> reasons) {
            requests++;
            if (status == 202) {
                this.accepted += accepted;
            } else {
                rejected += events;
            }
            reasons.forEach((reason, n) -> this.reasons.merge(
                    this.reasons.containsKey(reason) || this.reasons.size() < MAX_REASONS ? reason : OTHER,
                    n, Long::sum));
        }

        List<Map.Entry<String, Long>> commonest() {
            return reasons.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(r -> Map.entry(r.getKey(), r.getValue())).toList();
        }
    }

    private static final class Mutable extends Counts {
        Instant lastDelivery = Instant.EPOCH;
        int lastStatus;
        final TreeMap<LocalDate, Counts> days = new TreeMap<>();
        final Map<District, Reporter> districts = new EnumMap<>(District.class);
        /** The last request per key id: as many entries as the provider has keys. */
        final Map<String, Instant> keyUses = new HashMap<>();
    }

    /** When the key {@code keyId} of the provider last authenticated a request (any answer, dry runs too). */
    public Optional<Instant> lastUseOfKey(String providerId, String keyId) {
        Mutable m = providers.get(providerId);
        if (m == null) {
            return Optional.empty();
        }
        synchronized (m) {
            return Optional.ofNullable(m.keyUses.get(keyId));
        }
    }

    /** Every provider that ever delivered, the most recent delivery first. */
    public List<Summary> summaries() {
        return providers.entrySet().stream().map(e -> {
            Mutable m = e.getValue();
            synchronized (m) {
                List<Day> days = m.days.descendingMap().entrySet().stream()
                        .map(d -> new Day(e.getKey(), d.getKey(), d.getValue().requests, d.getValue().accepted,
                                d.getValue().rejected, d.getValue().commonest())).toList();
                return new Summary(e.getKey(), m.lastDelivery, m.lastStatus, m.requests, m.accepted, m.rejected,
                        m.commonest(), days);
            }
        }).sorted(Comparator.comparing(Summary::lastDelivery).reversed()).toList();
    }

    /** One provider's deliveries, if it ever delivered: what its own page shows, and nothing of the others. */
    public java.util.Optional<Summary> summary(String providerId) {
        return summaries().stream().filter(s -> s.providerId().equals(providerId)).findFirst();
    }

    /**
     * Per district, the providers that report for it (their stored requests named it; known from
     * audit records that carry districts), the most recent first; a district nobody reports for is absent.
     */
    public Map<District, List<Reporter>> reporters() {
        Map<District, List<Reporter>> byDistrict = new EnumMap<>(District.class);
        for (Mutable m : providers.values()) {
            synchronized (m) {
                m.districts.forEach((d, r) -> byDistrict.computeIfAbsent(d, x -> new ArrayList<>()).add(r));
            }
        }
        byDistrict.values().forEach(list -> list.sort(Comparator.comparing(Reporter::last).reversed()
                .thenComparing(Reporter::providerId)));
        return byDistrict;
    }

    /** The providers that report for {@code district}, the most recent first. */
    public List<Reporter> reportersFor(District district) {
        return reporters().getOrDefault(district, List.of());
    }

    /** Counts one audit record; a repeat of a request id is ignored. */
    void accept(DeliveryRecord record) {
        String provider = record.providerId();
        if (!seen.add(record.requestId())) {
            return;
        }
        Mutable m = providers.computeIfAbsent(provider, p -> new Mutable());
        Instant at = record.receivedAt();
        synchronized (m) {
            if (at.isAfter(m.lastDelivery)) {
                m.lastDelivery = at;
                m.lastStatus = record.status();
            }
            if (record.keyId() != null) {
                m.keyUses.merge(record.keyId(), at, (was, now) -> was.isAfter(now) ? was : now);
            }
            if (record.dryRun()) {
                return;
            }
            int status = record.status();
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (DeliveryRecord.Reason reason : record.reasons()) {
                // the reasons ingest did not list one by one are this page's "other reasons" too
                String key = reason.field().equals(DeliveryRecord.Reason.OTHER) ? OTHER
                        : reason.field() + "/" + reason.rule();
                reasons.merge(key, (long) reason.count(), Long::sum);
            }
            String problem = record.problem() == null ? "" : record.problem();
            if (status != 202 && reasons.isEmpty() && !problem.isEmpty()) {
                reasons.put(REQUEST + "/" + problem, 1L);
            }
            m.count(status, record.accepted(), record.events(), reasons);
            if (status == 202) {
                record.districts().forEach((ags, events) -> District.byAgs(ags).ifPresent(district ->
                        m.districts.merge(district, new Reporter(provider, at, events), (was, now) -> new Reporter(
                                provider, was.last().isAfter(now.last()) ? was.last() : now.last(),
                                was.events() + now.events()))));
            }
            LocalDate day = LocalDate.ofInstant(at, Region.ZONE);
            if (m.days.isEmpty() || day.isAfter(m.days.lastKey().minusDays(dayCount))) {
                m.days.computeIfAbsent(day, d -> new Counts()).count(status, record.accepted(), record.events(), reasons);
                m.days.headMap(m.days.lastKey().minusDays(dayCount - 1L)).clear();
            }
        }
    }

    @Override
    protected void read(ConsumerRecords<String, byte[]> records) {
        takeEach(records, "audit record", (key, value) -> accept(DeliveryRecord.fromJson(value)));
    }

    @Override
    protected void clear() {
        providers.clear();
        seen.clear();
    }
}
