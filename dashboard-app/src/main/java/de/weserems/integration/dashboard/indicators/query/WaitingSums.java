package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.model.ChainCounters;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Who is waiting now in one area: the participants waiting since some day, summed over every month up to
 * today, as days waited today; those waiting for more than 2 years apart.
 */
final class WaitingSums {

    /** After this long without a course start a participant no longer counts as waiting, but apart. */
    static final int YEARS_UNTIL_APART = 2;

    final DayHistogram daysWaited = new DayHistogram();
    long noStartAfter2Years;

    void add(ChainCounters counters, YearMonth month, LocalDate today) {
        for (Map.Entry<Integer, Long> e : counters.waitingSinceByDay().entrySet()) {
            LocalDate since = month.atDay(e.getKey());
            if (since.plusYears(YEARS_UNTIL_APART).isBefore(today)) {
                noStartAfter2Years += e.getValue();
            } else {
                // an event may be dated tomorrow: it has waited no day yet
                daysWaited.add((int) Math.max(0, ChronoUnit.DAYS.between(since, today)), e.getValue());
            }
        }
    }

    void add(WaitingSums other) {
        daysWaited.add(other.daysWaited);
        noStartAfter2Years += other.noStartAfter2Years;
    }
}
