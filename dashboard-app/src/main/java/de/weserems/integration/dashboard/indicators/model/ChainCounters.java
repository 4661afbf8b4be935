package de.weserems.integration.dashboard.indicators.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The chain counters of one course type in one district and month, as histograms, so that any period
 * and the region can be combined exactly (a median cannot be combined from medians).
 *
 * <p>{@code passedByDay} and {@code placedWithin6MonthsByDay} are kept per day of the completion
 * rather than as two totals: whether a completion's 183-day window has ended depends on the day the
 * question is asked, so the query decides "pending" or "counted" with its own clock, and the engine
 * never has to wake up when a window closes.
 *
 * <p>The engine also uses this type for a change: then a cell may be negative (a completion's old
 * contribution taken out), and {@link #plus(ChainCounters)} adds the change to the counters.
 *
 * @param passedByDay              day of month → {@code PASSED} completions with a participant
 * @param placedWithin6MonthsByDay day of month → of those, the ones with a placement 0–183 days after
 * @param daysToPlacement          days → {@code PASSED}/{@code FAILED} completions whose first placement
 *                                 within 365 days came that many days after
 * @param waitingDays              days → {@code PASSED}/{@code FAILED} completions whose first enrolment
 *                                 1–365 days after came that many days after
 * @param excluded                 {@code PASSED}/{@code FAILED} completions left out of the chain figures
 *                                 because their pseudonym stands for more events than one person has
 *                                 ({@link ChainContribution#MAX_EVENTS_PER_PARTICIPANT})
 */
public record ChainCounters(Map<Integer, Long> passedByDay, Map<Integer, Long> placedWithin6MonthsByDay,
                            Map<Integer, Long> daysToPlacement, Map<Integer, Long> waitingDays, long excluded) {

    public static final ChainCounters ZERO = new ChainCounters(Map.of(), Map.of(), Map.of(), Map.of(), 0);

    public ChainCounters {
        passedByDay = copy(passedByDay);
        placedWithin6MonthsByDay = copy(placedWithin6MonthsByDay);
        daysToPlacement = copy(daysToPlacement);
        waitingDays = copy(waitingDays);
    }

    /** These counters with {@code c} added ({@code sign} 1) or taken out ({@code sign} -1); only changed histograms are copied. */
    public ChainCounters plus(ChainContribution c, int sign) {
        return new ChainCounters(
                c.passed() ? add(passedByDay, c.dayOfMonth(), sign) : passedByDay,
                c.placedWithin6Months() ? add(placedWithin6MonthsByDay, c.dayOfMonth(), sign) : placedWithin6MonthsByDay,
                c.daysToPlacement() != null ? add(daysToPlacement, c.daysToPlacement(), sign) : daysToPlacement,
                c.waitingDays() != null ? add(waitingDays, c.waitingDays(), sign) : waitingDays,
                excluded);
    }

    /** These counters with {@code n} more completions left out of the chain. */
    public ChainCounters plusExcluded(long n) {
        return new ChainCounters(passedByDay, placedWithin6MonthsByDay, daysToPlacement, waitingDays, excluded + n);
    }

    /** These counters and {@code other} cell by cell (a change may hold negative cells). */
    public ChainCounters plus(ChainCounters other) {
        return new ChainCounters(sum(passedByDay, other.passedByDay),
                sum(placedWithin6MonthsByDay, other.placedWithin6MonthsByDay),
                sum(daysToPlacement, other.daysToPlacement), sum(waitingDays, other.waitingDays),
                excluded + other.excluded);
    }

    /** Every cell times {@code k}: what a completion with record key {@code k} adds to the key sums. */
    public ChainCounters times(long k) {
        return new ChainCounters(times(passedByDay, k), times(placedWithin6MonthsByDay, k), times(daysToPlacement, k),
                times(waitingDays, k), excluded * k);
    }

    private static Map<Integer, Long> times(Map<Integer, Long> histogram, long k) {
        Map<Integer, Long> product = new HashMap<>();
        histogram.forEach((key, n) -> product.put(key, n * k));
        return product;
    }

    public boolean isEmpty() {
        return passedByDay.isEmpty() && placedWithin6MonthsByDay.isEmpty() && daysToPlacement.isEmpty()
                && waitingDays.isEmpty() && excluded == 0;
    }

    /** Zero cells are dropped, so a counter that returns to zero leaves no trace in the compacted topic. */
    private static Map<Integer, Long> add(Map<Integer, Long> histogram, int key, int sign) {
        Map<Integer, Long> copy = new HashMap<>(histogram);
        copy.merge(key, (long) sign, (a, b) -> a + b == 0 ? null : a + b);
        return copy;
    }

    private static Map<Integer, Long> sum(Map<Integer, Long> a, Map<Integer, Long> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Map<Integer, Long> copy = new HashMap<>(a);
        b.forEach((key, n) -> copy.merge(key, n, (x, y) -> x + y == 0 ? null : x + y));
        return copy;
    }

    /** Unchanged when already immutable: {@link Map#copyOf} returns such a map itself. */
    private static Map<Integer, Long> copy(Map<Integer, Long> m) {
        return m == null || m.isEmpty() ? Map.of() : Map.copyOf(m);
    }
}
