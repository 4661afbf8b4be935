package de.weserems.integration.dashboard.targets.model;

/** The unit a judged figure and its threshold are written in. */
public enum Unit {
    /** Percent, 0 to 100 (the read API gives rates as fractions; targets are set as people say them). */
    PERCENT,
    /** Whole days (medians of the chain of measures). */
    DAYS
}
