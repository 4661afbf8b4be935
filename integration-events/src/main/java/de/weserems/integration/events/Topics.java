package de.weserems.integration.events;

/** The Kafka topics the services share; see docs/design.md, "Kafka topics". */
public final class Topics {

    /** Accepted events, keyed by district AGS, kept forever: the system of record. */
    public static final String EVENTS = "integration.events.v1";

    /** One summary per ingest request, keyed by provider id (no payload). */
    public static final String INGEST_AUDIT = "integration.ingest-audit.v1";

    /** Counters per district and month, keyed {@code AGS|YYYY-MM} ({@link DistrictMonth#key()}), compacted. */
    public static final String INDICATORS = "integration.indicators.v1";

    /**
     * Records of {@link #EVENTS} that the indicator engine could not count (unreadable, or breaking the
     * event contract), unchanged, with the reason in a header; kept forever, like the events.
     */
    public static final String EVENTS_DEAD_LETTERS = "integration.events.dlq.v1";

    private Topics() {
    }
}
