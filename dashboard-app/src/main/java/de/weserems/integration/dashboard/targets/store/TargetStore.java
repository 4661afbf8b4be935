package de.weserems.integration.dashboard.targets.store;

import de.weserems.integration.dashboard.deliveries.TailedTopic;
import de.weserems.integration.dashboard.deliveries.TopicWriter;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The targets, from {@link Topics#TARGETS}: every instance reads the compacted topic in full and follows
 * it, so a target set in one instance is judged and shown in all of them. Writes wait until Kafka has
 * them ({@code acks=all}); the tail then brings them back to this instance like any other's.
 *
 * <p>The topic is primary data (what admins decided), not derived from the event log: nothing in the
 * app deletes it, and the operations docs say to back it up.
 */
@Component
public class TargetStore extends TailedTopic {

    /** A target as it is written on the topic: the indicator by its figure's name, so the JSON reads as the read API. */
    record Stored(String indicator, String area, Comparison comparison, BigDecimal threshold, int months,
                  String setBy, Instant setAt) {

        static Stored of(Target t) {
            return new Stored(t.indicator().figure(), t.area(), t.comparison(), t.threshold(), t.months(), t.setBy(),
                    t.setAt());
        }

        Target target() {
            return new Target(JudgedIndicator.byFigure(indicator)
                    .orElseThrow(() -> new IllegalArgumentException("unknown indicator " + indicator)),
                    area, comparison, threshold, months, setBy, setAt);
        }
    }

    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final TopicWriter writer;
    private volatile boolean caughtUp;

    @Autowired
    public TargetStore(ConsumerFactory<?, ?> consumerFactory, ProducerFactory<?, ?> producerFactory, JsonMapper json) {
        this(consumerFactory, json, TopicWriter.acksAll(producerFactory, Topics.TARGETS));
    }

    /** With another writer, e.g. one that hands the record straight back in a test without Kafka. */
    TargetStore(ConsumerFactory<?, ?> consumerFactory, JsonMapper json, TopicWriter writer) {
        super(Topics.TARGETS, "targets", consumerFactory);
        this.json = json;
        this.writer = writer;
    }


    /** Every target known, by area (the region first) and indicator. */
    public List<Target> all() {
        return targets.values().stream()
                .sorted(Comparator.comparing((Target t) -> !t.region()).thenComparing(Target::area)
                        .thenComparing(Target::indicator))
                .toList();
    }

    /** Whether everything on the topic when this instance started reading has been read: before that, {@link #all()} may miss targets. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Sets {@code target}, replacing the one of its indicator and area; returns once Kafka has it.
     *
     * @throws TargetsUnavailable when Kafka did not confirm the write
     */
    public void set(Target target) {
        write(target.key(), json.writeValueAsBytes(Stored.of(target)));
    }

    /** Deletes the target of this indicator and area (a tombstone); returns once Kafka has it. */
    public void delete(Target target) {
        write(target.key(), null);
    }

    private void write(String key, byte[] value) {
        try {
            writer.write(key, value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetsUnavailable(e);
        } catch (Exception e) { // not confirmed (timeout, broker gone, not authorised): nothing changed
            throw new TargetsUnavailable(e);
        }
    }

    /** Takes one record of the topic in: a target, or a tombstone that deletes one. */
    void accept(String key, byte[] value) {
        if (value == null) {
            targets.remove(key);
            return;
        }
        Target target = json.readValue(value, Stored.class).target();
        if (!target.key().equals(key)) {
            throw new IllegalArgumentException("key " + key + " does not name the target " + target.key());
        }
        targets.put(key, target);
    }

    @Override
    protected void read(ConsumerRecords<String, byte[]> records) {
        takeEach(records, "target", this::accept);
    }

    @Override
    protected void clear() {
        caughtUp = false;
        targets.clear();
    }

    @Override
    protected void onCaughtUp() {
        caughtUp = true;
    }

    /** Kafka did not take a target's change: nothing was changed. */
    public static final class TargetsUnavailable extends RuntimeException {
        TargetsUnavailable(Throwable cause) {
            super("Kafka did not confirm the change of a target", cause);
        }
    }
}
