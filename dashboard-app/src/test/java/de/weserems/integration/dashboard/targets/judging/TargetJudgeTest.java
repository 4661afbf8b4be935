package de.weserems.integration.dashboard.targets.judging;

import de.weserems.integration.dashboard.indicators.testing.TestFigures;
import de.weserems.integration.dashboard.base.live.Alerts.Alert;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.ChainFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge on figures a test sets: a breach starts when the published figure passes the threshold and ends
 * when it is back, a withheld figure is never a breach, the region is judged like a district, the first
 * judgement only takes stock, and every window is judged on the figures of its own period.
 */
class TargetJudgeTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final String CLOPPENBURG = District.CLOPPENBURG.ags();

    /** The completion rate (a fraction, as published) per area; missing or {@code null}: withheld. */
    private final Map<String, BigDecimal> completionRate = new HashMap<>();
    private BigDecimal regionWaitingDays;
    private final List<YearMonth[]> periodsAsked = new ArrayList<>();
    private final TargetJudge judge = new TargetJudge(3);
    private Instant now = Instant.parse("2026-11-25T09:00:00Z");

    private final BiFunction<YearMonth, YearMonth, IndicatorReport> report = (from, to) -> {
        periodsAsked.add(new YearMonth[]{from, to});
        List<AreaFigures> districts = new ArrayList<>();
        for (District d : District.values()) {
            districts.add(figures(d.ags(), completionRate.get(d.ags()), null));
        }
        return new IndicatorReport(from, to, now, null, true, to, false, null,
                figures(Region.AGS, completionRate.get(Region.AGS), regionWaitingDays), districts);
    };

    private static AreaFigures figures(String area, BigDecimal rate, BigDecimal waitingDays) {
        Map<String, BigDecimal> rates = new HashMap<>();
        rates.put("completionRate", rate);
        return TestFigures.area(area, area, 1, true, Map.of(), rates, null, waitingDays);
    }

    private static Target completionAtLeast(String area, String percent, int months) {
        return new Target(JudgedIndicator.COMPLETION_RATE, area, Comparison.AT_LEAST, new BigDecimal(percent), months,
                "admin", Instant.EPOCH);
    }

    private List<Alert> judge(Target... targets) {
        now = now.plusSeconds(60);
        return judge.judge(List.of(targets), report, MONTH, now);
    }

    @Test
    void a_breach_starts_when_the_figure_falls_below_a_floor_and_ends_when_it_is_back() {
        Target target = completionAtLeast(CLOPPENBURG, "99", 3);
        completionRate.put(CLOPPENBURG, new BigDecimal("1.0000"));
        assertThat(judge(target)).isEmpty();

        completionRate.put(CLOPPENBURG, new BigDecimal("0.5000"));
        List<Alert> started = judge(target);
        assertThat(started).singleElement().satisfies(a -> {
            assertThat(a.started()).isTrue();
            assertThat(a.area()).isEqualTo(CLOPPENBURG);
            assertThat(a.indicator()).isEqualTo("rates.completionRate");
            assertThat(a.percent()).isTrue();
            assertThat(a.value()).isEqualByComparingTo("50");
            assertThat(a.atMost()).isFalse();
            assertThat(a.threshold()).isEqualByComparingTo("99");
            assertThat(a.months()).isEqualTo(3);
            assertThat(a.at()).isEqualTo(now);
        });
        assertThat(judge.current()).singleElement().extracting(Alert::area).isEqualTo(CLOPPENBURG);

        completionRate.put(CLOPPENBURG, new BigDecimal("0.4000"));
        assertThat(judge(target)).as("still missed: no new start").isEmpty();
        assertThat(judge.current()).singleElement().satisfies(a -> {
            assertThat(a.value()).as("the current value").isEqualByComparingTo("40");
            assertThat(a.at()).as("since the start").isEqualTo(started.getFirst().at());
        });

        completionRate.put(CLOPPENBURG, new BigDecimal("0.9900"));
        assertThat(judge(target)).singleElement().satisfies(a -> {
            assertThat(a.started()).isFalse();
            assertThat(a.value()).isEqualByComparingTo("99");
        });
        assertThat(judge.current()).isEmpty();
        assertThat(judge.recent()).extracting(Alert::started).as("newest first").containsExactly(false, true);
    }

    @Test
    void a_withheld_figure_is_not_judged_and_ends_a_breach_without_a_value() {
        Target target = completionAtLeast(CLOPPENBURG, "99", 3);
        judge(target);
        completionRate.put(CLOPPENBURG, null);
        assertThat(judge(target)).as("withheld: never a breach").isEmpty();
        assertThat(judge.current()).isEmpty();

        completionRate.put(CLOPPENBURG, new BigDecimal("0.1000"));
        assertThat(judge(target)).singleElement().extracting(Alert::started).isEqualTo(true);
        completionRate.remove(CLOPPENBURG);
        assertThat(judge(target)).singleElement().satisfies(a -> {
            assertThat(a.started()).isFalse();
            assertThat(a.value()).as("no value: withheld").isNull();
        });
        assertThat(judge.current()).isEmpty();
    }

    @Test
    void a_region_target_is_judged_on_the_region_total_of_its_own_window() {
        Target waiting = new Target(JudgedIndicator.MEDIAN_WAITING_DAYS, Region.AGS, Comparison.AT_MOST,
                new BigDecimal("42"), 6, "admin", Instant.EPOCH);
        Target completion = completionAtLeast(Region.AGS, "50", 3);
        regionWaitingDays = new BigDecimal("40");
        completionRate.put(Region.AGS, new BigDecimal("0.6000"));
        judge(waiting, completion);
        assertThat(periodsAsked).extracting(p -> p[0]).containsExactlyInAnyOrder(YearMonth.of(2026, 6),
                YearMonth.of(2026, 9));
        assertThat(periodsAsked).extracting(p -> p[1]).containsOnly(MONTH);

        regionWaitingDays = new BigDecimal("43");
        completionRate.put(CLOPPENBURG, new BigDecimal("0.1000")); // a district's figure does not count for the region
        assertThat(judge(waiting, completion)).singleElement().satisfies(a -> {
            assertThat(a.area()).isEqualTo(Region.AGS);
            assertThat(a.indicator()).isEqualTo("chain.medianWaitingDays");
            assertThat(a.percent()).isFalse();
            assertThat(a.atMost()).isTrue();
            assertThat(a.value()).isEqualByComparingTo("43");
        });
    }

    @Test
    void the_first_judgement_takes_stock_of_standing_breaches_without_announcing_them() {
        Target target = completionAtLeast(CLOPPENBURG, "99", 3);
        completionRate.put(CLOPPENBURG, new BigDecimal("0.5000"));
        assertThat(judge(target)).as("after a start: no start announced").isEmpty();
        assertThat(judge.current()).as("but the breach stands").hasSize(1);
        assertThat(judge.recent()).isEmpty();

        Target later = completionAtLeast(Region.AGS, "99", 1);
        completionRate.put(Region.AGS, new BigDecimal("0.5000"));
        assertThat(judge(target, later)).as("a target set later and missed at once starts a breach")
                .singleElement().extracting(Alert::area).isEqualTo(Region.AGS);
    }

    @Test
    void a_deleted_target_takes_its_breach_with_it_without_an_end() {
        Target target = completionAtLeast(CLOPPENBURG, "99", 3);
        judge(target);
        completionRate.put(CLOPPENBURG, new BigDecimal("0.5000"));
        assertThat(judge(target)).hasSize(1);
        assertThat(judge()).isEmpty();
        assertThat(judge.current()).isEmpty();
    }

    @Test
    void only_the_latest_starts_and_ends_are_kept() {
        Target target = completionAtLeast(CLOPPENBURG, "99", 3);
        judge(target);
        for (int i = 0; i < 3; i++) {
            completionRate.put(CLOPPENBURG, new BigDecimal("0.5000"));
            judge(target);
            completionRate.put(CLOPPENBURG, new BigDecimal("1.0000"));
            judge(target);
        }
        assertThat(judge.recent()).hasSize(3).extracting(Alert::started).containsExactly(false, true, false);
        assertThat(judge.recent().getFirst().at()).isEqualTo(now);
    }
}
