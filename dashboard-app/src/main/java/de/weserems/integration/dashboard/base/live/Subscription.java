package de.weserems.integration.dashboard.base.live;

/**
 * A registration for change notifications. Pages subscribe on attach and cancel on detach, so a page
 * left open holds one listener and nothing more.
 */
@FunctionalInterface
public interface Subscription {

    /** Ends the registration; calling it twice does no harm. */
    void cancel();
}
