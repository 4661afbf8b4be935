package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.generation.CatchUpMonitor;
import de.weserems.integration.dashboard.indicators.generation.CatchUpProgress;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.generation.EngineProperties;
import de.weserems.integration.dashboard.indicators.generation.GenerationMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's {@link Pace}. A generation that has not caught up with the event log starts at the
 * catch-up pace ({@link EngineProperties#catchUpInterval()}, 5 s); near the end of the log it goes
 * live ({@link EngineProperties#flushInterval()}, 100 ms) for good, and only figures passed on after that
 * count towards "caught up". A generation already marked, or one already near the end of the log (an
 * empty log, a restart), starts live. Kafka Streams itself commits at the catch-up interval; live, the
 * engine's processors ask for each commit, so switching needs no restart.
 */
@Component
class EngineModes implements Pace, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineModes.class);
    private static final Duration MARKS_WAIT = Duration.ofSeconds(30);

    private final StreamsBuilderFactoryBean streams;
    private final GenerationMarkers markers;
    private final CatchUpMonitor monitor;
    private final EngineProperties properties;
    private final EngineGeneration generation;
    private final AtomicBoolean live = new AtomicBoolean(true);
    private final AtomicLong lastCommitRequest = new AtomicLong();
    private volatile boolean running;

    EngineModes(StreamsBuilderFactoryBean streams, GenerationMarkers markers, CatchUpMonitor monitor,
                EngineProperties properties) {
        this.streams = streams;
        this.markers = markers;
        this.monitor = monitor;
        this.properties = properties;
        this.generation = properties.engineGeneration();
    }

    @Override
    public boolean live() {
        return live.get();
    }

    @Override
    public Duration liveInterval() {
        return properties.flushInterval();
    }

    @Override
    public Duration catchUpInterval() {
        return properties.catchUpInterval();
    }

    @Override
    public boolean mayRequestCommit(long nowMillis) {
        long last = lastCommitRequest.get();
        return nowMillis - last >= properties.flushInterval().toMillis() && lastCommitRequest.compareAndSet(last, nowMillis);
    }

    @Override
    public void start() {
        running = true;
        if (needsCatchingUp()) {
            live.set(false);
            log.info("Engine generation {} catches up with the event log: it passes on and commits every {} "
                    + "until near the end", generation, properties.catchUpInterval());
            monitor.holdMarkWhile(() -> !live.get());
            monitor.subscribe(this::progressed);
        }
    }

    private boolean needsCatchingUp() {
        // the marks arrive on the tail's thread; seconds at most
        if (!markers.awaitLoaded(MARKS_WAIT) || markers.isCaughtUp(generation)) {
            return false;
        }
        CatchUpProgress now = monitor.measureNow();
        return now == null || now.remaining() > properties.caughtUpLag();
    }

    /** Near the end of the log: live from now on. */
    private void progressed(CatchUpProgress progress) {
        if (running && progress.remaining() <= properties.caughtUpLag() && live.compareAndSet(false, true)) {
            log.info("Engine generation {} is near the end of the event log ({} records left): live from now on "
                    + "(every {})", generation, progress.remaining(), properties.flushInterval());
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
