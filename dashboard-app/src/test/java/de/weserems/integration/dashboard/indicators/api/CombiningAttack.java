package de.weserems.integration.dashboard.indicators.api;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attacker of {@link CellKeyAttackTest}: a viewer who writes every answer down as a relation between
 * unknown true cell counts and searches exactly for what the relations allow.
 *
 * <p>A cell is one district, one course type (or another part), one month. An answer is a sum of cells
 * (one district or all, one course type, a set of them or all, a run of months) and the set of true sums
 * it allows: a published count allows every count the perturbation table can publish as it; "no reports"
 * allows only 0. A true cell
 * value is <em>pinned</em> when no assignment of all cells that meets every answer gives the cell
 * another value.
 *
 * <p>Both verdicts are proved, never guessed:
 * <ul>
 *   <li>pinned: a complete search over the cells of the cell's district, with that district's answers
 *       only, finds no other value. Leaving out the region's answers only adds solutions, so none there
 *       means none at all;</li>
 *   <li>not pinned: a witness, an assignment of all cells with another value for the cell, found with the
 *       district's cells free (then with one more district's) and every other cell at its true value, and
 *       checked against every answer.</li>
 * </ul>
 * What neither settles within the search's budget is undecided, and counts against the method.
 */
final class CombiningAttack {

    /** Nodes one search may visit before it gives up: a guard against a search that would not end. */
    private static final long BUDGET = 1_000_000;

    private final int districts;
    private final int types;
    private final int months;
    private final List<Answer> answers = new ArrayList<>();
    private long nodes;

    CombiningAttack(int districts, int types, int months) {
        this.districts = districts;
        this.types = types;
        this.months = months;
    }

    /**
     * What an answer allows of the sum of its cells: {@code district} -1 is the region, {@code types}
     * {@code null} all course types (or parts), otherwise the parts it sums (a funding source's went-on
     * count sums its flow cells).
     */
    record Answer(int district, BitSet types, int from, int to, BitSet allowed, String source) {

        boolean covers(int d, int t, int m) {
            return (district < 0 || district == d) && (types == null || types.get(t)) && m >= from && m <= to;
        }

        /** The one part a single-part answer covers; -1 for more than one. */
        int type() {
            return types != null && types.cardinality() == 1 ? types.nextSetBit(0) : -1;
        }
    }

    /** The verdict on one true value. */
    enum Verdict { PINNED, NOT_PINNED, UNDECIDED }

    /** An answer about one course type (or part), {@code type} -1 for all. */
    void add(int district, int type, int from, int to, BitSet allowed, String source) {
        BitSet types = null;
        if (type >= 0) {
            types = new BitSet();
            types.set(type);
        }
        add(district, types, from, to, allowed, source);
    }

    /** An answer about the sum of the parts {@code types} ({@code null}: all). */
    void add(int district, BitSet types, int from, int to, BitSet allowed, String source) {
        answers.add(new Answer(district, types, from, to, allowed, source));
    }

    /** The answers so far, in the order given. */
    List<Answer> answerList() {
        return List.copyOf(answers);
    }

    int answers() {
        return answers.size();
    }

    /** Nodes visited by all searches so far. */
    long nodes() {
        return nodes;
    }

    /** The answers {@code cells} (indexed by {@link #cell}) does not meet; none for the truth. */
    List<Answer> unmet(int[] cells) {
        List<Answer> unmet = new ArrayList<>();
        for (Answer a : answers) {
            if (!a.allowed().get(sum(a, cells))) {
                unmet.add(a);
            }
        }
        return unmet;
    }

    int cell(int d, int t, int m) {
        return (d * types + t) * months + m;
    }

    /** Whether every assignment meeting the answers gives cell (d, t, m) its value in {@code truth}. */
    Verdict verdict(int[] truth, int d, int t, int m) {
        int target = cell(d, t, m);
        BitSet other = new BitSet();
        other.set(0, maxValue() + 1);
        other.clear(truth[target]);
        if (find(truth, target, other, List.of(d), false) == Found.NONE) {
            return Verdict.PINNED;
        }
        List<List<Integer>> freeDistricts = new ArrayList<>();
        freeDistricts.add(List.of(d));
        for (int d2 = 0; d2 < districts; d2++) {
            if (d2 != d) {
                freeDistricts.add(List.of(d, d2));
            }
        }
        for (List<Integer> free : freeDistricts) {
            if (find(truth, target, other, free, true) == Found.WITNESS) {
                return Verdict.NOT_PINNED;
            }
        }
        return Verdict.UNDECIDED;
    }

