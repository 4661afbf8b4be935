package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.CourseType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A median held back for too few cases is listed in {@code withheld} only when its cases, as published, are some:
 * otherwise the list would tell a viewer that a count published as 0 hides a case.
 */
class WithheldMedianTest {

    private static final PerturbationTable TABLE = new PerturbationTable(3, 1.0, 2);

    @Test
    void one_case_published_as_0_is_not_listed_and_one_published_as_some_is() {
        long hidden = keyPublishing(published -> published == 0);
        long shown = keyPublishing(published -> published > 0);

        assertThat(report(hidden).withheld()).as("the one start's waiting time, its count published as 0")
                .doesNotContain("access.medianWaitingTime");
        assertThat(report(hidden).access().waitingTimeCases()).isZero();
        assertThat(report(shown).withheld()).contains("access.medianWaitingTime");
        assertThat(report(shown).access().medianWaitingTime()).isNull();
    }

    /** A record key with which a cell of 1 record is published as {@code published} accepts. */
    private static long keyPublishing(java.util.function.LongPredicate published) {
        // record keys are 32 bits, spread over their whole range
        for (long i = 1; i < 10_000; i++) {
            long key = i * 2_654_435_761L & 0xFFFF_FFFFL;
            if (published.test(TABLE.publish(1, PerturbationTable.cellKey(key)))) {
                return key;
            }
        }
        throw new AssertionError("no key publishes 1 so");
    }

    private static AreaFigures report(long recordKey) {
        IndicatorReadModel model = TestReadModels.empty();
        TestReadModels.put(model, "03454|2026-10", MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE,
                ChainCounters.ZERO.plusWaitingTime(20), recordKey));
        IndicatorQueries queries = new IndicatorQueries(model, TestSettings.properties(),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        return queries.report(YearMonth.of(2026, 10), YearMonth.of(2026, 10), Set.of(), null).districts().get(8);
    }
}
