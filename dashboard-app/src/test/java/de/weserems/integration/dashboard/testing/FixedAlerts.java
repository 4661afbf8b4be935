package de.weserems.integration.dashboard.testing;

import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.ChangeNotifier;
import de.weserems.integration.dashboard.base.live.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Breaches a test sets, as the judging would leave them; the subscribed pages hear of them at once. */
public final class FixedAlerts implements Alerts {

    private record Breaches(List<Alert> current, List<Alert> recent) {
    }

    private volatile Breaches breaches = new Breaches(List.of(), List.of());
    private final ChangeNotifier<Instant> changes = new ChangeNotifier<>("test-alerts", Instant::now);

    /** Sets the breaches and tells the subscribers now, as the judging's notifier would within a second. */
    public void set(List<Alert> current, List<Alert> recent) {
        breaches = new Breaches(List.copyOf(current), List.copyOf(recent));
        changes.changed();
        changes.notifyListeners();
    }

    @Override
    public List<Alert> current() {
        return breaches.current();
    }

    @Override
    public List<Alert> recent() {
        return breaches.recent();
    }

    @Override
    public Subscription subscribe(Consumer<Instant> listener) {
        return changes.subscribe(listener);
    }
}