    /**
     * The values cell (d, t, m) can take in an assignment that meets every answer, each proved by a
     * witness with the district's cells free (a lower bound on what the attacker cannot rule out).
     */
    List<Integer> possibleValues(int[] truth, int d, int t, int m) {
        int target = cell(d, t, m);
        List<Integer> possible = new ArrayList<>();
        for (int v = 0; v <= maxValue(); v++) {
            BitSet only = new BitSet();
            only.set(v);
            if (v == truth[target] || find(truth, target, only, List.of(d), true) == Found.WITNESS) {
                possible.add(v);
            }
        }
        return possible;
    }

    private enum Found { WITNESS, NONE, OUT_OF_BUDGET }

    /** {@link #solve}, its witness checked against every answer when the region's answers were in. */
    private Found find(int[] truth, int target, BitSet targetValues, List<Integer> free, boolean withRegion) {
        int[] witness;
        try {
            witness = solve(truth, target, targetValues, free, withRegion);
        } catch (BudgetExceeded e) {
            return Found.OUT_OF_BUDGET;
        }

        if (witness == null) {
            return Found.NONE;
        }
        if (withRegion && (!unmet(witness).isEmpty() || !targetValues.get(witness[target]))) {
            throw new AssertionError("a witness that does not meet every answer: " + unmet(witness));
        }
        return Found.WITNESS;
    }

    /** No cell can exceed the largest sum any single-cell answer allows. */
    private int maxValue() {
        int max = 0;
        for (Answer a : answers) {
            if (a.district() >= 0 && a.type() >= 0 && a.from() == a.to()) {
                max = Math.max(max, a.allowed().previousSetBit(a.allowed().length()));
            }
        }
        return max;
    }

    /** The sum of the cells of {@code a} in {@code cells}. */
    int sum(Answer a, int[] cells) {
        int sum = 0;
        for (int d = 0; d < districts; d++) {
            for (int t = 0; t < types; t++) {
                for (int m = a.from(); m <= a.to(); m++) {
                    if (a.covers(d, t, m)) {
                        sum += cells[cell(d, t, m)];
                    }
                }
            }
        }
        return sum;
    }

