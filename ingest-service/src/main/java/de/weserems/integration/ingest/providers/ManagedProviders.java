package de.weserems.integration.ingest.providers;

import de.weserems.integration.events.Topics;
import de.weserems.integration.events.providers.ProviderEntry;
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

import java.util.HashMap;
import java.util.Map;

/**
 * The providers and keys that admins manage on {@link Topics#PROVIDERS}, as this instance last read them. It
 * tails the compacted topic without a consumer group, so every ingest instance sees every change within
 * about a second of its commit, without a restart. A tombstone removes a provider; an unreadable record is
 * skipped (and logged by position, never by content).
 */
@Component
public class ManagedProviders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManagedProviders.class);

    private final ConsumerFactory<?, ?> consumerFactory;
    /** Replaced as a whole on every change, so a reader never sees half of one. */
    private volatile Map<String, ProviderEntry> entries = Map.of();
    private volatile TopicTail tail;

    public ManagedProviders(ConsumerFactory<?, ?> consumerFactory) {
        this.consumerFactory = consumerFactory;
    }

    /** The latest entry per provider id; the same instance until the next change. */
    Map<String, ProviderEntry> entries() {
        return entries;
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        Map<String, ProviderEntry> next = new HashMap<>(entries);
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                next.remove(record.key());
                continue;
            }
            try {
                ProviderEntry entry = ProviderEntry.fromJson(record.value());
                if (entry.id().equals(record.key())) {
                    next.put(entry.id(), entry);
                } else {
                    log.warn("Skipping a provider record whose key is not its id at {}-{}@{}", record.topic(),
                            record.partition(), record.offset());
                }
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                log.warn("Skipping an unreadable provider record at {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
            }
        }
        entries = Map.copyOf(next);
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        java.util.Properties overrides = TopicTail.consumerOverrides();
        // the dashboard declares the topic compacted; a broker that creates topics on demand must not make it first
        overrides.put("allow.auto.create.topics", "false");
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, "ingest-providers-tail", null, overrides);
    }

    @Override
    public void start() {
        // what is known is served while the topic is read again: dropping it would lock providers out
        tail = TopicTail.follow(Topics.PROVIDERS, this::consumer, this::read);
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
