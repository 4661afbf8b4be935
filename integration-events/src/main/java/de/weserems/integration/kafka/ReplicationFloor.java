package de.weserems.integration.kafka;

/**
 * Outside the Spring profile {@code local} every topic the services create keeps 3 copies, so one broker
 * may fail (with {@code min.insync.replicas} 2) without losing a record or stopping writes. A topic once
 * created with fewer replicas keeps them silently, so a service refuses to start rather than create one;
 * only the local run on a single broker may use 1.
 */
public final class ReplicationFloor {

    /** The fewest replicas a topic may have outside the profile {@code local}. */
    public static final int MINIMUM = 3;

    private ReplicationFloor() {
    }

    /**
     * Refuses {@code replicationFactor} below {@link #MINIMUM} unless {@code local}.
     *
     * @param setting the setting that gave it, named in the message so an operator knows what to change
     * @throws IllegalStateException when it is too low outside the profile {@code local}
     */
    public static void check(String setting, int replicationFactor, boolean local) {
        if (!local && replicationFactor < MINIMUM) {
            throw new IllegalStateException(setting + " is " + (replicationFactor < 0 ? "unset (the broker's default)"
                    : String.valueOf(replicationFactor)) + ": outside the Spring profile 'local' every topic needs a "
                    + "replication factor of at least " + MINIMUM + " (one broker may fail without loss). Set "
                    + setting + " to " + MINIMUM + " on a cluster of " + MINIMUM + " or more brokers; only the "
                    + "profile 'local' (a single broker) allows fewer.");
        }
    }
}
