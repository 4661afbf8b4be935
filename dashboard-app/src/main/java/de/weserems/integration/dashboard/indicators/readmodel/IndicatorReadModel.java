package de.weserems.integration.dashboard.indicators.readmodel;

import de.weserems.integration.dashboard.base.live.ChangeNotifier;
import de.weserems.integration.dashboard.base.live.FiguresStatus;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicTail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indicator read model of this instance: every counter of {@link Topics#INDICATORS}, read in
 * full from the beginning (no consumer group), so any number of dashboard instances serve the same
 * figures whichever partitions their Streams threads own.
 *
 * <p>Subscribers are told about changes coalesced: at most once per {@link #NOTIFY_INTERVAL},
 * however many counters changed in between.
 *
 * <p>Figures never go backwards on screen: when reading starts (again) from the beginning of the
 * topic (at start, or after the consumer lost the broker), the counters are read into a new map and
 * swapped in only once they hold everything committed at that moment; until then the last complete
 * figures stay served. Before the first complete read, the instance is not {@link #loaded()}: the
 * read API answers 503 and the readiness probe is down, rather than showing partial figures.
 */
@Component
public class IndicatorReadModel implements SmartLifecycle, FiguresStatus {

    static final Duration NOTIFY_INTERVAL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(IndicatorReadModel.class);

    private final ConsumerFactory<?, ?> consumerFactory;
    private final JsonMapper json;
    private final Timer freshness;
    /** The complete figures served; replaced as a whole after a re-read. */
    private volatile Map<String, MonthlyCounters> counters = new ConcurrentHashMap<>();
    /** Counters being read again from the beginning of the topic; {@code null} once caught up. */
    private Map<String, MonthlyCounters> reading;
    private volatile boolean loaded;
    private final ChangeNotifier<Instant> changes = new ChangeNotifier<>("indicator-notifier", this::lastChange);
    private volatile Instant lastChange;
    private volatile boolean running;
    private volatile TopicTail tail;

    public IndicatorReadModel(ConsumerFactory<?, ?> consumerFactory, JsonMapper json, MeterRegistry meters) {
        this.consumerFactory = consumerFactory;
        this.json = json;
        this.freshness = Timer.builder("indicators.freshness")
                .description("from ingest receiving an event to its figure being in this instance's read model")
                .publishPercentileHistogram()
                .register(meters);
        Gauge.builder("indicators.read.model.keys", this, model -> model.counters.size())
                .description("district-months held by this instance's read model").register(meters);
    }

    /** The counters of one {@code AGS|YYYY-MM} key, if any event counted there. */
    public MonthlyCounters get(String key) {
        return counters.get(key);
    }

    /** A snapshot of all counters. */
    public Map<String, MonthlyCounters> snapshot() {
        return Map.copyOf(counters);
    }

    /** Whether this instance has read the whole indicator topic once and serves complete figures. */
    @Override
    public boolean loaded() {
        return loaded;
    }

    /**
     * Per partition of the indicator topic, the offset up to which this read model holds its records
     * (empty while not started or reconnecting).
     */
    public Map<TopicPartition, Long> positions() {
        TopicTail t = tail;
        return t == null ? Map.of() : t.positions();
    }

    /** When the figures last changed, {@code null} before the first change. */
    public Instant lastChange() {
        return lastChange;
    }

    /** Calls {@code listener} (on a background thread) with the change time after figures changed. */
    @Override
    public Subscription subscribe(java.util.function.Consumer<Instant> listener) {
        return changes.subscribe(listener);
    }

    @Override
    public void start() {
        running = true;
        tail = TopicTail.start(Topics.INDICATORS, this::consumer, tailListener());
        changes.start(NOTIFY_INTERVAL);
    }

    /** Tells the subscribers once about all changes since the last call (the notifier thread calls it). */
    void notifyListeners() {
        changes.notifyListeners();
    }

    /** What the tail of the indicator topic delivers to. */
    TopicTail.Listener tailListener() {
        return new TopicTail.Listener() {
            @Override
            public void reset() {
                // the compacted topic is read again from its start: into a new map, served once complete
                reading = new ConcurrentHashMap<>();
            }

            @Override
            public void records(ConsumerRecords<String, byte[]> records) {
                apply(records);
            }

            @Override
            public void caughtUp() {
                swapIn();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, "indicator-read-model", null,
                TopicTail.consumerOverrides());
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                update(record.key(), record.value() == null ? null
                        : json.readValue(record.value(), MonthlyCounters.class));
            } catch (JacksonException e) {
                log.warn("Skipping unreadable indicator record {} at {}-{}@{}", record.key(), record.topic(),
                        record.partition(), record.offset());
            }
        }
        changed();
    }

    /**
     * Sets (or with {@code null} removes) the counters of one key; subscribers hear of it with the next
     * {@link #changed()}. While the topic is read again from its start, into the map that {@link #swapIn()}
     * serves later; freshness is recorded only for live updates, not for a re-read of old figures.
     */
    void update(String key, MonthlyCounters value) {
        Map<String, MonthlyCounters> target = reading != null ? reading : counters;
        if (target == counters) {
            MonthlyCounters previous = counters.get(key);
            Instant received = value == null ? null : value.lastReceivedAt();
            if (received != null && (previous == null || previous.lastReceivedAt() == null
                    || received.isAfter(previous.lastReceivedAt()))) {
                freshness.record(Duration.between(received, Instant.now()).abs());
            }
        }
        if (value == null) {
            target.remove(key);
        } else {
            target.put(key, value);
        }
    }

    /** The re-read is complete: serve it. */
    void swapIn() {
        if (reading != null) {
            counters = reading;
            reading = null;
        }
        if (!loaded) {
            log.info("Indicator read model loaded: {} district-months", counters.size());
        }
        loaded = true;
        if (counters.isEmpty()) {
            changes.changed(); // listeners hear of "loaded"; still no figures, so no change time
        } else {
            changed();
        }
    }

    void changed() {
        lastChange = Instant.now();
        changes.changed();
    }

    @Override
    public void stop() {
        running = false;
        if (tail != null) {
            tail.close();
        }
        changes.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
