package de.weserems.integration.dashboard.indicators.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Statistical confidentiality (docs/design.md), in one place, for everything the API and UI show: the
 * cell key method. A count is published as itself plus a small deviation read from the
 * {@link PerturbationTable} at the cell's key, which follows from the record keys of the events in
 * the cell (their sum, kept by the engine beside every count). So the same cell asked twice gives the
 * same answer, whatever question forms it; small counts never appear as themselves; and a difference
 * of two answers (overlapping periods, a total beside its parts) yields noise, not people. Nothing is
 * withheld for being small.
 *
 * <p>What derives from counts derives from published counts only: per-10,000 figures, and rates as
 * {@code part / (part + rest)} with both published, so a rate never reveals a small complement. A rate
 * needs {@code minCases} published cases; a median needs {@code minCases} cases and is rounded to
 * whole days.
 *
 * <p>{@link #exact()}: the true figures, for the role STATISTICS only.
 */
public final class Confidentiality {

    /** The order of counts everywhere: API, CSV, UI. */
    public static final List<String> COUNTS =
            List.of("enrolments", "completions", "passed", "failed", "dropouts", "passedB1OrHigher", "placements",
                    "integrations", "marginalEmployments");

    private final PerturbationTable table;
    private final int minCases;

    /** Published figures: counts through {@code table}, rates and medians on at least {@code minCases} cases. */
    public Confidentiality(PerturbationTable table, int minCases) {
        this.table = table;
        this.minCases = minCases;
    }

    /** The true figures: nothing perturbed, a rate or median wherever it has a case. */
    public static Confidentiality exact() {
        return new Confidentiality(null, 1);
    }

    public boolean isExact() {
        return table == null;
    }

    /** The largest deviation of a published count (0 for exact figures). */
    public int maxDeviation() {
        return table == null ? 0 : table.maxDeviation();
    }

    public int minCases() {
        return minCases;
    }

    /** The count {@code n} of a cell whose records' keys add up to {@code keySum}, as published. */
    public long publish(long n, long keySum) {
        return table == null ? n : table.publish(n, PerturbationTable.cellKey(keySum));
    }

    /**
     * The rate {@code part / (part + rest)} of two published counts, to 4 places; {@code null} when
     * there are fewer than {@code minCases} cases.
     */
    public BigDecimal rate(long part, long rest) {
        long cases = part + rest;
        if (cases < minCases || cases == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(cases), 4, RoundingMode.HALF_UP);
    }

    /** A median shown: on at least {@code minCases} cases, in whole days unless exact; else {@code null}. */
    BigDecimal median(DayHistogram histogram) {
        if (histogram.cases() < minCases || histogram.cases() == 0) {
            return null;
        }
        BigDecimal median = histogram.median();
        return table == null ? median : median.setScale(0, RoundingMode.HALF_UP);
    }
}
