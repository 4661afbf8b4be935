package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.FundingFlow;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The funding-gap counters of one area summed over a period, with "today" deciding which completions' 90 days
 * have ended (they count: went on, or a gap) and which are still open.
 */
final class FundingSums {

    private static final int BUCKETS = FundingFlow.PLACEMENT + 1;

    /** Funding bucket → completions whose 90 days have ended. */
    final long[] ended = new long[BUCKETS];
    /** Funding bucket → completions whose 90 days have not ended yet. */
    final long[] open = new long[BUCKETS];
    /** Funding bucket before → what came next → completions whose 90 days have ended and that went on. */
    final long[][] next = new long[BUCKETS][BUCKETS];

    void add(ChainCounters counters, YearMonth month, LocalDate today) {
        for (Map.Entry<Integer, Long> e : counters.completedByFundingDay().entrySet()) {
            int funding = FundingFlow.before(e.getKey(), false);
            if (ended(month, e.getKey(), today)) {
                ended[funding] += e.getValue();
            } else {
                open[funding] += e.getValue();
            }
        }
        for (Map.Entry<Integer, Long> e : counters.nextMeasureByFundingDay().entrySet()) {
            if (ended(month, e.getKey(), today)) {
                next[FundingFlow.before(e.getKey(), true)][FundingFlow.after(e.getKey())] += e.getValue();
            }
        }
    }

    void add(FundingSums other) {
        for (int i = 0; i < BUCKETS; i++) {
            ended[i] += other.ended[i];
            open[i] += other.open[i];
            for (int j = 0; j < BUCKETS; j++) {
                next[i][j] += other.next[i][j];
            }
        }
    }

    /** Completions of funding bucket {@code before} whose 90 days have ended and that went on. */
    long wentOn(int before) {
        long n = 0;
        for (long cell : next[before]) {
            n += cell;
        }
        return n;
    }

    /** Whether the 90 days after the completion on day {@link FundingFlow#dayOfMonth} of {@code month} have ended. */
    private static boolean ended(YearMonth month, int key, LocalDate today) {
        return month.atDay(FundingFlow.dayOfMonth(key)).plusDays(FundingFlow.WINDOW_DAYS).isBefore(today);
    }
}
