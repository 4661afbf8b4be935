package de.weserems.integration.dashboard.deliveries;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.UUID;

/** Feeds {@link ProviderActivity} audit records as ingest writes them, without Kafka. */
public final class ProviderActivityTestAccess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderActivityTestAccess() {
    }

    public static ProviderActivity empty() {
        return new ProviderActivity(null, JSON);
    }

    public static void deliver(ProviderActivity activity, String provider, String receivedAt, int status, int events,
                               int accepted, boolean dryRun, Map<String, Integer> reasons) {
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
        ArrayNode list = record.putArray("reasons");
        reasons.forEach((key, count) -> list.addObject().put("field", key.substring(0, key.indexOf('/')))
                .put("rule", key.substring(key.indexOf('/') + 1)).put("count", count));
        activity.accept(record);
    }
}
