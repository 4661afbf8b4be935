package de.weserems.integration.dashboard.base.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tells subscribers about changes, coalesced: however many {@link #changed()} calls come in between,
 * each subscriber hears at most once per interval, on the notifier's own thread.
 *
 * @param <T> what a subscriber is told, read when the notification goes out
 */
public final class ChangeNotifier<T> {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifier.class);

    private final String name;
    private final Supplier<T> value;
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private long notifiedVersion;
    private ScheduledExecutorService notifier;

    /** {@code name} names the notifier thread; {@code value} gives what subscribers are told. */
    public ChangeNotifier(String name, Supplier<T> value) {
        this.name = name;
        this.value = value;
    }

    /** Calls {@code listener} (on the notifier thread) after changes. */
    public Subscription subscribe(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Something changed; subscribers hear of it with the next notification. */
    public void changed() {
        version.incrementAndGet();
    }

    /** Tells the subscribers once about all changes since the last call (the notifier thread calls it). */
    public synchronized void notifyListeners() {
        long v = version.get();
        if (v == notifiedVersion) {
            return;
        }
        notifiedVersion = v;
        T now = value.get();
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                log.warn("A listener of {} failed", name, e);
            }
        }
    }

    /** Starts notifying every {@code interval}. */
    public synchronized void start(Duration interval) {
        notifier = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name(name).daemon().unstarted(r));
        notifier.scheduleWithFixedDelay(this::notifyListeners, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (notifier != null) {
            notifier.shutdownNow();
            notifier = null;
        }
    }
}
