package de.weserems.integration.dashboard.indicators.query;

import java.util.Arrays;

/**
 * The perturbation table of the cell key method for counts, as statistical offices use it for
 * flexible tables (docs/design.md, "Confidentiality: the cell key method"): a count {@code n} is
 * published as {@code n + d}, the deviation {@code d} read from row {@code n} of this table at the
 * cell's key, a number in [0, 1) that follows from the keys of the records counted in the cell. The
 * same cell asked twice gets the same key and so the same answer; a difference of two answers yields
 * noise, not people.
 *
 * <p>Each row is a distribution of {@code d} over {@code -maxDeviation … maxDeviation} with
 * <ul>
 *   <li>{@code n + d >= 0}, and {@code n + d} never {@code 1 … hidden}: small counts never appear as
 *       themselves (with the defaults, a published 3 may be anything from 1 to 6);</li>
 *   <li>mean 0: the published figures are unbiased;</li>
 *   <li>variance {@code variance} where the row's possible deviations allow it, else the nearest
 *       they allow (a 1 can become 0, 3 or 4, and the least variance among those is 2: 0 or 3);</li>
 *   <li>among those, the most even spread (maximum entropy, as the {@code ptable} package of the
 *       statistical offices builds its tables, Giessing 2016).</li>
 * </ul>
 * A zero stays zero: an empty cell names nobody, and shown zeros keep maps and series readable. The
 * maximum deviation must exceed the hidden counts, so that the first count above them can fall to 0 too.
 * From {@code n = maxDeviation + hidden + 1} on every deviation is possible, and all larger counts
 * share that row.
 */
public final class PerturbationTable {

    private static final double TOLERANCE = 1e-12;

    private final int maxDeviation;
    private final double variance;
    private final int hidden;
    /** Per row, the cumulative probability up to each deviation {@code -maxDeviation … maxDeviation}. */
    private final double[][] cumulative;
    private final double[][] probabilities;

    /**
     * @param maxDeviation the largest deviation, either way (at least 1)
     * @param variance     the deviations' variance aimed at (above 0)
     * @param hidden       counts {@code 1 … hidden} never appear as themselves (0 for none)
     */
    public PerturbationTable(int maxDeviation, double variance, int hidden) {
        if (maxDeviation < 1 || maxDeviation > 10) {
            throw new IllegalArgumentException("the maximum deviation must be 1 to 10, not " + maxDeviation);
        }
        if (!(variance > 0) || variance > (double) maxDeviation * maxDeviation) {
            throw new IllegalArgumentException("the variance must be above 0 and at most the maximum deviation "
                    + "squared (" + maxDeviation * maxDeviation + "), not " + variance);
        }
        if (hidden < 0 || hidden > 10) {
            throw new IllegalArgumentException("the hidden counts must be 0 to 10, not " + hidden);
        }
        // With no deviation larger than the hidden counts, the first count above them could only stay or go
        // up, so it would always be published as itself, and a published count just above it would rule it
        // out: sharp edges that let a viewer who combines answers pin small counts (CellKeyAttackTest).
        if (hidden > 0 && maxDeviation <= hidden) {
            throw new IllegalArgumentException("the maximum deviation must exceed the hidden counts (1 to " + hidden
                    + "), so that " + (hidden + 1) + " can be published as 0, not " + maxDeviation);
        }
        this.maxDeviation = maxDeviation;
        this.variance = variance;
        this.hidden = hidden;
        int rows = maxDeviation + hidden + 2;
        probabilities = new double[rows][];
        cumulative = new double[rows][];
        for (int n = 0; n < rows; n++) {
            probabilities[n] = row(n);
            cumulative[n] = new double[probabilities[n].length];
            double sum = 0;
            for (int i = 0; i < probabilities[n].length; i++) {
                sum += probabilities[n][i];
                cumulative[n][i] = sum;
            }
            cumulative[n][cumulative[n].length - 1] = 1.0; // no key may fall past the end by rounding
        }
    }

    public int maxDeviation() {
        return maxDeviation;
    }

    public double variance() {
        return variance;
    }

    public int hidden() {
        return hidden;
    }

