package de.weserems.integration.dashboard.indicators.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The engine's pace as a test sets it: live or not as {@code live} says, commits always allowed. */
final class TestPace implements Pace {

    private final BooleanSupplier live;
    private final Duration liveInterval;
    private final Duration catchUpInterval;

    TestPace(BooleanSupplier live, Duration liveInterval, Duration catchUpInterval) {
        this.live = live;
        this.liveInterval = liveInterval;
        this.catchUpInterval = catchUpInterval;
    }

    /** Always live, every {@code interval}. */
    static Pace live(Duration interval) {
        return new TestPace(() -> true, interval, interval);
    }

    @Override
    public boolean live() {
        return live.getAsBoolean();
    }

    @Override
    public Duration liveInterval() {
        return liveInterval;
    }

    @Override
    public Duration catchUpInterval() {
        return catchUpInterval;
    }

    @Override
    public boolean mayRequestCommit(long nowMillis) {
        return true;
    }
}
