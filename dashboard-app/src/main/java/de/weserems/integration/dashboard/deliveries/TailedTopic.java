package de.weserems.integration.dashboard.deliveries;

import de.weserems.integration.dashboard.base.live.ChangeNotifier;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.kafka.TopicTail;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.core.JacksonException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * What the tailed sources share (this page's, and the targets): one topic read in full from its beginning
 * in every dashboard instance (no consumer group, {@code read_committed}), and the open pages told about
 * what was read, at most once a second.
 */
public abstract class TailedTopic implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TailedTopic.class);

    /** Takes one record's key and value in; throws when the record cannot be read. */
    @FunctionalInterface
    protected interface RecordTaker {
        void take(String key, byte[] value);
    }

    private final String topic;
    private final String name;
    private final ConsumerFactory<?, ?> consumerFactory;
    private final ChangeNotifier<Instant> changes;
    private volatile TopicTail tail;

    /** {@code name} names the consumer's client and the notifier thread. */
    protected TailedTopic(String topic, String name, ConsumerFactory<?, ?> consumerFactory) {
        this.topic = topic;
        this.name = name;
        this.consumerFactory = consumerFactory;
        this.changes = new ChangeNotifier<>(name + "-notifier", Instant::now);
    }

    /** Reading starts (again) from the beginning: forget what was read. */
    protected abstract void clear();

    /** The next records of the topic; on the tail's thread. */
    protected abstract void read(ConsumerRecords<String, byte[]> records);

    /**
     * Takes each record in; one that cannot be read is skipped with a warning naming {@code what} and where
     * it lies (never its content), so one bad record never stops the tail.
     */
    protected static void takeEach(ConsumerRecords<String, byte[]> records, String what, RecordTaker taker) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                taker.take(record.key(), record.value());
            } catch (JacksonException | IllegalArgumentException | NullPointerException | DateTimeException e) {
                LOG.warn("Skipping an unreadable {} at {}-{}@{}", what, record.topic(), record.partition(),
                        record.offset());
            }
        }
    }

    /**
     * Everything that was on the topic when reading (re)started has been read; after each {@link #clear()}.
     * A source whose readers must not act on half of it (the targets) waits for this.
     */
    protected void onCaughtUp() {
    }

    /** Calls {@code listener} (on a background thread, at most once a second) after something new was read. */
    public Subscription subscribe(java.util.function.Consumer<Instant> listener) {
        return changes.subscribe(listener);
    }

    /** Something new was read: the subscribers hear of it with the next notification. */
    protected void changed() {
        changes.changed();
    }

    /** Tells the subscribers now about what was read since the last notification (the notifier thread does it every second). */
    void notifyListeners() {
        changes.changed();
        changes.notifyListeners();
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, name, null,
                TopicTail.consumerOverrides());
    }

    @Override
    public void start() {
        tail = TopicTail.start(topic, this::consumer, new TopicTail.Listener() {
            @Override
            public void reset() {
                clear();
                changes.changed();
            }

            @Override
            public void records(ConsumerRecords<String, byte[]> records) {
                read(records);
                changes.changed();
            }

            @Override
            public void caughtUp() {
                TailedTopic.this.onCaughtUp();
                changes.changed();
            }
        });
        changes.start(Duration.ofSeconds(1));
    }

    @Override
    public void stop() {
        TopicTail t = tail;
        tail = null;
        if (t != null) {
            t.close();
        }
        changes.stop();
    }

    @Override
    public boolean isRunning() {
        return tail != null;
    }
}
