package de.weserems.integration.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a whole topic from its beginning and then follows it, on a thread of its own, without a
 * consumer group: every instance of a service that tails a topic sees all of it. When the consumer
 * fails (broker gone), it reconnects and reads the topic again from the beginning, after calling
 * {@link Listener#reset()} so the listener can drop what it built.
 *
 * <p>The consumer must use {@code read_committed}, so aborted transactions are never seen.
 */
public final class TopicTail implements AutoCloseable {

    /** What the tail delivers to. Called on the tail's thread only. */
    public interface Listener {
        /** Reading starts (again) from the beginning of the topic. */
        void reset();

        /** The next records; never empty. */
        void records(ConsumerRecords<String, byte[]> records);

        /**
         * Everything that was on the topic (committed) when reading (re)started has been delivered:
         * called once after each {@link #reset()}, also for an empty topic.
         */
        default void caughtUp() {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;
    /** The next offset to read per partition, after the last poll: what has been delivered so far. */
    private volatile Map<TopicPartition, Long> positions = Map.of();

    private TopicTail(String topic, Supplier<Consumer<String, byte[]>> consumers, Listener listener) {
        this.topic = topic;
        this.consumers = consumers;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("tail-" + topic).daemon().unstarted(this::run);
    }

    /**
     * The consumer settings a tail needs on top of the application's own: String keys, byte[]
     * values, {@code read_committed}, no commits (there is no group).
     */
    public static java.util.Properties consumerOverrides() {
        java.util.Properties overrides = new java.util.Properties();
        overrides.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        overrides.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        overrides.put("isolation.level", "read_committed");
        overrides.put("enable.auto.commit", "false");
        overrides.put("auto.offset.reset", "earliest");
        return overrides;
    }

    /**
     * Starts following {@code topic} for a listener that keeps what it knows across a re-read from the beginning
     * (the records it gets again replace or repeat what it has), so it needs no {@link Listener#reset()}.
     */
    public static TopicTail follow(String topic, Supplier<Consumer<String, byte[]>> consumers,
                                   java.util.function.Consumer<ConsumerRecords<String, byte[]>> records) {
        return start(topic, consumers, new Listener() {
            @Override
            public void reset() {
                // kept: see above
            }

            @Override
            public void records(ConsumerRecords<String, byte[]> next) {
                records.accept(next);
            }
        });
    }

    /** Starts tailing {@code topic} with consumers from {@code consumers} (no group, {@code read_committed}). */
    public static TopicTail start(String topic, Supplier<Consumer<String, byte[]>> consumers, Listener listener) {
        TopicTail tail = new TopicTail(topic, consumers, listener);
        tail.thread.start();
        return tail;
    }

    private void run() {
        while (running) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                List<TopicPartition> partitions = awaitPartitions(c);
                c.assign(partitions);
                c.seekToBeginning(partitions);
                // read_committed: the end offsets are the last stable ones, what a reader may see now
                Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(30));
                positions = Map.of();
                listener.reset();
                boolean caughtUp = false;
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(caughtUp ? 500 : 100));
                    if (!records.isEmpty()) {
                        listener.records(records);
                    }
                    positions = positions(c, partitions);
                    if (!caughtUp && reached(c, end)) {
                        caughtUp = true;
                        listener.caughtUp();
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Lost the consumer of {}, reading it again in 2 s: {}", topic, e.toString());
                    sleep(Duration.ofSeconds(2));
                }
            }
        }
    }

    private static Map<TopicPartition, Long> positions(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition p : partitions) {
            now.put(p, c.position(p));
        }
        return Map.copyOf(now);
    }

    /**
     * How far the listener has been given the topic: per partition the offset of the next record to
     * read. Empty before the first poll after a (re)start. Lets a caller tell that everything written up
     * to some offsets has been seen, without waiting and hoping.
     */
    public Map<TopicPartition, Long> positions() {
        return positions;
    }

    private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread and closes the consumer; waits up to 5 s. */
    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
