package de.weserems.integration.dashboard.testing;

import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Breaches a test sets, as the judging would leave them; {@link #changed()} tells the subscribed pages. */
public final class FixedAlerts implements Alerts {

    private volatile List<Alert> current = List.of();
    private volatile List<Alert> recent = List.of();
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public void set(List<Alert> current, List<Alert> recent) {
        this.current = List.copyOf(current);
        this.recent = List.copyOf(recent);
    }

    /** Tells the subscribers now, as the judging's notifier would within a second. */
    public void changed() {
        listeners.forEach(l -> l.accept(Instant.now()));
    }

    @Override
    public List<Alert> current() {
        return current;
    }

    @Override
    public List<Alert> recent() {
        return recent;
    }

    @Override
    public Subscription subscribe(Consumer<Instant> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
