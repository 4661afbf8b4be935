package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.dashboard.reference.Population;
import de.weserems.integration.dashboard.testing.TestForeignResidents;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;

import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static de.weserems.integration.dashboard.indicators.testing.Events.placement;
import static de.weserems.integration.dashboard.indicators.testing.TestSettings.byAgs;
import static org.assertj.core.api.Assertions.assertThat;

/** Figures per 10,000 residents of foreign nationality: from the published counts, over the operator's figures, or none. */
class PerForeignResidentsTest {

    private static final YearMonth FROM = YearMonth.of(2026, 1);
    private static final YearMonth TO = YearMonth.of(2026, 3);

    private final IndicatorReadModel model = TestReadModels.empty();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final ForeignResidents foreign = TestForeignResidents.figures();

    private IndicatorQueries queries(ForeignResidents foreignResidents) {
        return new IndicatorQueries(model, TestSettings.properties(), clock, Population.reference2018(), foreignResidents);
    }

    private void events() {
        for (int i = 0; i < 37; i++) {
            TestReadModels.count(model, enrolment(District.EMSLAND, "2026-01-10", CourseType.INTEGRATION_COURSE));
        }
        for (int i = 0; i < 12; i++) {
            TestReadModels.count(model, enrolment(District.LEER, "2026-02-10", CourseType.JOB_LANGUAGE_COURSE));
            TestReadModels.count(model, placement("p" + i, District.LEER, LocalDate.of(2026, 3, 2)));
        }
    }

    @Test
    void rest_on_the_published_counts_and_for_the_region_on_the_sum_of_the_17_districts() {
        events();
        IndicatorReport report = queries(foreign).report(FROM, TO, Set.of(), null);

        assertThat(report.foreignResidentsReference()).isEqualTo(new ForeignResidents.Reference(2024,
                "Testzahlen, keine amtlichen"));
        for (AreaFigures area : report.districts()) {
            District d = District.byAgs(area.district()).orElseThrow();
            assertThat(area.foreignResidents()).isEqualTo(foreign.of(d));
            assertThat(area.per10kForeign()).containsOnlyKeys("enrolments", "completions", "placements");
        }
        AreaFigures emsland = byAgs(report, "03454");
        AreaFigures leer = byAgs(report, "03457");
        // the published count, not the true 37, over Emsland's 18,000 (ninth district) foreign residents
        assertThat(emsland.per10kForeign().get("enrolments"))
                .isEqualTo(per10k(emsland.count("enrolments"), 18_000));
        assertThat(leer.per10kForeign().get("placements")).isEqualTo(per10k(leer.count("placements"), 21_000));
        assertThat(report.region().foreignResidents()).isEqualTo(306_000).isEqualTo(foreign.region());
        for (String count : PerForeignResidents.COUNTS) {
            assertThat(report.region().per10kForeign().get(count))
                    .isEqualTo(per10k(report.region().count(count), 306_000));
        }
        // a district without reports: the denominator is there, its figures are not (no reports, not zero)
        AreaFigures wittmund = byAgs(report, "03462");
        assertThat(wittmund.reported()).isFalse();
        assertThat(wittmund.foreignResidents()).isEqualTo(26_000);
        assertThat(wittmund.per10kForeign()).containsEntry("enrolments", null).containsEntry("placements", null);
    }

    @Test
    void follow_the_exact_counts_for_the_statistics_role_and_every_month_of_a_series() {
        events();
        IndicatorQueries queries = queries(foreign);
        AreaFigures emsland = byAgs(queries.report(FROM, TO, Set.of(), null, true), "03454");
        assertThat(emsland.per10kForeign().get("enrolments")).isEqualByComparingTo(new BigDecimal("20.6"));

        MonthlyReport monthly = queries.monthly(District.LEER, FROM, TO, null);
        assertThat(monthly.foreignResidentsReference()).isEqualTo(foreign.reference());
        MonthlyReport.Month february = monthly.months().get(1);
        assertThat(february.figures().per10kForeign().get("enrolments"))
                .isEqualTo(per10k(february.figures().count("enrolments"), 21_000));
        assertThat(february.region().foreignResidents()).isEqualTo(306_000);
    }

    @Test
    void without_the_operators_figures_there_are_none() {
        events();
        IndicatorReport report = queries(ForeignResidents.NONE).report(FROM, TO, Set.of(), null);
        assertThat(report.foreignResidentsReference()).isNull();
        assertThat(report.region().foreignResidents()).isNull();
        assertThat(report.region().per10kForeign()).isNull();
        assertThat(report.districts()).allSatisfy(area -> {
            assertThat(area.foreignResidents()).isNull();
            assertThat(area.per10kForeign()).isNull();
        });
        // the residents' figures are untouched
        assertThat(byAgs(report, "03454").per10k().get("enrolments")).isNotNull();
        assertThat(new IndicatorQueries(model, TestSettings.properties(), clock).foreignResidents().available()).isFalse();
    }

    private static BigDecimal per10k(long count, int denominator) {
        return new BigDecimal(count).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }
}
