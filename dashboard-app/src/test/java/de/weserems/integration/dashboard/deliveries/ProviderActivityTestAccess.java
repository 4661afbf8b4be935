package de.weserems.integration.dashboard.deliveries;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Feeds {@link ProviderActivity} audit records as ingest writes them, without Kafka. */
public final class ProviderActivityTestAccess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderActivityTestAccess() {
    }

    public static ProviderActivity empty() {
        return new ProviderActivity(null, JSON, new DeliveriesSettings(Duration.ofDays(14), Duration.ofDays(14)));
    }

    /** A request refused as a whole ({@code problem}: ingest's problem type), with no reasons by field. */
    public static void refuse(ProviderActivity activity, String provider, String receivedAt, int status, int events,
                              String problem) {
        ObjectNode record = record(provider, receivedAt, status, events, 0, false);
        record.putArray("reasons");
        record.put("problem", problem);
        activity.accept(record);
    }

    /** A stored request whose events name {@code districts} (AGS → events), as ingest audits it. */
    public static void store(ProviderActivity activity, String provider, String receivedAt, Map<String, Integer> districts) {
        int events = districts.values().stream().mapToInt(Integer::intValue).sum();
        ObjectNode record = record(provider, receivedAt, 202, events, events, false);
        record.putArray("reasons");
        ObjectNode counted = record.putObject("districts");
        districts.forEach(counted::put);
        activity.accept(record);
    }

    /** Subscribers (open pages) hear of what was delivered, as every second while the tail reads. */
    public static void announce(ProviderActivity activity) {
        activity.notifyListeners();
    }

    public static void deliver(ProviderActivity activity, String provider, String receivedAt, int status, int events,
                               int accepted, boolean dryRun, Map<String, Integer> reasons) {
        ObjectNode record = record(provider, receivedAt, status, events, accepted, dryRun);
        ArrayNode list = record.putArray("reasons");
        reasons.forEach((key, count) -> list.addObject().put("field", key.substring(0, key.indexOf('/')))
                .put("rule", key.substring(key.indexOf('/') + 1)).put("count", count));
        activity.accept(record);
    }

    private static ObjectNode record(String provider, String receivedAt, int status, int events, int accepted,
                                     boolean dryRun) {
        ObjectNode record = JSON.createObjectNode();
        record.put("requestId", UUID.randomUUID().toString());
        record.put("providerId", provider);
        record.put("receivedAt", receivedAt);
        record.put("format", "JSON");
        record.put("dryRun", dryRun);
        record.put("status", status);
        record.put("events", events);
        record.put("accepted", accepted);
        record.put("rejected", status == 202 ? 0 : events);
        return record;
    }
}
