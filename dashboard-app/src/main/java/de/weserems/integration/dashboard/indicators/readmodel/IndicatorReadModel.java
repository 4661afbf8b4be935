package de.weserems.integration.dashboard.indicators.readmodel;

import de.weserems.integration.dashboard.base.live.ChangeNotifier;
import de.weserems.integration.dashboard.base.live.FiguresStatus;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.indicators.generation.CaughtUpGenerations;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.kafka.TopicTail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The indicator read model of this instance: every counter of the indicator topic of the newest engine
 * generation that has caught up ({@link CaughtUpGenerations}), read in full from the beginning (no
 * consumer group), so any number of dashboard instances serve the same figures whichever partitions
 * their Streams threads own and whichever generation they run.
 *
 * <p>Figures are never partial and never go backwards on screen. A newer generation's topic is read
 * beside the one served and takes over only once read to its end; when reading starts again from the
 * beginning (the consumer lost the broker), the counters are read into a new map and swapped in once
 * complete. Before the first complete read the instance is not {@link #loaded()}: the read API answers
 * 503 and the readiness probe is down.
 *
 * <p>Subscribers are told about changes coalesced: at most once per {@link #NOTIFY_INTERVAL}.
 */
@Component
public class IndicatorReadModel implements SmartLifecycle, FiguresStatus {

    static final Duration NOTIFY_INTERVAL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(IndicatorReadModel.class);

    private final Tails tails;
    private final CaughtUpGenerations markers;
    private final JsonMapper json;
    private final Timer freshness;
    /** The complete figures served; replaced as a whole by a switch or a re-read. */
    private volatile Map<String, MonthlyCounters> counters = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile Source current;
    private Source next;
    private final ChangeNotifier<Instant> changes = new ChangeNotifier<>("indicator-notifier", this::lastChange);
    private volatile Instant lastChange;
    private volatile boolean running;

    @Autowired
    public IndicatorReadModel(ConsumerFactory<?, ?> consumerFactory, CaughtUpGenerations markers, JsonMapper json,
                              MeterRegistry meters) {
        this(tails(consumerFactory), markers, json, meters);
    }

    /** With {@code tails} reading the topics: Kafka, or a stand-in in tests. */
    IndicatorReadModel(Tails tails, CaughtUpGenerations markers, JsonMapper json, MeterRegistry meters) {
        this.tails = tails;
        this.markers = markers;
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

    /** Whether this instance serves complete figures of some generation. */
    @Override
    public boolean loaded() {
        return loaded;
    }

    /** The engine generation whose figures are served; empty before the first complete read. */
    public Optional<EngineGeneration> serving() {
        Source s = current;
        return s == null ? Optional.empty() : Optional.of(s.generation);
    }

    /**
     * Per partition of the indicator topic served, the offset up to which this read model holds its
     * records (empty while not serving or re-reading).
     */
    public Map<TopicPartition, Long> positions() {
        Source s = current;
        return s == null || s.tail == null ? Map.of() : s.tail.positions();
    }

    /** When the figures last changed, {@code null} before the first change. */
    public Instant lastChange() {
        return lastChange;
    }

    /** Calls {@code listener} (on a background thread) with the change time after figures changed. */
    @Override
    public Subscription subscribe(Consumer<Instant> listener) {
        return changes.subscribe(listener);
    }

    @Override
    public void start() {
        running = true;
        markers.subscribe(this::generationsChanged);
        generationsChanged();
        changes.start(NOTIFY_INTERVAL);
    }

    /** Reads a topic from its beginning and follows it, delivering to a listener. */
    @FunctionalInterface
    interface Tails {
        Tail start(String topic, TopicTail.Listener listener);
    }

    /** A topic being read. */
    interface Tail {
        /** Per partition, the next offset to read. */
        Map<TopicPartition, Long> positions();

        void close();
    }

    private static Tails tails(ConsumerFactory<?, ?> consumerFactory) {
        return (topic, listener) -> {
            @SuppressWarnings("unchecked")
            TopicTail tail = TopicTail.start(topic, () -> (org.apache.kafka.clients.consumer.Consumer<String, byte[]>)
                    consumerFactory.createConsumer(null, "indicator-read-model", null, TopicTail.consumerOverrides()),
                    listener);
            return new Tail() {
                @Override
                public Map<TopicPartition, Long> positions() {
                    return tail.positions();
                }

                @Override
                public void close() {
                    tail.close();
                }
            };
        };
    }

    /** Starts reading the newest generation that has caught up, if it is not the one served or being read. */
    private synchronized void generationsChanged() {
        Optional<EngineGeneration> newest = markers.newestCaughtUp();
        if (!running || newest.isEmpty()) {
            return;
        }
        EngineGeneration generation = newest.get();
        if ((current != null && current.generation.equals(generation))
                || (next != null && next.generation.equals(generation))) {
            return;
        }
        if (next != null) {
            next.close();
        }
        log.info("Reading the indicators of engine generation {} ({})", generation, generation.indicatorsTopic());
        next = new Source(generation);
        next.tail = tails.start(generation.indicatorsTopic(), next);
    }

    /** {@code source} holds everything committed on its topic: serve it, or its re-read, from now on. */
    private synchronized void complete(Source source) {
        if (source == next) {
            Source previous = current;
            current = source;
            next = null;
            if (previous != null) {
                previous.close();
                log.info("Serving the indicators of engine generation {} instead of {}", source.generation,
                        previous.generation);
            } else {
                log.info("Indicator read model loaded from engine generation {}: {} district-months",
                        source.generation, source.counters.size());
            }
        } else if (source != current) {
            return;
        }
        counters = source.counters;
        loaded = true;
        if (counters.isEmpty()) {
            changes.changed(); // listeners hear of "loaded"; still no figures, so no change time
        } else {
            changed();
        }
    }

    /** Tells the subscribers once about all changes since the last call (the notifier thread calls it). */
    void notifyListeners() {
        changes.notifyListeners();
    }

    /**
     * Sets (or with {@code null} removes) the counters of one key in the figures served, as a record of
     * the served topic does; subscribers hear of it with the next {@link #changed()}.
     */
    void update(String key, MonthlyCounters value) {
        put(counters, key, value, true);
    }

    private void put(Map<String, MonthlyCounters> target, String key, MonthlyCounters value, boolean live) {
        if (live) {
            MonthlyCounters previous = target.get(key);
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

    /** Serves what was put so far as complete figures (tests without Kafka). */
    void swapIn() {
        loaded = true;
        if (counters.isEmpty()) {
            changes.changed();
        } else {
            changed();
        }
    }

    void changed() {
        lastChange = Instant.now();
        changes.changed();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (next != null) {
            next.close();
            next = null;
        }
        if (current != null) {
            current.close();
        }
        changes.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One generation's indicator topic as this instance reads it. */
    private final class Source implements TopicTail.Listener {

        final EngineGeneration generation;
        volatile Tail tail;
        /** What has been read; served once complete. */
        volatile Map<String, MonthlyCounters> counters = new ConcurrentHashMap<>();
        /** Read from the beginning again (a lost connection) while the last complete read stays served. */
        private boolean rereading;

        Source(EngineGeneration generation) {
            this.generation = generation;
        }

        @Override
        public void reset() {
            counters = new ConcurrentHashMap<>();
            rereading = true;
        }

        @Override
        public void records(ConsumerRecords<String, byte[]> records) {
            boolean live = !rereading && this == current;
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    put(counters, record.key(), record.value() == null ? null
                            : json.readValue(record.value(), MonthlyCounters.class), live);
                } catch (JacksonException e) {
                    log.warn("Skipping unreadable indicator record {} at {}-{}@{}", record.key(), record.topic(),
                            record.partition(), record.offset());
                }
            }
            if (live) {
                changed();
            }
        }

        @Override
        public void caughtUp() {
            rereading = false;
            complete(this);
        }

        void close() {
            Tail t = tail;
            if (t != null) {
                t.close();
            }
        }
    }
}
