package soakmonitor;

/** A column of the soak CSV over time (t in seconds); NaN where there is no value. */
record Series(String label, String unit, double[] t, double[] v) {

    /** The mean of the values with {@code from <= t <= to}; NaN when there are none. */
    double mean(double from, double to) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from - 1e-9 && t[i] <= to + 1e-9 && !Double.isNaN(v[i])) {
                s += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** The smallest value; NaN when there are none. */
    double min() {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && (Double.isNaN(m) || x < m)) {
                m = x;
            }
        }
        return m;
    }

    /** The largest value; NaN when there are none. */
    double max() {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && (Double.isNaN(m) || x > m)) {
                m = x;
            }
        }
        return m;
    }

    /** The sum of the values (0 when there are none). */
    double sum() {
        double s = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
            }
        }
        return s;
    }
}
