package de.weserems.integration.events;

/** Who issued an {@link EventType#ENTITLEMENT}. New values go at the end (see {@link CourseType}). */
public enum Issuer {
    /** Ausländerbehörde. */
    FOREIGNERS_AUTHORITY,
    /** Jobcenter (SGB II). */
    JOBCENTER,
    /** Bundesamt für Migration und Flüchtlinge. */
    BAMF,
    OTHER
}
