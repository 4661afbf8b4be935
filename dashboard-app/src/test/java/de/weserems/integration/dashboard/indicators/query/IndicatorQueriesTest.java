package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static de.weserems.integration.dashboard.indicators.testing.Events.completion;
import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static de.weserems.integration.dashboard.indicators.testing.TestSettings.byAgs;
import static org.assertj.core.api.Assertions.assertThat;

class IndicatorQueriesTest {

    private final IndicatorReadModel model = TestReadModels.empty();
    private final IndicatorQueries queries = new IndicatorQueries(model, TestSettings.properties(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    private void enrol(District district, String date, int times) {
        for (int i = 0; i < times; i++) {
            TestReadModels.count(model, enrolment(district, date, CourseType.INTEGRATION_COURSE));
        }
    }

    @Test
    void the_default_period_is_the_last_twelve_months_including_this_one() {
        assertThat(queries.defaultPeriod()).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 11));
    }

    @Test
    void counts_sum_the_months_of_the_period_and_the_region_sums_the_districts() {
        enrol(District.EMSLAND, "2026-01-10", 10);
        enrol(District.EMSLAND, "2026-02-10", 5);
        enrol(District.EMSLAND, "2026-03-10", 7);
        enrol(District.LEER, "2026-02-01", 4);

        IndicatorReport exact = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 2), Set.of(), null, true);
        AreaFigures emsland = byAgs(exact, "03454");
        assertThat(emsland.count("enrolments")).isEqualTo(15);
        assertThat(emsland.reported()).isTrue();
        assertThat(emsland.per10k().get("enrolments")).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(exact.region().count("enrolments")).isEqualTo(19);
        assertThat(exact.region().population()).isEqualTo(2_525_333);
        assertThat(exact.region().district()).isEqualTo("034");

        IndicatorReport published = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 2), Set.of(), null);
        assertThat(byAgs(published, "03454").count("enrolments")).isBetween(12L, 18L);
        assertThat(published.region().count("enrolments")).isBetween(16L, 22L);
    }

    @Test
    void the_breakdowns_by_sex_come_only_with_a_calendar_quarter_or_year() {
        enrol(District.EMSLAND, "2025-11-10", 4);
        for (String[] period : new String[][]{{"2025-10", "2025-12"}, {"2026-04", "2026-06"}, {"2025-01", "2025-12"}}) {
            IndicatorReport report = queries.report(YearMonth.parse(period[0]), YearMonth.parse(period[1]), Set.of(),
                    null);
            assertThat(report.bySex()).as("%s..%s", period[0], period[1]).isTrue();
            assertThat(report.region().breakdowns()).containsKeys("enrolmentsBySex", "completionsBySex",
                    "passedBySex", "placementsBySex");
        }
        // the events name no sex: all four under NOT_STATED, exact for the statistics staff
        IndicatorReport exact = queries.report(YearMonth.of(2025, 10), YearMonth.of(2025, 12), Set.of(), null, true);
        assertThat(byAgs(exact, "03454").breakdowns().get("enrolmentsBySex")).containsExactly(
                Map.entry("FEMALE", 0L), Map.entry("MALE", 0L),
                Map.entry("DIVERSE_OR_UNSPECIFIED", 0L), Map.entry("NOT_STATED", 4L));

        for (String[] period : new String[][]{{"2025-11", "2025-11"}, {"2025-11", "2026-01"}, {"2025-10", "2025-11"},
                {"2025-10", "2026-03"}, {"2025-02", "2026-01"}, {"2025-01", "2026-12"}}) {
            IndicatorReport report = queries.report(YearMonth.parse(period[0]), YearMonth.parse(period[1]), Set.of(),
                    null, true);
            assertThat(report.bySex()).as("%s..%s", period[0], period[1]).isFalse();
            assertThat(report.region().breakdowns().keySet()).as("%s..%s", period[0], period[1])
                    .noneMatch(key -> key.endsWith("BySex"));
            assertThat(byAgs(report, "03462").breakdowns().keySet()).noneMatch(key -> key.endsWith("BySex"));
        }
        assertThat(queries.monthly(District.EMSLAND, YearMonth.of(2025, 10), YearMonth.of(2025, 12), null).months())
                .allSatisfy(m -> assertThat(m.figures().breakdowns()).doesNotContainKey("enrolmentsBySex"));
    }

    @Test
    void a_district_without_reports_says_so_instead_of_zero() {
        enrol(District.EMSLAND, "2026-01-10", 10);
        AreaFigures wittmund = byAgs(queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1), Set.of(), null),
                "03462");
        assertThat(wittmund.reported()).isFalse();
        assertThat(wittmund.count("enrolments")).isNull();
        assertThat(wittmund.withheld()).isEmpty();
    }

    @Test
    void a_small_count_never_appears_as_itself_and_its_per_10k_follows_the_published_count() {
        enrol(District.EMSLAND, "2026-01-10", 10);
        enrol(District.LEER, "2026-01-10", 5);
        enrol(District.WITTMUND, "2026-01-10", 2);

        IndicatorReport report = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1), Set.of(), null);
        AreaFigures wittmund = byAgs(report, "03462");
        long published = wittmund.count("enrolments");
        assertThat(published).isIn(0L, 3L);
        assertThat(wittmund.per10k().get("enrolments")).isEqualByComparingTo(
                BigDecimal.valueOf(published * 10_000.0 / wittmund.population()).setScale(1, RoundingMode.HALF_UP));
        assertThat(wittmund.withheld()).as("counts are perturbed, not withheld").isEmpty();
        assertThat(report.region().count("enrolments")).isBetween(14L, 20L);
        assertThat(report.protection()).isEqualTo(new Protection(true, 3, 10));
    }

    @Test
    void rates_need_ten_published_cases() {
        for (int i = 0; i < 5; i++) {
            TestReadModels.count(model, completion("p" + i, District.EMSLAND, LocalDate.of(2026, 1, 10), Outcome.PASSED));
        }
        AreaFigures emsland = byAgs(queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1), Set.of(), null),
                "03454");
        assertThat(emsland.rates().get("completionRate")).isNull();
        assertThat(emsland.withheld()).contains("rates.completionRate");
        AreaFigures exact = byAgs(queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1), Set.of(), null, true),
                "03454");
        assertThat(exact.rates().get("completionRate")).isEqualByComparingTo("1");
    }

    @Test
    void a_district_filter_lists_only_those_districts() {
        enrol(District.EMSLAND, "2026-01-10", 10);
        IndicatorReport report = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1),
                Set.of(District.EMSLAND, District.LEER), null);
        assertThat(report.districts()).extracting(AreaFigures::district).containsExactly("03454", "03457");
    }

    @Test
    void the_current_month_and_the_two_before_are_provisional() {
        // today is 2026-11-25 (the test clock): September to November are provisional
        assertThat(queries.provisionalFrom()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 8), Set.of(), null).provisional()).isFalse();
        IndicatorReport recent = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 9), Set.of(), null);
        assertThat(recent.provisional()).isTrue();
        assertThat(recent.provisionalFrom()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(queries.monthly(District.EMSLAND, YearMonth.of(2026, 7), YearMonth.of(2026, 11), null).months())
                .extracting(MonthlyReport.Month::provisional).containsExactly(false, false, true, true, true);
    }
}
