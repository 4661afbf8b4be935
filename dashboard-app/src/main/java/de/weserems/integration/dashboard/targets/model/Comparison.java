package de.weserems.integration.dashboard.targets.model;

import java.math.BigDecimal;

/** How a figure must relate to its target's threshold: a ceiling (waiting times) or a floor (success rates). */
public enum Comparison {

    /** The figure must not exceed the threshold ("höchstens"). */
    AT_MOST,

    /** The figure must not fall below the threshold ("mindestens"). */
    AT_LEAST;

    /** Whether {@code value} misses a target of {@code threshold}; reaching the threshold exactly meets it. */
    public boolean breached(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return this == AT_MOST ? c > 0 : c < 0;
    }
}