    /**
     * An assignment meeting the answers, with the cells of {@code freeDistricts} free, every other cell at
     * its true value, and the target in {@code targetValues}; {@code null} when there is none. Without
     * {@code withRegion} the region's answers are left out (a relaxation). A depth-first search that
     * keeps, for each answer, the sum of its assigned cells and the least and most its open cells can add,
     * and backs off as soon as no allowed sum lies between them.
     */
    private int[] solve(int[] truth, int target, BitSet targetValues, List<Integer> freeDistricts, boolean withRegion) {
        List<Integer> free = new ArrayList<>();
        for (int d : freeDistricts) {
            for (int t = 0; t < types; t++) {
                for (int m = 0; m < months; m++) {
                    free.add(cell(d, t, m));
                }
            }
        }
        int tm = target % months;
        free.sort(Comparator.comparingInt((Integer c) -> c == target ? 0 : 1)
                .thenComparingInt(c -> c / (types * months) == target / (types * months) ? 0 : 1)
                .thenComparingInt(c -> Math.abs(c % months - tm)));

        List<Answer> relevant = new ArrayList<>();
        for (Answer a : answers) {
            boolean touches = false;
            for (int d : freeDistricts) {
                touches |= a.district() == d || (withRegion && a.district() < 0);
            }
            if (touches) {
                relevant.add(a);
            }
        }
        // each free cell's domain: what its own one-cell answers allow
        Map<Integer, int[]> domains = new TreeMap<>();
        for (int c : free) {
            int d = c / (types * months);
            int t = c / months % types;
            int m = c % months;
            int lo = 0;
            int hi = maxValue();
            for (Answer a : relevant) {
                if (a.district() == d && a.type() == t && a.from() == m && a.to() == m) {
                    lo = Math.max(lo, a.allowed().nextSetBit(0));
                    hi = Math.min(hi, a.allowed().previousSetBit(a.allowed().length()));
                }
            }
            List<Integer> values = new ArrayList<>();
            for (int v = lo; v <= hi; v++) {
                if (c != target || targetValues.get(v)) {
                    values.add(v);
                }
            }
            int nearTruth = truth[c];
            values.sort(Comparator.comparingInt(v -> Math.abs(v - nearTruth)));
            domains.put(c, values.stream().mapToInt(Integer::intValue).toArray());
        }

        int n = relevant.size();
        int[] assigned = new int[n];
        int[] openLow = new int[n];
        int[] openHigh = new int[n];
        List<List<Integer>> answersOf = new ArrayList<>();
        int[] position = new int[truth.length];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < free.size(); i++) {
            position[free.get(i)] = i;
            answersOf.add(new ArrayList<>());
        }
        for (int a = 0; a < n; a++) {
            Answer answer = relevant.get(a);
            for (int d = 0; d < districts; d++) {
                for (int t = 0; t < types; t++) {
                    for (int m = answer.from(); m <= answer.to(); m++) {
                        if (!answer.covers(d, t, m)) {
                            continue;
                        }
                        int c = cell(d, t, m);
                        if (position[c] < 0) {
                            assigned[a] += truth[c];
                        } else {
                            int[] domain = domains.get(c);
                            if (domain.length == 0) {
                                return null;
                            }
                            openLow[a] += java.util.Arrays.stream(domain).min().orElseThrow();
                            openHigh[a] += java.util.Arrays.stream(domain).max().orElseThrow();
                            answersOf.get(position[c]).add(a);
                        }
                    }
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (!possible(relevant.get(a), assigned[a], openLow[a], openHigh[a])) {
                return null;
            }
        }
        int[] cells = truth.clone();
        long[] budget = {BUDGET};
        boolean found = search(0, free, domains, relevant, answersOf, assigned, openLow, openHigh, cells, budget);
        nodes += BUDGET - budget[0];
        if (budget[0] <= 0 && !found) {
            throw new BudgetExceeded();
        }
        return found ? cells : null;
    }

    private boolean search(int i, List<Integer> free, Map<Integer, int[]> domains, List<Answer> relevant,
                           List<List<Integer>> answersOf, int[] assigned, int[] openLow, int[] openHigh, int[] cells,
                           long[] budget) {
        if (i == free.size()) {
            return true;
        }
        if (--budget[0] <= 0) {
            return false;
        }
        int c = free.get(i);
        int[] domain = domains.get(c);
        int lo = java.util.Arrays.stream(domain).min().orElseThrow();
        int hi = java.util.Arrays.stream(domain).max().orElseThrow();
        List<Integer> mine = answersOf.get(i);
        for (int v : domain) {
            boolean ok = true;
            for (int a : mine) {
                assigned[a] += v;
                openLow[a] -= lo;
                openHigh[a] -= hi;
                ok &= possible(relevant.get(a), assigned[a], openLow[a], openHigh[a]);
            }
            if (ok) {
                cells[c] = v;
                if (search(i + 1, free, domains, relevant, answersOf, assigned, openLow, openHigh, cells, budget)) {
                    return true;
                }
            }
            for (int a : mine) {
                assigned[a] -= v;
                openLow[a] += lo;
                openHigh[a] += hi;
            }
            if (budget[0] <= 0) {
                return false;
            }
        }
        return false;
    }

    /** Whether some allowed sum lies within what the answer's assigned and open cells can still add up to. */
    private static boolean possible(Answer answer, int assigned, int openLow, int openHigh) {
        int first = answer.allowed().nextSetBit(assigned + openLow);
        return first >= 0 && first <= assigned + openHigh;
    }

    /** A search ran out of its budget: its verdict would be a guess. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("the search ran out of its budget of " + BUDGET + " nodes");
        }
    }
}
