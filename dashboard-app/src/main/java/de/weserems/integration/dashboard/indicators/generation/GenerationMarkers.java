package de.weserems.integration.dashboard.indicators.generation;

import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicTail;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Which engine generations have caught up with the event log, as {@link Topics#ENGINE_GENERATIONS}
 * records it: one record per generation (value: when it caught up, ISO-8601), a tombstone when a
 * generation is removed. Every instance reads the whole topic, so all instances agree on the newest
 * generation that has caught up, and every instance serves that one, whichever generation it runs.
 *
 * <p>A generation is marked once, by an instance that runs it and sees it caught up
 * ({@link CatchUpMonitor}); a second mark of the same generation changes nothing.
 */
@Component
public class GenerationMarkers implements SmartLifecycle, CaughtUpGenerations {

    private static final Logger log = LoggerFactory.getLogger(GenerationMarkers.class);

    private final ConsumerFactory<?, ?> consumerFactory;
    private final ProducerFactory<?, ?> producerFactory;
    private final Map<EngineGeneration, Instant> caughtUp = new ConcurrentSkipListMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean loaded;
    private final CountDownLatch firstLoad = new CountDownLatch(1);
    private volatile TopicTail tail;

    public GenerationMarkers(ConsumerFactory<?, ?> consumerFactory, ProducerFactory<?, ?> producerFactory) {
        this.consumerFactory = consumerFactory;
        this.producerFactory = producerFactory;
    }

    /** The newest generation that has caught up, once the topic has been read; empty before or if none has. */
    @Override
    public Optional<EngineGeneration> newestCaughtUp() {
        if (!loaded || caughtUp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(((ConcurrentSkipListMap<EngineGeneration, Instant>) caughtUp).lastKey());
    }

    /** The generations that have caught up, oldest first, with when. */
    public Map<EngineGeneration, Instant> caughtUp() {
        return new TreeMap<>(caughtUp);
    }

    /** Whether the topic has been read to its end once. */
    public boolean loaded() {
        return loaded;
    }

    /** Waits until the topic has been read to its end once, at most {@code timeout}; says whether it has. */
    public boolean awaitLoaded(Duration timeout) {
        try {
            return firstLoad.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return loaded;
        }
    }

    public boolean isCaughtUp(EngineGeneration generation) {
        return caughtUp.containsKey(generation);
    }

    /** Calls {@code listener} (on a background thread) whenever the generations that caught up may have changed. */
    @Override
    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    /** Records that {@code generation} has caught up (waits until Kafka has it). */
    public void markCaughtUp(EngineGeneration generation, Instant at) throws Exception {
        write(generation, at.toString());
    }

    /** Forgets a removed generation (waits until Kafka has it). */
    public void forget(EngineGeneration generation) throws Exception {
        write(generation, null);
    }

    private void write(EngineGeneration generation, String value) throws Exception {
        ProducerFactory<?, ?> strings = producerFactory.copyWithConfigurationOverride(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        @SuppressWarnings("unchecked")
        Producer<String, String> producer = (Producer<String, String>) strings.createProducer();
        try (producer) {
            producer.send(new ProducerRecord<>(Topics.ENGINE_GENERATIONS, generation.name(), value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, "engine-generations", null,
                TopicTail.consumerOverrides());
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EngineGeneration generation = new EngineGeneration(record.key());
                if (record.value() == null) {
                    caughtUp.remove(generation);
                } else {
                    caughtUp.put(generation, Instant.parse(new String(record.value(), StandardCharsets.UTF_8)));
                }
            } catch (RuntimeException e) {
                log.warn("Skipping an unreadable record of {} at offset {}", Topics.ENGINE_GENERATIONS, record.offset());
            }
        }
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A listener of the engine generations failed", e);
            }
        }
    }

    @Override
    public void start() {
        tail = TopicTail.start(Topics.ENGINE_GENERATIONS, this::consumer, new TopicTail.Listener() {
            @Override
            public void reset() {
                // a re-read after a lost connection: keep what is known until the read is complete
            }

            @Override
            public void records(ConsumerRecords<String, byte[]> records) {
                read(records);
                if (loaded) {
                    changed();
                }
            }

            @Override
            public void caughtUp() {
                loaded = true;
                firstLoad.countDown();
                changed();
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

    /** Before the engine, whose settings depend on whether its generation has caught up, and the read model. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2000;
    }
}
