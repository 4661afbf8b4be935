package de.weserems.integration.dashboard.deliveries;

import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.events.retraction.RetractionOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Feeds {@link ProviderActivity} audit records as ingest writes them, without Kafka. */
public final class ProviderActivityTestAccess {

    private ProviderActivityTestAccess() {
    }

    public static ProviderActivity empty() {
        return new ProviderActivity(null, new DeliveriesSettings(Duration.ofDays(14), Duration.ofDays(14)));
    }

    public static RetractionOutcomes noRetractions() {
        return new RetractionOutcomes(null);
    }

    /** What the engine decided about a retraction, as if read from the outcome topic. */
    public static void decide(RetractionOutcomes outcomes, RetractionOutcome outcome) {
        outcomes.accept(outcome);
    }

    /** Subscribers (open pages) hear of the outcomes read, as every second while the tail reads. */
    public static void announce(RetractionOutcomes outcomes) {
        outcomes.notifyListeners();
    }

    /** A request refused as a whole ({@code problem}: ingest's problem type), with no reasons by field. */
    public static void refuse(ProviderActivity activity, String provider, String receivedAt, int status, int events,
                              String problem) {
        activity.accept(record(provider, receivedAt, status, events, 0, false, List.of(), problem, Map.of()));
    }

    /** A stored request whose events name {@code districts} (AGS → events), as ingest audits it. */
    public static void store(ProviderActivity activity, String provider, String receivedAt, Map<String, Integer> districts) {
        int events = districts.values().stream().mapToInt(Integer::intValue).sum();
        activity.accept(record(provider, receivedAt, 202, events, events, false, List.of(), null, districts));
    }

    /** Subscribers (open pages) hear of what was delivered, as every second while the tail reads. */
    public static void announce(ProviderActivity activity) {
        activity.notifyListeners();
    }

    /** A request with its reasons ({@code field/rule} → how often). */
    public static void deliver(ProviderActivity activity, String provider, String receivedAt, int status, int events,
                               int accepted, boolean dryRun, Map<String, Integer> reasons) {
        List<DeliveryRecord.Reason> list = new ArrayList<>();
        reasons.forEach((key, count) -> list.add(new DeliveryRecord.Reason(key.substring(0, key.indexOf('/')),
                key.substring(key.indexOf('/') + 1), count)));
        list.sort(DeliveryRecord.Reason.COMMONEST_FIRST);
        activity.accept(record(provider, receivedAt, status, events, accepted, dryRun, list, null, Map.of()));
    }

    /** A request of {@code provider} authenticated by its key {@code keyId}. */
    public static void useKey(ProviderActivity activity, String provider, String keyId, String receivedAt) {
        DeliveryRecord r = record(provider, receivedAt, 202, 1, 1, false, List.of(), null, Map.of());
        activity.accept(new DeliveryRecord(r.requestId(), r.providerId(), r.receivedAt(), r.format(), r.dryRun(),
                r.status(), r.events(), r.accepted(), r.rejected(), r.reasons(), r.problem(), r.districts(), keyId, null));
    }

    private static DeliveryRecord record(String provider, String receivedAt, int status, int events, int accepted,
                                         boolean dryRun, List<DeliveryRecord.Reason> reasons, String problem,
                                         Map<String, Integer> districts) {
        return new DeliveryRecord(UUID.randomUUID(), provider, Instant.parse(receivedAt), "JSON", dryRun, status,
                events, accepted, status == 202 ? 0 : events, reasons, problem, districts);
    }
}
