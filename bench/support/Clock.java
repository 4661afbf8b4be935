package support;

/** Pacing by {@link System#nanoTime()}. */
public final class Clock {

    private Clock() {
    }

    /** Sleeps until {@code System.nanoTime()} reaches {@code deadline}; returns at once if it has. */
    public static void sleepUntil(long deadline) throws InterruptedException {
        long nanos = deadline - System.nanoTime();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
