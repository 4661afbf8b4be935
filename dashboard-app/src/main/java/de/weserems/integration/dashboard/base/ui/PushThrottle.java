package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.UI;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes an update to one page at most once per interval: the first change goes out at once,
 * changes during the interval are coalesced into one push at its end. One shared timer thread
 * serves all pages.
 */
public final class PushThrottle {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("push-throttle").daemon().unstarted(r));

    private final UI ui;
    private final long intervalNanos;
    private final Runnable update;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastPush = System.nanoTime() - Long.MAX_VALUE / 2;

    public PushThrottle(UI ui, Duration interval, Runnable update) {
        this.ui = ui;
        this.intervalNanos = interval.toNanos();
        this.update = update;
    }

    /** Asks for an update; safe from any thread. */
    public void request() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastPush + intervalNanos - System.nanoTime());
        TIMER.schedule(this::push, wait, TimeUnit.NANOSECONDS);
    }

    private void push() {
        scheduled.set(false);
        lastPush = System.nanoTime();
        // access() is a no-op on a detached UI, so a closed page costs nothing
        ui.access(update::run);
    }
}
