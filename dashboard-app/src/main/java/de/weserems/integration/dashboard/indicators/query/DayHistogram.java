package de.weserems.integration.dashboard.indicators.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/** Days → cases, summed over months and districts, from which a median is taken exactly. */
final class DayHistogram {

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long cases;

    void add(Map<Integer, Long> histogram) {
        histogram.forEach(this::add);
    }

    /** {@code n} more cases of {@code days} days. */
    void add(int days, long n) {
        counts.merge(days, n, Long::sum);
        cases += n;
    }

    void add(DayHistogram other) {
        add(other.counts);
    }

    long cases() {
        return cases;
    }

    /** The cases of more than {@code days} days. */
    long above(int days) {
        return counts.tailMap(days, false).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The median in days, 1 decimal: of an even number of cases the mean of the two middle ones.
     *
     * @return {@code null} without cases
     */
    BigDecimal median() {
        if (cases == 0) {
            return null;
        }
        long lower = dayAt((cases - 1) / 2);
        long upper = dayAt(cases / 2);
        return BigDecimal.valueOf(lower + upper).divide(BigDecimal.TWO, 1, RoundingMode.UNNECESSARY);
    }

    /** The day of the case at 0-based position {@code index} in ascending order. */
    private long dayAt(long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + cases + " cases");
    }
}
