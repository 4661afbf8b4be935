package de.weserems.integration.dashboard.indicators.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The chain counters of one course type in one district and month, as histograms, so that any period
 * and the region can be combined exactly (a median cannot be combined from medians).
 *
 * <p>Whatever depends on the day a question is asked is kept per day of the month of the event it starts
 * from, never as a total: whether a completion's 183-day or 90-day window has ended, or how long a
 * participant has been waiting, is decided by the query with its own clock, so the engine never has to
 * wake up when a window closes.
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
 * @param completedByFundingDay    funding bucket and day of month ({@link FundingFlow}) → {@code PASSED}/{@code FAILED}
 *                                 completions with a participant
 * @param nextMeasureByFundingDay  funding bucket, what came next and day of month ({@link FundingFlow}) → of
 *                                 those, the ones that went on within 90 days
 * @param waitingTimeDays          days → course starts (in the start's district and month) after the participant's
 *                                 latest enrolment in the same course type: the waiting time
 * @param accessTimeDays           days → first integration-course starts after the participant's first
 *                                 entitlement: the access time
 * @param waitingSinceByDay        day of month → participants still waiting since that day: their earliest
 *                                 entitlement or enrolment that no course start has followed yet (in its own
 *                                 district and month)
 * @param passedBySexDay           sex bucket and day of month ({@link #sexDayKey}) → {@code PASSED} completions with a
 *                                 participant: {@code passedByDay} by the sex stated on the completion
 * @param placedBySexDay           the same → of those, the ones with a placement 0–183 days after
 */
public record ChainCounters(Map<Integer, Long> passedByDay, Map<Integer, Long> placedWithin6MonthsByDay,
                            Map<Integer, Long> daysToPlacement, Map<Integer, Long> waitingDays, long excluded,
                            Map<Integer, Long> completedByFundingDay, Map<Integer, Long> nextMeasureByFundingDay,
                            Map<Integer, Long> waitingTimeDays, Map<Integer, Long> accessTimeDays,
                            Map<Integer, Long> waitingSinceByDay, Map<Integer, Long> passedBySexDay,
                            Map<Integer, Long> placedBySexDay) {

    public static final ChainCounters ZERO = new ChainCounters(Map.of(), Map.of(), Map.of(), Map.of(), 0);

    public ChainCounters {
        passedByDay = copy(passedByDay);
        placedWithin6MonthsByDay = copy(placedWithin6MonthsByDay);
        daysToPlacement = copy(daysToPlacement);
        waitingDays = copy(waitingDays);
        completedByFundingDay = copy(completedByFundingDay);
        nextMeasureByFundingDay = copy(nextMeasureByFundingDay);
        waitingTimeDays = copy(waitingTimeDays);
        accessTimeDays = copy(accessTimeDays);
        waitingSinceByDay = copy(waitingSinceByDay);
        passedBySexDay = copy(passedBySexDay);
        placedBySexDay = copy(placedBySexDay);
    }

    /** The key of {@link #passedBySexDay()} and {@link #placedBySexDay()}: sex bucket and day of month. */
    public static int sexDayKey(int sex, int dayOfMonth) {
        return sex * 32 + dayOfMonth;
    }

    /** Counters of the completions' figures only (as written before access, waiting and funding gaps were counted). */
    public ChainCounters(Map<Integer, Long> passedByDay, Map<Integer, Long> placedWithin6MonthsByDay,
                         Map<Integer, Long> daysToPlacement, Map<Integer, Long> waitingDays, long excluded) {
        this(passedByDay, placedWithin6MonthsByDay, daysToPlacement, waitingDays, excluded, null, null, null, null,
                null, null, null);
    }

    /** These counters with {@code c} added ({@code sign} 1) or taken out ({@code sign} -1); only changed histograms are copied. */
    public ChainCounters plus(ChainContribution c, int sign) {
        return new ChainCounters(
                c.passed() ? add(passedByDay, c.dayOfMonth(), sign) : passedByDay,
                c.placedWithin6Months() ? add(placedWithin6MonthsByDay, c.dayOfMonth(), sign) : placedWithin6MonthsByDay,
                c.daysToPlacement() != null ? add(daysToPlacement, c.daysToPlacement(), sign) : daysToPlacement,
                c.waitingDays() != null ? add(waitingDays, c.waitingDays(), sign) : waitingDays,
                excluded,
                add(completedByFundingDay, FundingFlow.completedKey(c.funding(), c.dayOfMonth()), sign),
                c.nextMeasure() != null ? add(nextMeasureByFundingDay,
                        FundingFlow.flowKey(c.funding(), c.nextMeasure(), c.dayOfMonth()), sign) : nextMeasureByFundingDay,
                waitingTimeDays, accessTimeDays, waitingSinceByDay,
                c.passed() ? add(passedBySexDay, sexDayKey(c.sex(), c.dayOfMonth()), sign) : passedBySexDay,
                c.placedWithin6Months() ? add(placedBySexDay, sexDayKey(c.sex(), c.dayOfMonth()), sign)
                        : placedBySexDay);
    }

    /** These counters with one more course start that came {@code days} after the participant's enrolment. */
    public ChainCounters plusWaitingTime(int days) {
        return new ChainCounters(passedByDay, placedWithin6MonthsByDay, daysToPlacement, waitingDays, excluded,
                completedByFundingDay, nextMeasureByFundingDay, add(waitingTimeDays, days, 1), accessTimeDays,
                waitingSinceByDay, passedBySexDay, placedBySexDay);
    }

    /** These counters with one more first integration-course start that came {@code days} after the entitlement. */
    public ChainCounters plusAccessTime(int days) {
        return new ChainCounters(passedByDay, placedWithin6MonthsByDay, daysToPlacement, waitingDays, excluded,
                completedByFundingDay, nextMeasureByFundingDay, waitingTimeDays, add(accessTimeDays, days, 1),
                waitingSinceByDay, passedBySexDay, placedBySexDay);
    }

    /** These counters with one more participant waiting since day {@code dayOfMonth} of their month. */
    public ChainCounters plusWaitingSince(int dayOfMonth) {
        return new ChainCounters(passedByDay, placedWithin6MonthsByDay, daysToPlacement, waitingDays, excluded,
                completedByFundingDay, nextMeasureByFundingDay, waitingTimeDays, accessTimeDays,
                add(waitingSinceByDay, dayOfMonth, 1), passedBySexDay, placedBySexDay);
    }

    /** These counters with {@code n} more completions left out of the chain. */
    public ChainCounters plusExcluded(long n) {
        return new ChainCounters(passedByDay, placedWithin6MonthsByDay, daysToPlacement, waitingDays, excluded + n,
                completedByFundingDay, nextMeasureByFundingDay, waitingTimeDays, accessTimeDays, waitingSinceByDay,
                passedBySexDay, placedBySexDay);
    }

    /** These counters and {@code other} cell by cell (a change may hold negative cells). */
    public ChainCounters plus(ChainCounters other) {
        return new ChainCounters(sum(passedByDay, other.passedByDay),
                sum(placedWithin6MonthsByDay, other.placedWithin6MonthsByDay),
                sum(daysToPlacement, other.daysToPlacement), sum(waitingDays, other.waitingDays),
                excluded + other.excluded,
                sum(completedByFundingDay, other.completedByFundingDay),
                sum(nextMeasureByFundingDay, other.nextMeasureByFundingDay),
                sum(waitingTimeDays, other.waitingTimeDays), sum(accessTimeDays, other.accessTimeDays),
                sum(waitingSinceByDay, other.waitingSinceByDay), sum(passedBySexDay, other.passedBySexDay),
                sum(placedBySexDay, other.placedBySexDay));
    }

    /** Every cell times {@code k}: what a record with record key {@code k} adds to the key sums ({@code k} -1: the negative). */
    public ChainCounters times(long k) {
        return new ChainCounters(times(passedByDay, k), times(placedWithin6MonthsByDay, k), times(daysToPlacement, k),
                times(waitingDays, k), excluded * k, times(completedByFundingDay, k), times(nextMeasureByFundingDay, k),
                times(waitingTimeDays, k), times(accessTimeDays, k), times(waitingSinceByDay, k),
                times(passedBySexDay, k), times(placedBySexDay, k));
    }

    private static Map<Integer, Long> times(Map<Integer, Long> histogram, long k) {
        Map<Integer, Long> product = new HashMap<>();
        histogram.forEach((key, n) -> product.put(key, n * k));
        return product;
    }

    public boolean isEmpty() {
        return passedByDay.isEmpty() && placedWithin6MonthsByDay.isEmpty() && daysToPlacement.isEmpty()
                && waitingDays.isEmpty() && excluded == 0 && completedByFundingDay.isEmpty()
                && nextMeasureByFundingDay.isEmpty() && waitingTimeDays.isEmpty() && accessTimeDays.isEmpty()
                && waitingSinceByDay.isEmpty() && passedBySexDay.isEmpty() && placedBySexDay.isEmpty();
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
