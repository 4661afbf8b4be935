package de.weserems.integration.ingest.audit;

import de.weserems.integration.events.Topics;
import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.kafka.TopicTail;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes each request's {@link DeliveryRecord} to {@link Topics#INGEST_AUDIT} and keeps the recent
 * ones per provider for {@code GET /api/v1/deliveries}.
 *
 * <p>The summary of a stored request goes into the same Kafka transaction as its events (see
 * {@link #toRecord}); the summary of a refused one is written in the background, so a 4xx is not
 * slowed down and a 503 is not delayed further by a broker that is away. This instance remembers
 * its own summaries at once; it also tails the audit topic, so a provider sees the requests that
 * another instance behind the same proxy took.
 */
@Component
public class DeliveryLog implements SmartLifecycle {

    /** Summaries kept per provider. */
    static final int KEPT_PER_PROVIDER = 200;
    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final ConsumerFactory<?, ?> consumerFactory;
    private final Map<String, List<DeliveryRecord>> recent = new ConcurrentHashMap<>();
    // made in start(), shut down in stop(): a lifecycle may stop and start again (a paused test context
    // does), and an executor once shut down refuses everything after
    private volatile ThreadPoolExecutor writer;
    private volatile TopicTail tail;

    public DeliveryLog(KafkaTemplate<String, byte[]> kafka, ConsumerFactory<?, ?> consumerFactory) {
        this.kafka = kafka;
        this.consumerFactory = consumerFactory;
    }

    /** The audit record of a request that is being stored, for the request's own transaction. */
    public ProducerRecord<String, byte[]> toRecord(DeliveryRecord delivery) {
        return new ProducerRecord<>(Topics.INGEST_AUDIT, delivery.providerId(), delivery.toJson());
    }

    /** Remembers the summary of a request whose transaction was committed. */
    public void stored(DeliveryRecord delivery) {
        remember(delivery);
    }

    /** Remembers the summary of a request that stored nothing and writes it to the audit topic in the background. */
    public void refused(DeliveryRecord delivery) {
        remember(delivery);
        ThreadPoolExecutor w = writer;
        if (w == null) {
            log.warn("Audit writer stopped; the audit of request {} is kept only in this instance", delivery.requestId());
            return;
        }
        try {
            w.execute(() -> {
                try {
                    kafka.executeInTransaction(ops -> ops.send(toRecord(delivery)));
                } catch (RuntimeException e) {
                    log.warn("Could not write the audit of request {} ({}): {}", delivery.requestId(),
                            delivery.status(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Audit queue full; the audit of request {} is kept only in this instance", delivery.requestId());
        }
    }

    /** The provider's recent requests, newest first. */
    public List<DeliveryRecord> recent(String providerId, int limit) {
        List<DeliveryRecord> list = recent.get(providerId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list.subList(0, Math.min(limit, list.size())));
        }
    }

    private void remember(DeliveryRecord delivery) {
        List<DeliveryRecord> list = recent.computeIfAbsent(delivery.providerId(), p -> new ArrayList<>());
        synchronized (list) {
            if (list.stream().anyMatch(d -> d.requestId().equals(delivery.requestId()))) {
                return;
            }
            list.add(delivery);
            list.sort(Comparator.comparing(DeliveryRecord::receivedAt).reversed());
            if (list.size() > KEPT_PER_PROVIDER) {
                list.subList(KEPT_PER_PROVIDER, list.size()).clear();
            }
        }
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                remember(DeliveryRecord.fromJson(record.value()));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                log.warn("Skipping an unreadable audit record at {}-{}@{}", record.topic(), record.partition(),
                        record.offset());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        return (Consumer<String, byte[]>) consumerFactory.createConsumer(null, "ingest-audit-tail", null,
                TopicTail.consumerOverrides());
    }

    @Override
    public void start() {
        writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                r -> Thread.ofPlatform().name("audit-writer").daemon().unstarted(r));
        tail = TopicTail.start(Topics.INGEST_AUDIT, this::consumer, new TopicTail.Listener() {
            @Override
            public void reset() {
                // keep what is known: the topic holds it again, and remember() drops repeats
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
        ThreadPoolExecutor w = writer;
        writer = null;
        if (w == null) {
            return;
        }
        w.shutdown();
        try {
            w.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return tail != null;
    }
}
