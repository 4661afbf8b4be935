package de.weserems.integration.dashboard.providers.store;

import de.weserems.integration.dashboard.deliveries.TailedTopic;
import de.weserems.integration.dashboard.deliveries.TopicWriter;
import de.weserems.integration.events.Topics;
import de.weserems.integration.events.providers.ProviderEntry;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers and their keys on {@link Topics#PROVIDERS}, which every ingest instance tails: every dashboard
 * instance reads the compacted topic in full, and the admin page changes a provider by writing its whole new
 * entry, stamped with the admin and the time. Writes wait until Kafka has them ({@code acks=all}).
 *
 * <p>The topic is primary data: nothing in the app deletes it, and the operations docs say to back it up.
 */
@Component
public class ProviderStore extends TailedTopic {

    private static final Logger log = LoggerFactory.getLogger(ProviderStore.class);

    /** A key issued now: {@code key} is for showing once, never stored. */
    public record NewKey(String keyId, String key) {
    }

    private final Map<String, ProviderEntry> providers = new ConcurrentHashMap<>();
    private final TopicWriter writer;
    private final Clock clock;

    @Autowired
    public ProviderStore(ConsumerFactory<?, ?> consumerFactory, ProducerFactory<?, ?> producerFactory, Clock clock) {
        this(consumerFactory, TopicWriter.acksAll(producerFactory, Topics.PROVIDERS), clock);
    }

    /** With another writer, e.g. one that hands the record straight back in a test without Kafka. */
    ProviderStore(ConsumerFactory<?, ?> consumerFactory, TopicWriter writer, Clock clock) {
        super(Topics.PROVIDERS, "providers", consumerFactory);
        this.writer = writer;
        this.clock = clock;
    }


    /** Every provider on the topic, by name. */
    public List<ProviderEntry> all() {
        return providers.values().stream().sorted(Comparator.comparing(ProviderEntry::name)
                .thenComparing(ProviderEntry::id)).toList();
    }

    public Optional<ProviderEntry> byId(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /**
     * Creates a provider, or sets the name and districts of one.
     *
     * @throws IllegalArgumentException when the id is not a stable id of lower-case letters, digits and dashes
     */
    public void save(String id, String name, Set<String> districts, String by) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,49}")) {
            throw new IllegalArgumentException("provider id " + id);
        }
        Instant now = clock.instant();
        write(byId(id).map(was -> ProviderChanges.renamed(was, name, districts, by, now))
                .orElseGet(() -> ProviderChanges.created(id, name, districts, by, now)));
    }

    /** Issues a new key; returns it (for showing once) once Kafka has its hash. */
    public NewKey issue(String id, Instant expires, String by) {
        ProviderChanges.Issued issued = ProviderChanges.issued(existing(id), expires, by, clock.instant());
        write(issued.entry());
        return new NewKey(issued.keyId(), issued.key());
    }

    /** Issues a new key and lets {@code oldKeyId} stay valid until {@code overlapUntil}. */
    public NewKey rotate(String id, String oldKeyId, Instant overlapUntil, String by) {
        ProviderChanges.Issued issued = ProviderChanges.rotated(existing(id), oldKeyId, overlapUntil, null, by,
                clock.instant());
        write(issued.entry());
        return new NewKey(issued.keyId(), issued.key());
    }

    /** Revokes a key at once. */
    public void revoke(String id, String keyId, String by) {
        write(ProviderChanges.revoked(existing(id), keyId, by, clock.instant()));
    }

    private ProviderEntry existing(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no provider " + id));
    }

    private void write(ProviderEntry entry) {
        try {
            writer.write(entry.id(), entry.toJson());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvidersUnavailable(e);
        } catch (Exception e) { // not confirmed (timeout, broker gone, not authorised): nothing changed
            throw new ProvidersUnavailable(e);
        }
        // at once, so a next change by this admin builds on this one; the tail brings the same entry back
        providers.put(entry.id(), entry);
        log.info("Provider {} changed by {}", entry.id(), entry.changedBy());
    }

    /** Takes one record of the topic in: an entry, or a tombstone that removes one. */
    void accept(String key, byte[] value) {
        if (value == null) {
            providers.remove(key);
            return;
        }
        ProviderEntry entry = ProviderEntry.fromJson(value);
        if (!entry.id().equals(key)) {
            throw new IllegalArgumentException("key " + key + " does not name the provider " + entry.id());
        }
        providers.put(key, entry);
    }

    @Override
    protected void read(ConsumerRecords<String, byte[]> records) {
        takeEach(records, "provider record", this::accept);
    }

    @Override
    protected void clear() {
        providers.clear();
    }

    /** Kafka did not take a change: nothing was changed. */
    public static final class ProvidersUnavailable extends RuntimeException {
        ProvidersUnavailable(Throwable cause) {
            super("Kafka did not confirm the change of a provider", cause);
        }
    }
}
