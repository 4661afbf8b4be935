package de.weserems.integration.events;

/** The Kafka topics the services share; docs/design.md, "Kafka topics", says who writes and reads each. */
public final class Topics {

    /**
     * Accepted events, kept forever: the system of record. Keyed by eventId (records written before
     * that are keyed by district AGS; the engine reads both).
     */
    public static final String EVENTS = "integration.events.v1";

    /** One summary per ingest request, keyed by provider id (no payload). */
    public static final String INGEST_AUDIT = "integration.ingest-audit.v1";

    /** What the name of every engine generation's indicator topic starts with. */
    public static final String INDICATORS_PREFIX = "integration.indicators.";

    /**
     * Which engine generations have caught up with the event log, keyed by generation, compacted: every
     * dashboard instance serves the newest of them.
     */
    public static final String ENGINE_GENERATIONS = "integration.engine-generations.v1";

    /**
     * Records of {@link #EVENTS} that the indicator engine could not count (unreadable, or breaking the
     * event contract), unchanged, with the reason in a header; kept forever, like the events.
     */
    public static final String EVENTS_DEAD_LETTERS = "integration.events.dlq.v1";

    /**
     * What the indicator engine decided about each retraction (took effect, waits for its event, or no
     * effect and why), keyed by engine generation and retraction eventId, compacted; no participant.
     */
    public static final String RETRACTION_OUTCOMES = "integration.retraction-outcomes.v1";

    /**
     * The targets admins set per indicator and area, keyed {@code indicator|area}, JSON, a tombstone deletes
     * one; compacted. Primary data, not derived: nothing rebuilds it, so it is backed up like the events.
     */
    public static final String TARGETS = "integration.targets.v1";

    /**
     * The providers and their hashed API keys as the admin page manages them, keyed by provider id, JSON
     * ({@code providers.ProviderEntry}), compacted; every ingest instance tails it. Primary data, not derived:
     * nothing rebuilds it, so it is backed up like the events and never wiped.
     */
    public static final String PROVIDERS = "integration.providers.v1";

    private Topics() {
    }

    /**
     * The indicator topic of one engine generation ({@code v4} → {@code integration.indicators.v4}):
     * counters per district and month, keyed {@code AGS|YYYY-MM} ({@link DistrictMonth#key()}), compacted.
     */
    public static String indicators(String generation) {
        return INDICATORS_PREFIX + generation;
    }
}
