package de.weserems.integration.dashboard.base.live;

import de.weserems.integration.kafka.KafkaBrokerHealthIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether the figures may be behind: Kafka has not answered this instance's health check since a
 * given time. The UI shows a "data delayed" notice then and keeps the last figures on screen; when
 * Kafka answers again, the engine and the read model catch up by themselves and the notice goes.
 */
@Component
public class DataFlowStatus {

    private static final Logger log = LoggerFactory.getLogger(DataFlowStatus.class);

    private final HealthIndicator kafka;
    private final Clock clock;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant delayedSince;

    @Autowired
    public DataFlowStatus(KafkaBrokerHealthIndicator kafka, Clock clock) {
        this((HealthIndicator) kafka, clock);
    }

    /** With any check of Kafka, e.g. a stand-in in tests. */
    public DataFlowStatus(HealthIndicator kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Since when Kafka has not answered; {@code null} while data flows. */
    public Instant delayedSince() {
        return delayedSince;
    }

    public boolean delayed() {
        return delayedSince != null;
    }

    /** Calls {@code listener} with {@link #delayedSince()} whenever it changes (on a background thread). */
    public Subscription subscribe(Consumer<Instant> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Scheduled(fixedDelayString = "${dashboard.data-flow-check:5s}", initialDelayString = "${dashboard.data-flow-check:5s}")
    public void check() {
        boolean up = Status.UP.equals(kafka.health().getStatus());
        Instant before = delayedSince;
        if (up && before != null) {
            log.info("Kafka answers again; the figures catch up (delayed since {})", before);
            changed(null);
        } else if (!up && before == null) {
            log.warn("Kafka does not answer; the dashboard keeps showing the last figures as delayed");
            changed(clock.instant());
        }
    }

    private void changed(Instant since) {
        delayedSince = since;
        for (Consumer<Instant> listener : listeners) {
            try {
                listener.accept(since);
            } catch (RuntimeException e) {
                log.warn("A data-flow listener failed", e);
            }
        }
    }
}
