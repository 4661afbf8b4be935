package de.weserems.integration.dashboard.indicators.query;

import java.math.BigDecimal;
import java.util.List;

/** A rate or median as shown, and its name listed in {@code withheld} when it is held back for too few cases. */
final class Shown {

    private Shown() {
    }

    /**
     * The median of {@code histogram} (whose key sums are {@code keys}); listed as withheld only when its cases, as
     * published, are some: that a median is held back must not reveal a case the published count hides as 0.
     */
    static BigDecimal median(Confidentiality rules, DayHistogram histogram, DayHistogram keys, String name,
                             List<String> withheld) {
        BigDecimal median = rules.median(histogram);
        if (median == null && rules.publish(histogram.cases(), keys.cases()) > 0) {
            withheld.add(name);
        }
        return median;
    }

    /** The rate {@code part / (part + rest)} of two published counts. */
    static BigDecimal rate(Confidentiality rules, long part, long rest, String name, List<String> withheld) {
        BigDecimal rate = rules.rate(part, rest);
        if (rate == null && part + rest > 0) {
            withheld.add(name);
        }
        return rate;
    }

    /**
     * The cases of more than {@code days} days in {@code histogram} (whose key sums are {@code keys}) and the
     * rest, each published; their sum and the share of the first.
     */
    static Share above(Confidentiality rules, DayHistogram histogram, DayHistogram keys, int days, String name,
                       List<String> withheld) {
        long over = rules.publish(histogram.above(days), keys.above(days));
        long within = rules.publish(histogram.cases() - histogram.above(days), keys.cases() - keys.above(days));
        return new Share(over + within, rate(rules, over, within, name, withheld));
    }

    /** A number of cases as published and the share of them over a threshold ({@code null} when withheld). */
    record Share(long cases, BigDecimal share) {
    }
}
