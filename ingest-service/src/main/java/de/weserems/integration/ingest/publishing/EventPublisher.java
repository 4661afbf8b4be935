package de.weserems.integration.ingest.publishing;

import de.weserems.integration.events.EventJson;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Topics;
import de.weserems.integration.ingest.IngestProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the events of one request to {@link Topics#EVENTS} in one Kafka transaction
 * ({@code acks=all}, idempotent producer). It returns only when the transaction is committed, so a
 * {@code 202} means durably stored; on any failure the transaction is aborted and readers
 * ({@code read_committed}) never see a part of the request.
 */
@Service
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    static final String PRODUCER_ERRORS = "ingest.producer.errors";
    /**
     * What a failed transaction throws: a send that failed or timed out (wrapped here), or the
     * producer's own refusal (Kafka's timeout, fencing and the like). Their series exist at 0 from the
     * start, so an alert on increase() sees the first failure; another class appears at its first.
     */
    static final List<Class<? extends Exception>> EXPECTED_FAILURES = List.of(IllegalStateException.class,
            KafkaException.class, org.apache.kafka.common.errors.TimeoutException.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;
    private final MeterRegistry meters;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties,
                          MeterRegistry meters) {
        this.kafka = kafka;
        this.timeout = properties.kafka().sendTimeout();
        this.meters = meters;
        for (Class<? extends Exception> failure : EXPECTED_FAILURES) {
            Counter.builder(PRODUCER_ERRORS).description("requests Kafka did not confirm (answered 503)")
                    .tag("exception", failure.getSimpleName()).register(meters);
        }
    }

    /**
     * Stores all events, and {@code alongside} (the request's audit record), or none of them; throws
     * {@link KafkaUnavailableException} when Kafka does not confirm in time.
     */
    public void publishAll(List<IntegrationEvent> events, ProducerRecord<String, byte[]> alongside) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size() + 1);
        for (IntegrationEvent event : events) {
            // keyed by eventId: every copy of an event lands in one partition, where the engine dedupes it
            records.add(new ProducerRecord<>(Topics.EVENTS, event.eventId().toString(), EventJson.toBytes(event)));
        }
        records.add(alongside);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            kafka.executeInTransaction(operations -> {
                List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
                for (ProducerRecord<String, byte[]> record : records) {
                    sends.add(operations.send(record));
                }
                awaitAll(sends, deadline);
                return null;
            });
        } catch (RuntimeException e) {
            meters.counter(PRODUCER_ERRORS, "exception", e.getClass().getSimpleName()).increment();
            log.warn("Kafka did not store a request of {} events: {}", events.size(), rootMessage(e));
            throw new KafkaUnavailableException("Kafka did not confirm the events within " + timeout.toSeconds() + " s", e);
        }
    }

    private static void awaitAll(List<CompletableFuture<?>> sends, long deadlineNanos) {
        try {
            long remaining = Math.max(1, deadlineNanos - System.nanoTime());
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // thrown inside the transaction callback: the template aborts the transaction
            throw new IllegalStateException("send failed", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
