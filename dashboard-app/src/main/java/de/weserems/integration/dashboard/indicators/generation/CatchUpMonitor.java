package de.weserems.integration.dashboard.indicators.generation;

import de.weserems.integration.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Watches the generation this instance runs catch up with the event log: every
 * {@link EngineProperties#progressInterval()} it measures processed of total, the rate and the time left
 * (logged while catching up, shown on the Engine page, and as gauges), and once the generation has
 * stayed within {@link EngineProperties#caughtUpLag()} records of the log's end for
 * {@link EngineProperties#caughtUpFor()}, it marks the generation as caught up, so every instance
 * switches to it.
 */
@Component
public class CatchUpMonitor implements GenerationProgress, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatchUpMonitor.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EngineGeneration generation;
    private final EngineProperties properties;
    private final GenerationMarkers markers;
    private final Clock clock;
    private final Admin admin;
    private volatile CatchUpProgress progress;
    private final List<Consumer<CatchUpProgress>> listeners = new CopyOnWriteArrayList<>();
    /** While it says so, the generation may not count as caught up (the engine is not live yet). */
    private volatile BooleanSupplier hold = () -> false;

    public CatchUpMonitor(EngineProperties properties, GenerationMarkers markers, KafkaAdmin kafkaAdmin,
                          MeterRegistry meters, Clock clock) {
        this.generation = properties.engineGeneration();
        this.properties = properties;
        this.markers = markers;
        this.clock = clock;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        Gauge.builder("indicators.generation.remaining", this, m -> m.progress == null ? Double.NaN : m.progress.remaining())
                .description("records of the event log this instance's engine generation has still to process")
                .tag("generation", generation.name()).register(meters);
        Gauge.builder("indicators.generation.processed.ratio", this, m -> m.progress == null ? Double.NaN : m.progress.fraction())
                .description("processed of total records of the event log, 0 to 1")
                .tag("generation", generation.name()).register(meters);
    }

    @Override
    public EngineGeneration generation() {
        return generation;
    }

    @Override
    public CatchUpProgress progress() {
        return progress;
    }

    /** Calls {@code listener} with every new measurement (on the measuring thread). */
    public void subscribe(Consumer<CatchUpProgress> listener) {
        listeners.add(listener);
    }

    /**
     * Holds the mark back while {@code hold} says so: the engine passes its figures on live only then,
     * and only figures passed on live may count towards {@link EngineProperties#caughtUpFor()}.
     */
    public void holdMarkWhile(BooleanSupplier hold) {
        this.hold = hold;
    }

    /** Measures now; {@code null} when Kafka does not answer. */
    public CatchUpProgress measureNow() {
        try {
            return measure(progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.debug("Could not measure the progress of engine generation {}: {}", generation, e.toString());
            return null;
        }
    }

    @Scheduled(fixedDelayString = "${dashboard.engine.progress-interval:5s}", initialDelay = 1000)
    public void measure() {
        CatchUpProgress now = measureNow();
        if (now == null) {
            return;
        }
        progress = now;
        for (Consumer<CatchUpProgress> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                log.warn("A listener of the engine's progress failed", e);
            }
        }
        try {
            report(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not mark engine generation {} as caught up: {}", generation, e.toString());
        }
    }

    private CatchUpProgress measure(CatchUpProgress previous) throws Exception {
        Instant at = clock.instant();
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.EVENTS)).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(Topics.EVENTS).partitions().stream()
                .map(p -> new TopicPartition(Topics.EVENTS, p.partition())).toList();
        Map<TopicPartition, Long> first = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> last = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(generation.applicationId())
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long processed = 0;
        long total = 0;
        boolean started = true;
        for (TopicPartition p : partitions) {
            long start = first.get(p);
            OffsetAndMetadata offset = committed.get(p);
            processed += Math.max(0, (offset == null ? start : offset.offset()) - start);
            total += last.get(p) - start;
            // a small log is "close" before the engine has read anything: it must have begun everywhere
            started &= offset != null || last.get(p) == start;
        }
        long internal = internalBacklog(committed);
        double perSecond = 0;
        if (previous != null && at.isAfter(previous.measuredAt())) {
            perSecond = Math.max(0, (processed - previous.processed()) * 1000.0
                    / Duration.between(previous.measuredAt(), at).toMillis());
        }
        boolean close = started && total - processed + internal <= properties.caughtUpLag();
        Instant since = !close || hold.getAsBoolean() ? null
                : previous != null && previous.caughtUpSince() != null ? previous.caughtUpSince() : at;
        return new CatchUpProgress(generation, at, processed, total, internal, perSecond, since);
    }

    /**
     * Records on the generation's own repartition topics that it has not processed yet: the events it
     * has read reach the figures only through them, so "close to the end of the log" counts them too.
     */
    private long internalBacklog(Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        String prefix = generation.applicationId() + "-";
        List<String> repartitions = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(prefix) && t.endsWith("-repartition")).toList();
        if (repartitions.isEmpty()) {
            return 0;
        }
        List<TopicPartition> partitions = admin.describeTopics(repartitions).allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> last = offsets(partitions, OffsetSpec.latest());
        long backlog = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata offset = committed.get(p);
            // a repartition topic is purged as it is processed: without a commit, its whole tail is pending
            long from = offset != null ? offset.offset() : offsets(List.of(p), OffsetSpec.earliest()).get(p);
            backlog += Math.max(0, last.get(p) - from);
        }
        return backlog;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        // read_committed: the last stable offsets, what the engine can see
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset(), (a, b) -> a, HashMap::new));
    }

    private void report(CatchUpProgress now) throws Exception {
        if (!markers.loaded() || markers.isCaughtUp(generation)) {
            return;
        }
        boolean held = now.caughtUpSince() != null && (now.total() == 0
                || !now.caughtUpSince().plus(properties.caughtUpFor()).isAfter(now.measuredAt()));
        if (held) {
            markers.markCaughtUp(generation, now.measuredAt());
            log.info("Engine generation {} has caught up with the event log ({} records); every instance serves it now",
                    generation, now.total());
            return;
        }
        Duration left = now.timeLeft();
        log.info("Engine generation {} catching up: {} of {} records of the event log ({} %), {} records/s, {}",
                generation, now.processed(), now.total(), Math.round(now.fraction() * 1000) / 10.0,
                Math.round(now.perSecond()), left == null ? "time left unknown"
                        : "about " + left.toSeconds() + " s left");
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
