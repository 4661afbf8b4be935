package de.weserems.integration.dashboard.indicators.generation;

import java.util.Optional;

/** Which engine generation every instance serves: the newest that has caught up with the event log. */
public interface CaughtUpGenerations {

    /** The newest generation that has caught up; empty while none has (or it is not known yet). */
    Optional<EngineGeneration> newestCaughtUp();

    /** Calls {@code listener} (on a background thread) whenever the answer may have changed. */
    void subscribe(Runnable listener);
}
