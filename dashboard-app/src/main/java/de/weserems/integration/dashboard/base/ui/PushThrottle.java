package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import de.weserems.integration.dashboard.base.live.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /**
     * Keeps {@code component} live while it is attached: subscribes to {@code source} on attach, runs
     * {@code update} then and after every change (throttled), and cancels the subscription on detach, so a
     * closed page holds nothing.
     */
    public static void whileAttached(Component component, Duration interval,
                                     Function<Consumer<Instant>, Subscription> source, Runnable update) {
        component.addAttachListener(attach -> {
            PushThrottle throttle = new PushThrottle(attach.getUI(), interval, update);
            Subscription subscription = source.apply(changed -> throttle.request());
            update.run();
            Registration[] detach = new Registration[1];
            detach[0] = component.addDetachListener(d -> {
                subscription.cancel();
                detach[0].remove();
            });
        });
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
