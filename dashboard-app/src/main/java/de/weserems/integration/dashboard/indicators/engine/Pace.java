package de.weserems.integration.dashboard.indicators.engine;

import java.time.Duration;

/**
 * How fast the engine passes its changes on: live, every {@link #liveInterval()} with a commit right
 * after, so a figure moves within a second; or, while its generation catches up with the event log and
 * nobody sees its figures, only every {@link #catchUpInterval()}, committing no more often than that, so
 * thousands of events of a district and month become one change and the caches in front of the stores
 * write each key once per commit instead of once per event.
 */
public interface Pace {

    /** Whether figures should move now (the generation is served, or about to be). */
    boolean live();

    Duration liveInterval();

    Duration catchUpInterval();

    /**
     * Whether a processor may ask for a commit now: at most once per {@link #liveInterval()} for the whole
     * engine, because one commit takes every task of a stream thread along, and a commit per record
     * would leave no time for anything else.
     */
    boolean mayRequestCommit(long nowMillis);
}
