package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The chain counters of one area summed over a period, with "today" deciding which {@code PASSED}
 * completions still wait for their 183-day window to end ({@code pending}) and which count.
 */
final class ChainSums {

    /** Passed completions whose window has ended: the denominator of placement within 6 months. */
    long ended;
    /** Of those, the ones with a placement 0–183 days after: the numerator. */
    long placed;
    /** Passed completions whose window has not ended: today is at most 183 days after them. */
    long pending;
    final DayHistogram daysToPlacement = new DayHistogram();
    final DayHistogram waitingDays = new DayHistogram();
    /** Days from enrolment to course start, of the starts in the period. */
    final DayHistogram waitingTime = new DayHistogram();
    /** Days from entitlement to the first integration-course start, of the starts in the period. */
    final DayHistogram accessTime = new DayHistogram();
    final FundingSums funding = new FundingSums();
    /** {@link #ended} and {@link #placed} by the sex bucket of the completion ({@code Breakdown.sexBucket}). */
    final long[] endedBySex = new long[SEX_BUCKETS];
    final long[] placedBySex = new long[SEX_BUCKETS];

    static final int SEX_BUCKETS = Breakdown.ENROLMENTS_BY_SEX.buckets().size();

    void add(ChainCounters counters, YearMonth month, LocalDate today) {
        for (Map.Entry<Integer, Long> e : counters.passedByDay().entrySet()) {
            LocalDate completed = month.atDay(e.getKey());
            if (completed.plusDays(ChainContribution.PLACEMENT_WINDOW_DAYS).isBefore(today)) {
                ended += e.getValue();
                placed += counters.placedWithin6MonthsByDay().getOrDefault(e.getKey(), 0L);
            } else {
                pending += e.getValue();
            }
        }
        for (Map.Entry<Integer, Long> e : counters.passedBySexDay().entrySet()) {
            if (month.atDay(e.getKey() % 32).plusDays(ChainContribution.PLACEMENT_WINDOW_DAYS).isBefore(today)) {
                endedBySex[e.getKey() / 32] += e.getValue();
                placedBySex[e.getKey() / 32] += counters.placedBySexDay().getOrDefault(e.getKey(), 0L);
            }
        }
        daysToPlacement.add(counters.daysToPlacement());
        waitingDays.add(counters.waitingDays());
        waitingTime.add(counters.waitingTimeDays());
        accessTime.add(counters.accessTimeDays());
        funding.add(counters, month, today);
    }

    void add(ChainSums other) {
        ended += other.ended;
        placed += other.placed;
        pending += other.pending;
        for (int i = 0; i < SEX_BUCKETS; i++) {
            endedBySex[i] += other.endedBySex[i];
            placedBySex[i] += other.placedBySex[i];
        }
        daysToPlacement.add(other.daysToPlacement);
        waitingDays.add(other.waitingDays);
        waitingTime.add(other.waitingTime);
        accessTime.add(other.accessTime);
        funding.add(other.funding);
    }
}
