package de.weserems.integration.dashboard.deliveries;

import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicTail;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per data provider: the last delivery, how many events were accepted and rejected, and the reject
 * reasons by field and rule. Built in every dashboard instance from {@link Topics#INGEST_AUDIT}
 * (ingest writes one summary per request there, without payload), read in full like the indicators.
 */
@Component
public class ProviderActivity implements SmartLifecycle {

    /**
     * One provider's deliveries.
     *
     * @param providerId    the provider
     * @param lastDelivery  when its last request arrived
     * @param lastStatus    the HTTP status of that request
     * @param requests      requests that stored something or were refused (dry runs not counted)
     * @param accepted      events stored
     * @param rejected      events of refused requests
     * @param reasons       reject reasons ({@code field/rule}) with how many broken fields, commonest first
     */
    public record Summary(String providerId, Instant lastDelivery, int lastStatus, long requests, long accepted,
                          long rejected, List<Map.Entry<String, Long>> reasons) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProviderActivity.class);

    private final ConsumerFactory<?, ?> consumerFactory;
    private final JsonMapper json;
    private final Map<String, Mutable> providers = new ConcurrentHashMap<>();
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile TopicTail tail;

    public ProviderActivity(ConsumerFactory<?, ?> consumerFactory, JsonMapper json) {
        this.consumerFactory = consumerFactory;
        this.json = json;
    }

    private static final class Mutable {
        Instant lastDelivery = Instant.EPOCH;
        int lastStatus;
        long requests;
        long accepted;
        long rejected;
        final Map<String, Long> reasons = new HashMap<>();
    }

    /** Every provider that ever delivered, the most recent delivery first. */
    public List<Summary> summaries() {
        return providers.entrySet().stream().map(e -> {
            Mutable m = e.getValue();
            synchronized (m) {
                List<Map.Entry<String, Long>> reasons = m.reasons.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(r -> Map.entry(r.getKey(), r.getValue())).toList();
                return new Summary(e.getKey(), m.lastDelivery, m.lastStatus, m.requests, m.accepted, m.rejected, reasons);
            }
        }).sorted(Comparator.comparing(Summary::lastDelivery).reversed()).toList();
    }

    /** Counts one audit record (ingest's {@code DeliveryRecord} as JSON); a repeat of a request id is ignored. */
    void accept(JsonNode record) {
        String requestId = record.path("requestId").asString("");
        String provider = record.path("providerId").asString("");
        if (provider.isEmpty() || !seen.add(requestId)) {
            return;
        }
        Mutable m = providers.computeIfAbsent(provider, p -> new Mutable());
        Instant at = Instant.parse(record.path("receivedAt").asString(Instant.EPOCH.toString()));
        synchronized (m) {
            if (at.isAfter(m.lastDelivery)) {
                m.lastDelivery = at;
                m.lastStatus = record.path("status").asInt();
            }
            if (record.path("dryRun").asBoolean(false)) {
                return;
            }
            m.requests++;
            int status = record.path("status").asInt();
            if (status == 202) {
                m.accepted += record.path("accepted").asLong();
            } else {
                m.rejected += record.path("events").asLong();
            }
            for (JsonNode reason : record.path("reasons")) {
                m.reasons.merge(reason.path("field").asString() + "/" + reason.path("rule").asString(),
                        reason.path("count").asLong(), Long::sum);
            }
        }
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                accept(json.readTree(record.value()));
            } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
                log.warn("Skipping an unreadable audit record at {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, "provider-activity", null,
                TopicTail.consumerOverrides());
    }

    @Override
    public void start() {
        tail = TopicTail.start(Topics.INGEST_AUDIT, this::consumer, new TopicTail.Listener() {
            @Override
            public void reset() {
                providers.clear();
                seen.clear();
            }

            @Override
            public void records(ConsumerRecords<String, byte[]> records) {
                read(records);
            }
        });
    }

    @Override
    public void stop() {
        TopicTail t = tail;
        tail = null;
        if (t != null) {
            t.close();
        }
    }

    @Override
    public boolean isRunning() {
        return tail != null;
    }
}
