package de.weserems.integration.dashboard.indicators;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain counters of one course type in one district and month, as histograms, so that any period
 * and the region can be combined exactly (a median cannot be combined from medians).
 *
 * <p>{@code passedByDay} and {@code placedWithin6MonthsByDay} are kept per day of the completion
 * rather than as two totals: whether a completion's 183-day window has ended depends on the day the
 * question is asked, so the query decides "pending" or "counted" with its own clock, and the engine
 * never has to wake up when a window closes.
 *
 * @param passedByDay              day of month → {@code PASSED} completions with a participant
 * @param placedWithin6MonthsByDay day of month → of those, the ones with a placement 0–183 days after
 * @param daysToPlacement          days → {@code PASSED}/{@code FAILED} completions whose first placement
 *                                 within 365 days came that many days after
 * @param waitingDays              days → {@code PASSED}/{@code FAILED} completions whose first enrolment
 *                                 1–365 days after came that many days after
 */
public record ChainCounters(Map<Integer, Long> passedByDay, Map<Integer, Long> placedWithin6MonthsByDay,
                            Map<Integer, Long> daysToPlacement, Map<Integer, Long> waitingDays) {

    public static final ChainCounters ZERO = new ChainCounters(Map.of(), Map.of(), Map.of(), Map.of());

    public ChainCounters {
        passedByDay = copy(passedByDay);
        placedWithin6MonthsByDay = copy(placedWithin6MonthsByDay);
        daysToPlacement = copy(daysToPlacement);
        waitingDays = copy(waitingDays);
    }

    /** These counters with {@code c} added ({@code sign} 1) or taken out ({@code sign} -1). */
    ChainCounters plus(ChainContribution c, int sign) {
        Map<Integer, Long> passed = new HashMap<>(passedByDay);
        Map<Integer, Long> placed = new HashMap<>(placedWithin6MonthsByDay);
        Map<Integer, Long> toPlacement = new HashMap<>(daysToPlacement);
        Map<Integer, Long> waiting = new HashMap<>(waitingDays);
        if (c.passed()) {
            add(passed, c.dayOfMonth(), sign);
        }
        if (c.placedWithin6Months()) {
            add(placed, c.dayOfMonth(), sign);
        }
        if (c.daysToPlacement() != null) {
            add(toPlacement, c.daysToPlacement(), sign);
        }
        if (c.waitingDays() != null) {
            add(waiting, c.waitingDays(), sign);
        }
        return new ChainCounters(passed, placed, toPlacement, waiting);
    }

    boolean isEmpty() {
        return passedByDay.isEmpty() && placedWithin6MonthsByDay.isEmpty() && daysToPlacement.isEmpty()
                && waitingDays.isEmpty();
    }

    /** Zero cells are dropped, so a counter that returns to zero leaves no trace in the compacted topic. */
    private static void add(Map<Integer, Long> histogram, int key, int sign) {
        histogram.merge(key, (long) sign, (a, b) -> a + b == 0 ? null : a + b);
    }

    private static Map<Integer, Long> copy(Map<Integer, Long> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        return Map.copyOf(new TreeMap<>(m));
    }
}
