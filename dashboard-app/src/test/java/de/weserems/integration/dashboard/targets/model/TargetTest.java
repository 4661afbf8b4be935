package de.weserems.integration.dashboard.targets.model;

import de.weserems.integration.dashboard.indicators.testing.TestFigures;
import de.weserems.integration.dashboard.indicators.query.AccessFigures;
import de.weserems.integration.dashboard.indicators.query.FundingGapFigures;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.ChainFigures;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a target is: its parts checked in words an admin understands, its key, its window, when it is missed. */
class TargetTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private static Target target(JudgedIndicator indicator, String area, Comparison comparison, String threshold,
                                 int months) {
        return new Target(indicator, area, comparison, new BigDecimal(threshold), months, "admin", NOW);
    }

    @Test
    void a_waiting_time_target_of_the_region_is_a_ceiling_met_at_the_threshold_and_missed_above_it() {
        Target t = target(JudgedIndicator.MEDIAN_WAITING_DAYS, Region.AGS, Comparison.AT_MOST, "42", 3);
        assertThat(t.region()).isTrue();
        assertThat(t.key()).isEqualTo("chain.medianWaitingDays|034");
        assertThat(t.breachedBy(new BigDecimal("42"))).isFalse();
        assertThat(t.breachedBy(new BigDecimal("43"))).isTrue();
        assertThat(t.breachedBy(null)).as("withheld: not judged").isFalse();
    }

    @Test
    void a_rate_target_is_a_floor_in_percent() {
        Target t = target(JudgedIndicator.COMPLETION_RATE, District.CLOPPENBURG.ags(), Comparison.AT_LEAST, "99", 3);
        assertThat(t.region()).isFalse();
        assertThat(t.breachedBy(new BigDecimal("98.9"))).isTrue();
        assertThat(t.breachedBy(new BigDecimal("99.00"))).isFalse();
    }

    @Test
    void the_window_ends_with_the_current_month() {
        assertThat(target(JudgedIndicator.COMPLETION_RATE, Region.AGS, Comparison.AT_LEAST, "50", 3)
                .from(YearMonth.of(2026, 2))).isEqualTo(YearMonth.of(2025, 12));
        assertThat(target(JudgedIndicator.COMPLETION_RATE, Region.AGS, Comparison.AT_LEAST, "50", 1)
                .from(YearMonth.of(2026, 2))).isEqualTo(YearMonth.of(2026, 2));
    }

    @Test
    void what_is_wrong_is_said_per_part_and_such_a_target_cannot_be_made() {
        assertThat(Target.problems(null, "99999", null, null, 0)).containsExactly("target.problem.indicator",
                "target.problem.area", "target.problem.comparison", "target.problem.threshold", "target.problem.months");
        assertThat(Target.problems(JudgedIndicator.COMPLETION_RATE, Region.AGS, Comparison.AT_LEAST,
                new BigDecimal("101"), 13)).containsExactly("target.problem.percent", "target.problem.months");
        assertThat(Target.problems(JudgedIndicator.MEDIAN_DAYS_TO_PLACEMENT, Region.AGS, Comparison.AT_MOST,
                new BigDecimal("-1"), 12)).containsExactly("target.problem.days");
        assertThat(Target.problems(JudgedIndicator.MEDIAN_DAYS_TO_PLACEMENT, Region.AGS, Comparison.AT_MOST,
                new BigDecimal("400"), 12)).as("days have no upper bound").isEmpty();
        assertThatThrownBy(() -> target(JudgedIndicator.COMPLETION_RATE, Region.AGS, Comparison.AT_LEAST, "50", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_indicator_reads_its_published_figure_in_its_unit_and_a_withheld_one_as_null() {
        Map<String, BigDecimal> rates = new HashMap<>();
        rates.put("completionRate", new BigDecimal("0.8125"));
        rates.put("languageSuccessRate", null);
        rates.put("placementWithin6Months", new BigDecimal("0.4000"));
        AreaFigures figures = TestFigures.area("03453", "Cloppenburg", 170_000, true, Map.of(), rates,
                new BigDecimal("35"), null);
        assertThat(JudgedIndicator.COMPLETION_RATE.value(figures)).isEqualByComparingTo("81.25");
        assertThat(JudgedIndicator.LANGUAGE_SUCCESS_RATE.value(figures)).isNull();
        assertThat(JudgedIndicator.PLACEMENT_WITHIN_6_MONTHS.value(figures)).isEqualByComparingTo("40");
        assertThat(JudgedIndicator.MEDIAN_DAYS_TO_PLACEMENT.value(figures)).isEqualByComparingTo("35");
        assertThat(JudgedIndicator.MEDIAN_WAITING_DAYS.value(figures)).isNull();
        assertThat(JudgedIndicator.MEDIAN_WAITING_DAYS.value(null)).as("an area not in the figures").isNull();
    }

    @Test
    void an_indicator_is_found_by_the_name_the_read_api_gives_its_figure() {
        for (JudgedIndicator i : JudgedIndicator.values()) {
            assertThat(JudgedIndicator.byFigure(i.figure())).contains(i);
        }
        assertThat(JudgedIndicator.byFigure("rates.unknown")).isEmpty();
    }

    @Test
    void the_figures_of_access_and_funding_gaps_are_judged_as_published() {
        AreaFigures base = TestFigures.area("03453", "Cloppenburg", 170_000, true, Map.of(), Map.of(), null, null);
        AreaFigures figures = new AreaFigures(base.district(), base.name(), base.population(), null, true, Map.of(),
                Map.of(), Map.of(), null, Map.of(), Map.of(), base.chain(),
                new AccessFigures(40L, new BigDecimal("51"), new BigDecimal("0.6250"), 12L, null, null),
                base.waitingNow(), new FundingGapFigures(30L, 10L, new BigDecimal("0.2500"), 4L, Map.of(), Map.of()),
                List.of("access.medianAccessTime"));
        assertThat(JudgedIndicator.MEDIAN_WAITING_TIME.value(figures)).isEqualByComparingTo("51");
        assertThat(JudgedIndicator.WAITING_TIME_OVER_6_WEEKS.value(figures)).isEqualByComparingTo("62.5");
        assertThat(JudgedIndicator.MEDIAN_ACCESS_TIME.value(figures)).as("withheld: not judged").isNull();
        assertThat(JudgedIndicator.FUNDING_GAP_RATE.value(figures)).isEqualByComparingTo("25");
        assertThat(JudgedIndicator.byFigure("fundingGaps.gapRate")).contains(JudgedIndicator.FUNDING_GAP_RATE);
    }
}
