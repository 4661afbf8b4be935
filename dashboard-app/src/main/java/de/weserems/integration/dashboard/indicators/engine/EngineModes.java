package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.generation.CatchUpMonitor;
import de.weserems.integration.dashboard.indicators.generation.CatchUpProgress;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.generation.EngineProperties;
import de.weserems.integration.dashboard.indicators.generation.GenerationMarkers;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The engine's two speeds. While its generation catches up with the event log nobody sees its figures,
 * so it commits and passes on its added-up changes only every {@link EngineProperties#catchUpInterval()}
 * (5 s): thousands of events of a district and month become one change, and the caches behind the
 * stores write each key once per commit instead of once per event. Near the end of the log it restarts
 * with the live settings ({@link EngineProperties#flushInterval()}, 100 ms), so figures move within a
 * second, and only then may the generation count as caught up and be served.
 *
 * <p>Decided once at start, before Kafka Streams starts: a generation already marked, or one that is
 * already near the end of the log (an empty log, a restart), starts live.
 */
@Component
class EngineModes implements SmartLifecycle, Supplier<Duration> {

    private static final Logger log = LoggerFactory.getLogger(EngineModes.class);
    private static final Duration MARKS_WAIT = Duration.ofSeconds(30);

    private final StreamsBuilderFactoryBean streams;
    private final GenerationMarkers markers;
    private final CatchUpMonitor monitor;
    private final EngineProperties properties;
    private final EngineGeneration generation;
    private final AtomicBoolean catchingUp = new AtomicBoolean();
    private volatile boolean running;

    EngineModes(StreamsBuilderFactoryBean streams, GenerationMarkers markers, CatchUpMonitor monitor,
                EngineProperties properties) {
        this.streams = streams;
        this.markers = markers;
        this.monitor = monitor;
        this.properties = properties;
        this.generation = properties.engineGeneration();
    }

    /** The interval of the engine's tasks now: the catch-up one or the live one. */
    @Override
    public Duration get() {
        return catchingUp.get() ? properties.catchUpInterval() : properties.flushInterval();
    }

    boolean catchingUp() {
        return catchingUp.get();
    }

    @Override
    public void start() {
        running = true;
        boolean catchUp = needsCatchingUp();
        catchingUp.set(catchUp);
        commitEvery(get());
        if (catchUp) {
            log.info("Engine generation {} catches up with the event log: it commits every {} until near the end",
                    generation, properties.catchUpInterval());
            monitor.subscribe(this::progressed);
        }
    }

    private boolean needsCatchingUp() {
        long deadline = System.nanoTime() + MARKS_WAIT.toNanos();
        while (!markers.loaded() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100)); // the marks arrive on the tail's thread; seconds at most
        }
        if (!markers.loaded() || markers.isCaughtUp(generation)) {
            return false;
        }
        CatchUpProgress now = monitor.measureNow();
        return now == null || now.remaining() > properties.caughtUpLag();
    }

    /** Near the end of the log: the live settings from now on (once; on the measuring thread). */
    private void progressed(CatchUpProgress progress) {
        if (!running || progress.remaining() > properties.caughtUpLag() || !catchingUp.compareAndSet(true, false)) {
            return;
        }
        log.info("Engine generation {} is near the end of the event log ({} records left): restarting it with "
                + "the live settings (every {})", generation, progress.remaining(), properties.flushInterval());
        streams.stop();
        commitEvery(properties.flushInterval());
        streams.start();
        monitor.engineRestarted();
    }

    private void commitEvery(Duration interval) {
        Properties config = new Properties();
        config.putAll(streams.getStreamsConfiguration());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(interval.toMillis()));
        streams.setStreamsConfiguration(config);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the marks are read, before Kafka Streams starts ({@link StreamsBuilderFactoryBean}'s phase). */
    @Override
    public int getPhase() {
        return streams.getPhase() - 1;
    }
}
