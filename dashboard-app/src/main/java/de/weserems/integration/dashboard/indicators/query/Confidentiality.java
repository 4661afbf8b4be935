package de.weserems.integration.dashboard.indicators.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical confidentiality (docs/design.md), in one place, for everything the API and UI show.
 *
 * <p>Primary: a count of 1 up to {@code minCount - 1} is withheld. Secondary: for every count the
 * districts and the region total form one table whose total is the sum of its cells, and within
 * each row {@code completions = passed + failed}; wherever exactly one cell of such a sum is withheld
 * it could be recovered by subtraction, so one more cell (the smallest positive one) is withheld,
 * until no sum has a lone withheld cell.
 *
 * <p>The chain figures: {@code chain.pending} is a count and takes part in the tables like the others;
 * a median needs {@code minCases} cases; placement within 6 months is a rate whose numerator and
 * denominator are not shown, so besides {@code minCases} its numerator is held to the primary count
 * rule (1 or 2 placed of 10 would name one or two people).
 *
 * <p>Residual risk, not covered here: the difference of two overlapping periods (or of the same
 * period asked on two days, as pending completions move into the rate when their window ends) can
 * still reveal a small count. The thresholds limit what one answer shows, not what a series of
 * answers can be combined into.
 */
public final class Confidentiality {

    /** The order of counts everywhere: API, CSV, UI. */
    public static final List<String> COUNTS =
            List.of("enrolments", "completions", "passed", "failed", "dropouts", "passedB1OrHigher", "placements");

    private final int minCount;
    private final int minCases;

    public Confidentiality(int minCount, int minCases) {
        this.minCount = minCount;
        this.minCases = minCases;
    }

    public int minCases() {
        return minCases;
    }

    /**
     * Which counts to withhold.
     *
     * @param table per count name, the values of each district row followed by the region total as the last element
     * @return per count name, {@code true} where the value must be withheld
     */
    public Map<String, boolean[]> withhold(Map<String, long[]> table) {
        Map<String, boolean[]> withheld = new LinkedHashMap<>();
        table.forEach((name, values) -> {
            boolean[] w = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                w[i] = withholdCount(values[i]);
            }
            withheld.put(name, w);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : table.keySet()) {
                changed |= protectColumn(table.get(name), withheld.get(name));
            }
            if (table.containsKey("completions") && table.containsKey("passed") && table.containsKey("failed")) {
                int rows = table.get("completions").length;
                for (int r = 0; r < rows; r++) {
                    changed |= protectSum(r, table, withheld, "completions", "passed", "failed");
                }
            }
        }
        return withheld;
    }

    /** Total (last cell) = sum of the others: no lone withheld district cell while the total is shown. */
    private static boolean protectColumn(long[] values, boolean[] withheld) {
        int total = values.length - 1;
        if (withheld[total]) {
            return false;
        }
        int lone = -1;
        int count = 0;
        for (int i = 0; i < total; i++) {
            if (withheld[i]) {
                count++;
                lone = i;
            }
        }
        if (count != 1) {
            return false;
        }
        int pick = smallestPositiveShown(values, withheld, 0, total, lone);
        withheld[pick < 0 ? total : pick] = true;
        return true;
    }

    /** In one row, {@code sum = a + b}: no lone withheld cell among the three. */
    private static boolean protectSum(int row, Map<String, long[]> table, Map<String, boolean[]> withheld,
                                      String sum, String a, String b) {
        String[] names = {sum, a, b};
        int count = 0;
        for (String n : names) {
            if (withheld.get(n)[row]) {
                count++;
            }
        }
        if (count != 1) {
            return false;
        }
        String pick = null;
        for (String n : names) {
            long v = table.get(n)[row];
            if (!withheld.get(n)[row] && v > 0 && (pick == null || v < table.get(pick)[row])) {
                pick = n;
            }
        }
        if (pick == null) {
            return false;
        }
        withheld.get(pick)[row] = true;
        return true;
    }

    private static int smallestPositiveShown(long[] values, boolean[] withheld, int from, int to, int except) {
        int pick = -1;
        for (int i = from; i < to; i++) {
            if (i != except && !withheld[i] && values[i] > 0 && (pick < 0 || values[i] < values[pick])) {
                pick = i;
            }
        }
        return pick;
    }

    /** A rate is shown only on at least {@code minCases} cases and when neither of its parts is withheld. */
    public boolean withholdRate(long denominator, boolean partWithheld) {
        return partWithheld || denominator < minCases;
    }

    /** The primary rule for one count on its own: 1 up to {@code minCount - 1} is withheld. */
    public boolean withholdCount(long count) {
        return count > 0 && count < minCount;
    }

    /** A median is shown only on at least {@code minCases} cases. */
    public boolean withholdMedian(long cases) {
        return cases < minCases;
    }
}