    /** The published value of count {@code n} in a cell with key {@code cellKey} (in [0, 1)). */
    public long publish(long n, double cellKey) {
        if (n < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + n);
        }
        if (!(cellKey >= 0 && cellKey < 1)) {
            throw new IllegalArgumentException("a cell key lies in [0, 1), not " + cellKey);
        }
        double[] row = cumulative[(int) Math.min(n, cumulative.length - 1)];
        int i = 0;
        while (cellKey >= row[i]) {
            i++;
        }
        return n + i - maxDeviation;
    }

    /**
     * The probability of each deviation {@code -maxDeviation … maxDeviation} (index {@code d + maxDeviation})
     * for count {@code n}.
     */
    public double[] probabilities(long n) {
        return probabilities[(int) Math.min(n, probabilities.length - 1)].clone();
    }

    /**
     * The cell key of a cell whose records' keys (each 32 random bits) add up to {@code keySum}: the
     * sum's last 32 bits as a fraction, so it is uniform in [0, 1) however many records a cell holds.
     */
    public static double cellKey(long keySum) {
        return (keySum & 0xFFFF_FFFFL) * 0x1.0p-32;
    }

    private double[] row(int n) {
        int width = 2 * maxDeviation + 1;
        boolean[] possible = new boolean[width];
        for (int d = -maxDeviation; d <= maxDeviation; d++) {
            long published = (long) n + d;
            possible[d + maxDeviation] = published >= 0 && (published == 0 || published > hidden);
        }
        // mean 0 needs a deviation on each side, or none at all
        if (!hasBothSides(possible)) {
            double[] stay = new double[width];
            stay[maxDeviation] = 1;
            return stay;
        }
        double[] lowest = extremeVariance(possible, false);
        double[] highest = extremeVariance(possible, true);
        double low = variance(lowest);
        double high = variance(highest);
        if (variance <= low + TOLERANCE) {
            return lowest;
        }
        if (variance >= high - TOLERANCE) {
            return highest;
        }
        return maximumEntropy(possible, variance);
    }

    private boolean hasBothSides(boolean[] possible) {
        boolean below = false;
        boolean above = false;
        for (int i = 0; i < possible.length; i++) {
            below |= possible[i] && i < maxDeviation;
            above |= possible[i] && i > maxDeviation;
        }
        return below && above;
    }

    /**
     * The distribution with mean 0 and the least ({@code highest} false) or most variance: a corner of
     * the set of such distributions, which puts everything on one deviation (0) or on two, one either side.
     */
    private double[] extremeVariance(boolean[] possible, boolean highest) {
        double[] best = null;
        double bestVariance = highest ? -1 : Double.MAX_VALUE;
        if (possible[maxDeviation] && !highest) {
            best = new double[possible.length];
            best[maxDeviation] = 1;
            return best;
        }
        for (int i = 0; i < maxDeviation; i++) {
            for (int j = maxDeviation + 1; j < possible.length; j++) {
                if (!possible[i] || !possible[j]) {
                    continue;
                }
                int below = i - maxDeviation;
                int above = j - maxDeviation;
                double v = -(double) below * above;
                if (highest ? v > bestVariance : v < bestVariance) {
                    bestVariance = v;
                    best = new double[possible.length];
                    best[i] = (double) above / (above - below);
                    best[j] = (double) -below / (above - below);
                }
            }
        }
        return best;
    }

    private double variance(double[] p) {
        double v = 0;
        for (int i = 0; i < p.length; i++) {
            double d = i - maxDeviation;
            v += p[i] * d * d;
        }
        return v;
    }

    /**
     * The most even distribution over the possible deviations with mean 0 and variance {@code target}
     * (strictly between the least and the most the row allows): {@code p(d) ∝ exp(a·d + b·d²)}, with
     * {@code a} and {@code b} found by Newton's method on the convex dual.
     */
    private double[] maximumEntropy(boolean[] possible, double target) {
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] p = exponential(possible, a, b);
            double m1 = 0;
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            for (int i = 0; i < p.length; i++) {
                double d = i - maxDeviation;
                m1 += p[i] * d;
                m2 += p[i] * d * d;
                m3 += p[i] * d * d * d;
                m4 += p[i] * d * d * d * d;
            }
            double g1 = m1;
            double g2 = m2 - target;
            if (Math.abs(g1) < TOLERANCE && Math.abs(g2) < TOLERANCE) {
                return p;
            }
            // Hessian: the covariance of (d, d²)
            double h11 = m2 - m1 * m1;
            double h12 = m3 - m1 * m2;
            double h22 = m4 - m2 * m2;
            double det = h11 * h22 - h12 * h12;
            double da = -(h22 * g1 - h12 * g2) / det;
            double db = -(-h12 * g1 + h11 * g2) / det;
            double dual = dual(possible, a, b, target);
            double step = 1;
            while (step > 1e-9 && dual(possible, a + step * da, b + step * db, target) > dual + 1e-4 * step
                    * (g1 * da + g2 * db)) {
                step /= 2;
            }
            a += step * da;
            b += step * db;
        }
        throw new IllegalStateException("no perturbation table for maximum deviation " + maxDeviation
                + ", variance " + variance + ", hidden " + hidden + ": " + Arrays.toString(possible));
    }

    private double[] exponential(boolean[] possible, double a, double b) {
        double logPartition = logPartition(possible, a, b);
        double[] p = new double[possible.length];
        for (int i = 0; i < p.length; i++) {
            double d = i - maxDeviation;
            p[i] = possible[i] ? Math.exp(a * d + b * d * d - logPartition) : 0;
        }
        return p;
    }

    /** log Σ exp(a·d + b·d²) − b·target: its minimum is the distribution sought. */
    private double dual(boolean[] possible, double a, double b, double target) {
        return logPartition(possible, a, b) - b * target;
    }

    /** log Σ exp(a·d + b·d²) over the possible deviations, computed without overflow. */
    private double logPartition(boolean[] possible, double a, double b) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < possible.length; i++) {
            if (possible[i]) {
                double d = i - maxDeviation;
                max = Math.max(max, a * d + b * d * d);
            }
        }
        double sum = 0;
        for (int i = 0; i < possible.length; i++) {
            if (possible[i]) {
                double d = i - maxDeviation;
                sum += Math.exp(a * d + b * d * d - max);
            }
        }
        return max + Math.log(sum);
    }
}
