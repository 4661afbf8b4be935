package support;

import java.util.List;
import java.util.Locale;

/** Percentiles, medians, least-squares fits and number formats of the bench programs' figures. */
public final class Stats {

    private Stats() {
    }

    /** The nearest-rank percentile {@code p} (0 to 1) of sorted values; 0 when there are none. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    /** The median: the middle value, or the mean of the middle two rounded down; 0 when there are none. */
    public static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nanoseconds as milliseconds with one decimal. */
    public static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** The value with {@code decimals} decimals; empty for NaN or infinity (an empty CSV cell). */
    public static String fmt(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * A least-squares line through n points: its slope (per unit of t), the mean of v, the standard error
     * of the slope and the standard deviation of the residuals. Slope and mean need 2 points, the
     * other two 3; NaN otherwise.
     */
    public record Fit(int n, double slope, double mean, double standardError, double residualSd) {
    }

    /** The fit over the points with {@code from < t <= to} whose v is not NaN. */
    public static Fit fit(double[] t, double[] v, double from, double to) {
        double st = 0;
        double sv = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (in(t[i], v[i], from, to)) {
                st += t[i];
                sv += v[i];
                n++;
            }
        }
        if (n < 2) {
            return new Fit(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mt = st / n;
        double mv = sv / n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < t.length; i++) {
            if (in(t[i], v[i], from, to)) {
                num += (t[i] - mt) * (v[i] - mv);
                den += (t[i] - mt) * (t[i] - mt);
            }
        }
        double slope = den == 0 ? 0 : num / den;
        if (n < 3) {
            return new Fit(n, slope, mv, Double.NaN, Double.NaN);
        }
        double residuals = 0;
        for (int i = 0; i < t.length; i++) {
            if (in(t[i], v[i], from, to)) {
                double r = v[i] - (mv + slope * (t[i] - mt));
                residuals += r * r;
            }
        }
        double variance = residuals / (n - 2);
        return new Fit(n, slope, mv, den == 0 ? 0 : Math.sqrt(variance / den), Math.sqrt(variance));
    }

    private static boolean in(double t, double v, double from, double to) {
        return t > from + 1e-9 && t <= to + 1e-9 && !Double.isNaN(v);
    }
}
