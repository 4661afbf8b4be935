package de.weserems.integration.dashboard.base.live;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Whether this instance serves complete figures yet. The frame of every page shows a "figures loading"
 * notice until it does; what serves the figures implements this, so the frame needs no feature.
 */
public interface FiguresStatus {

    /** Whether the figures served are complete. */
    boolean loaded();

    /** Calls {@code listener} (on a background thread) after the figures changed, also when they became complete. */
    Subscription subscribe(Consumer<Instant> listener);
}
