package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.query.MonthlyReport;
import de.weserems.integration.dashboard.indicators.query.BreakdownFigures;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Sex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district's page: its figures beside the region's, month by month, small counts and unreported values,
 * and the breakdowns of contract v2 with "ohne Angabe" for what v1 events do not state.
 */
class DistrictViewTest extends PublishedViewTestBase {

    @Test
    void shows_the_district_beside_the_region_month_by_month() {
        enrol(District.EMSLAND, 12, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 5, TODAY.minusMonths(1), CourseType.JOB_LANGUAGE_COURSE);
        enrol(District.LEER, 30, TODAY, CourseType.INTEGRATION_COURSE);
        complete(District.EMSLAND, 2, TODAY, Outcome.PASSED);

        DistrictView view = openDistrict(District.EMSLAND, "from=2026-10&to=2026-11");
        assertThat($(H2.class, view).first().getText()).isEqualTo("Emsland");
        assertThat($(Select.class, view).withId("filter-course").single().getHelperText())
                .as("all course types: nothing to explain").isNullOrEmpty();
        IndicatorReport shown = report(view.state());
        AreaFigures emsland = area(shown, District.EMSLAND);
        @SuppressWarnings("unchecked")
        Grid<DistrictView.FigureRow> figures = $(Grid.class, view).withId("district-figures").single();
        DistrictView.FigureRow enrolments = test(figures).getRow(0);
        assertThat(enrolments.label()).isEqualTo("Kursanmeldungen");
        assertThat(enrolments.district()).isEqualTo(german(published(emsland.count("enrolments"), 17)));
        assertThat(enrolments.region()).isEqualTo(german(published(shown.region().count("enrolments"), 47)));
        // 2 completions are shown too, slightly changed, never as a 1 or a 2
        assertThat(test(figures).getRow(1).label()).isEqualTo("Kursabschlüsse");
        assertThat(test(figures).getRow(1).district()).isEqualTo(german(published(emsland.count("completions"), 2)));

        // each month is a cell of its own, published on its own: the months need not add up to the period
        MonthlyReport monthly = queries.monthly(District.EMSLAND, view.state().from(), view.state().to(), null);
        @SuppressWarnings("unchecked")
        Grid<?> months = $(Grid.class, view).withId("district-months").single();
        assertThat(test(months).size()).isEqualTo(2);
        // October and November 2026 are among the provisional months (today is 25 November)
        assertThat(test(months).getCellText(0, 0)).isEqualTo("Okt. 2026 (vorläufig)");
        assertThat(test(months).getCellText(0, 1))
                .isEqualTo(german(published(monthly.months().get(0).figures().count("enrolments"), 5)));
        assertThat(test(months).getCellText(1, 1))
                .isEqualTo(german(published(monthly.months().get(1).figures().count("enrolments"), 12)));
        assertThat(test(months).getCellText(1, 2))
                .isEqualTo(german(published(monthly.months().get(1).region().count("enrolments"), 42)));
    }

    @Test
    void the_months_chart_draws_the_published_counts_with_a_gap_where_nobody_reported_as_its_table_shows_them() {
        enrol(District.EMSLAND, 12, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 5, TODAY.minusMonths(2), CourseType.INTEGRATION_COURSE);
        DistrictView view = openDistrict(District.EMSLAND, "from=2026-09&to=2026-11");
        MonthlyReport monthly = queries.monthly(District.EMSLAND, view.state().from(), view.state().to(), null);
        SeriesChart.Data chart = $(SeriesChart.class, view).withId("district-months-chart").single().getData();

        assertThat(chart.type()).isEqualTo(SeriesChart.Type.LINE);
        assertThat(chart.categories()).containsExactly("Sept. 2026", "Okt. 2026", "Nov. 2026");
        assertThat(chart.series()).extracting(SeriesChart.Series::name)
                .containsExactly("Kursanmeldungen", "Kursabschlüsse", "Vermittlungen in Arbeit/Ausbildung");
        SeriesChart.Series enrolments = chart.series().getFirst();
        long september = published(monthly.months().get(0).figures().count("enrolments"), 5);
        long november = published(monthly.months().get(2).figures().count("enrolments"), 12);
        // October: nobody reported for Emsland, so no value is published: a gap, never a 0
        assertThat(enrolments.values()).containsExactly((double) september, null, (double) november);
        assertThat(enrolments.texts()).containsExactly(german(september), "keine Meldungen", german(november));
        assertThat(chart.description()).startsWith("Liniendiagramm: Kursanmeldungen, Kursabschlüsse und "
                        + "Vermittlungen in Emsland Monat für Monat")
                .contains("Okt. 2026: Kursanmeldungen keine Meldungen, Kursabschlüsse keine Meldungen");

        // the table below is the chart's alternative: its district columns hold the chart's texts, month by month
        @SuppressWarnings("unchecked")
        Grid<?> months = $(Grid.class, view).withId("district-months").single();
        for (int month = 0; month < 3; month++) {
            for (int series = 0; series < 3; series++) {
                assertThat(test(months).getCellText(month, 1 + 2 * series)).as("month %d, %s", month,
                        chart.series().get(series).name()).isEqualTo(chart.series().get(series).texts().get(month));
            }
        }
    }

    @Test
    void the_current_month_and_the_two_before_are_marked_provisional() {
        enrol(District.EMSLAND, 12, TODAY, CourseType.INTEGRATION_COURSE);
        DistrictView recent = openDistrict(District.EMSLAND, "from=2026-07&to=2026-11");
        @SuppressWarnings("unchecked")
        Grid<?> months = $(Grid.class, recent).withId("district-months").single();
        assertThat(test(months).getCellText(1, 0)).isEqualTo("Aug. 2026");
        assertThat(test(months).getCellText(2, 0)).isEqualTo("Sept. 2026 (vorläufig)");
        assertThat(test(months).getCellText(4, 0)).isEqualTo("Nov. 2026 (vorläufig)");
        Paragraph note = $(Paragraph.class, recent).withId("provisional-note").single();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("Vorläufig: Die Zahlen ab September 2026 können sich noch ändern");

        DistrictView past = openDistrict(District.EMSLAND, "from=2026-01&to=2026-08");
        assertThat($(Paragraph.class, past).withId("provisional-note").all())
                .as("no visible note for a period before the provisional months").isEmpty();
    }

    @Test
    void a_district_nobody_reported_for_says_so_instead_of_zero() {
        enrol(District.EMSLAND, 12);
        DistrictView view = openDistrict(District.WITTMUND, "from=2026-11&to=2026-11");
        @SuppressWarnings("unchecked")
        Grid<DistrictView.FigureRow> figures = $(Grid.class, view).withId("district-figures").single();
        assertThat(test(figures).getRow(0).district()).isEqualTo("keine Meldungen");
        assertThat(test(figures).getRow(0).region())
                .isEqualTo(german(published(report(view.state()).region().count("enrolments"), 12)));
        assertThat(test(grid(view, "district-target-level")).getRow(0).district()).isEqualTo("keine Meldungen");
        Grid<BreakdownSections.FundingRow> funding = funding(view);
        assertThat(test(funding).getRow(9).enrolments()).isEqualTo("keine Meldungen");
        assertThat(test(funding).getRow(9).regionEnrolments())
                .isEqualTo(german(published(report(view.state()).region(), "enrolmentsByFundingSource",
                        "NOT_STATED", 12)));
    }

    @Test
    void before_any_report_the_breakdowns_keep_their_rows() {
        DistrictView view = openDistrict(District.EMSLAND, "from=2026-11&to=2026-11");
        Grid<DistrictView.FigureRow> target = grid(view, "district-target-level");
        assertThat(labels(target)).containsExactly("Erstversuch", "Wiederholung", "Versuch ohne Angabe",
                "Kursvariante ohne Angabe");
        assertThat(test(target).getRow(0).district()).isEqualTo("keine Meldungen");
        assertThat(test(target).getRow(0).region()).isEqualTo("–");
        assertThat(test(funding(view)).size()).isEqualTo(10);
        assertThat(test(funding(view)).getRow(0).enrolments()).isEqualTo("keine Meldungen");
    }

    @Test
    void the_course_type_filter_narrows_the_page() {
        enrol(District.EMSLAND, 12, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 5, TODAY, CourseType.JOB_LANGUAGE_COURSE);
        DistrictView view = openDistrict(District.EMSLAND, "kurs=JOB_LANGUAGE_COURSE");
        assertThat($(Select.class, view).withId("filter-course").single().getHelperText())
                .isEqualTo("Vermittlungen werden nicht nach Kursart gefiltert: Sie zeigen alle Kursarten.");
        @SuppressWarnings("unchecked")
        Grid<DistrictView.FigureRow> figures = $(Grid.class, view).withId("district-figures").single();
        // 5, slightly changed: far from the 17 of both course types
        assertThat(test(figures).getRow(0).district())
                .isEqualTo(german(published(area(report(view.state()), District.EMSLAND).count("enrolments"), 5)));
    }

    @Test
    void the_page_names_the_providers_that_report_for_the_district() {
        ProviderActivityTestAccess.store(activity, "jc-emsland", "2026-11-20T09:00:00Z", Map.of("03454", 5));
        ProviderActivityTestAccess.store(activity, "demo", "2026-11-24T09:00:00Z", Map.of("03454", 2, "03457", 1));
        ProviderActivityTestAccess.deliver(activity, "vhs-wittmund", "2026-11-24T10:00:00Z", 422, 3, 0, false,
                Map.of("district/district-not-allowed", 3));   // refused: reports for no district

        DistrictView emsland = openDistrict(District.EMSLAND, "");
        assertThat($(Paragraph.class, emsland).withId("district-providers").single().getText())
                .isEqualTo("Es melden für diesen Kreis: demo (zuletzt 24.11.2026), jc-emsland (zuletzt 20.11.2026)");
        DistrictView wittmund = openDistrict(District.WITTMUND, "");
        assertThat($(Paragraph.class, wittmund).withId("district-providers").single().getText())
                .isEqualTo("Es melden für diesen Kreis: bisher keine Lieferung");
    }

    @Test
    void shows_the_breakdowns_of_contract_v2_as_published() {
        v2(District.EMSLAND, 12, EventType.COURSE_ENROLMENT, CourseType.INTEGRATION_COURSE, null, null,
                CourseVariant.GENERAL, null, null, FundingSource.BAMF_INTV);
        v2(District.EMSLAND, 5, EventType.COURSE_ENROLMENT, CourseType.JOB_LANGUAGE_COURSE, null, null,
                CourseVariant.BASIC_B2, LanguageLevel.B2, null, FundingSource.JOBCENTER_SGB2);
        enrol(District.EMSLAND, 4);   // contract v1: no variant, no funding
        v2(District.EMSLAND, 20, EventType.COURSE_COMPLETION, CourseType.INTEGRATION_COURSE, Outcome.PASSED,
                LanguageLevel.B1, CourseVariant.GENERAL, LanguageLevel.B1, Attempt.FIRST, FundingSource.BAMF_INTV);
        v2(District.EMSLAND, 6, EventType.COURSE_COMPLETION, CourseType.INTEGRATION_COURSE, Outcome.FAILED,
                LanguageLevel.A2, CourseVariant.GENERAL, LanguageLevel.B1, Attempt.FIRST, FundingSource.BAMF_INTV);
        complete(District.EMSLAND, 3, TODAY, Outcome.PASSED);   // v1: no exam level stated
        place(District.EMSLAND, 8, PlacementType.EMPLOYMENT);
        place(District.EMSLAND, 3, PlacementType.MARGINAL_EMPLOYMENT);
        // Leer in every table too, so that a district cell showing the region's figure would be seen
        v2(District.LEER, 6, EventType.COURSE_ENROLMENT, CourseType.INTEGRATION_COURSE, null, null,
                CourseVariant.YOUTH, null, null, FundingSource.LAND_NIEDERSACHSEN);
        enrol(District.LEER, 9);
        v2(District.LEER, 10, EventType.COURSE_COMPLETION, CourseType.INTEGRATION_COURSE, Outcome.PASSED,
                LanguageLevel.B1, CourseVariant.GENERAL, LanguageLevel.B1, Attempt.FIRST, FundingSource.BAMF_INTV);
        complete(District.LEER, 7, TODAY, Outcome.PASSED);
        place(District.LEER, 10, PlacementType.EMPLOYMENT);
        place(District.LEER, 6, PlacementType.MARGINAL_EMPLOYMENT);

        DistrictView view = openDistrict(District.EMSLAND, "from=2026-11&to=2026-11");
        IndicatorReport shown = report(view.state());
        AreaFigures emsland = area(shown, District.EMSLAND);
        AreaFigures region = shown.region();

        // target level: 26 examined on their first attempt, 20 reached (Weser-Ems: 36, 30); only variants
        // with examined cases
        Grid<DistrictView.FigureRow> target = grid(view, "district-target-level");
        assertThat(labels(target)).containsExactly("Erstversuch", "Wiederholung", "Versuch ohne Angabe",
                "Allgemeiner Integrationskurs", "Kursvariante ohne Angabe");
        BreakdownFigures.TargetLevel first = emsland.targetLevelReached().get("byAttempt").get("FIRST");
        published(first.reached(), 20);
        assertThat(first.examined()).isBetween(20L, 32L);
        assertThat(first.rate()).isNotNull();
        assertThat(test(target).getRow(0).district())
                .isEqualTo(german(first.rate().movePointRight(2)) + " % von " + german(first.examined()));
        BreakdownFigures.TargetLevel regionFirst = region.targetLevelReached().get("byAttempt").get("FIRST");
        published(regionFirst.reached(), 30);
        assertThat(test(target).getRow(0).region())
                .isEqualTo(german(regionFirst.rate().movePointRight(2)) + " % von " + german(regionFirst.examined()));
        assertThat(test(target).getRow(1).district()).as("no repeat examined: no rate").isEqualTo("–");
        assertThat($(Paragraph.class, view).withId("district-target-level-about").single().getText())
                .contains("Zielniveau und Prüfung");

        Grid<DistrictView.FigureRow> exams = grid(view, "district-exam-levels");
        assertThat(labels(exams)).containsExactly("B1 oder höher", "A2", "unter A2", "ohne Angabe");
        String levels = "integrationCourseExamLevels";
        assertThat(test(exams).getRow(0).district()).isEqualTo(german(published(emsland, levels, "B1_OR_HIGHER", 20)));
        assertThat(test(exams).getRow(0).region()).isEqualTo(german(published(region, levels, "B1_OR_HIGHER", 30)));
        assertThat(test(exams).getRow(1).district()).isEqualTo(german(published(emsland, levels, "A2", 6)));
        assertThat(test(exams).getRow(3).district()).isEqualTo(german(published(emsland, levels, "NOT_STATED", 3)));
        assertThat(test(exams).getRow(3).region()).isEqualTo(german(published(region, levels, "NOT_STATED", 10)));

        Grid<DistrictView.FigureRow> variants = grid(view, "district-course-variants");
        assertThat(labels(variants)).hasSize(15).startsWith("Allgemeiner Integrationskurs", "Jugendintegrationskurs")
                .contains("Basismodul B2", "Spezialmodul berufsfachlich").endsWith("ohne Angabe");
        String byVariant = "enrolmentsByCourseVariant";
        assertThat(test(variants).getRow(0).district()).isEqualTo(german(published(emsland, byVariant, "GENERAL", 12)));
        assertThat(test(variants).getRow(1).district()).isEqualTo(german(published(emsland, byVariant, "YOUTH", 0)));
        assertThat(test(variants).getRow(1).region()).isEqualTo(german(published(region, byVariant, "YOUTH", 6)));
        assertThat(test(variants).getRow(7).district()).isEqualTo(german(published(emsland, byVariant, "BASIC_B2", 5)));
        assertThat(test(variants).getRow(14).district())
                .isEqualTo(german(published(emsland, byVariant, "NOT_STATED", 4)));
        assertThat(test(variants).getRow(14).region())
                .isEqualTo(german(published(region, byVariant, "NOT_STATED", 13)));

        Grid<BreakdownSections.FundingRow> funding = funding(view);
        assertThat(test(funding).size()).isEqualTo(10);
        assertThat(test(funding).getRow(0)).isEqualTo(
                fundingRow("BAMF – Integrationskursverordnung", emsland, region, "BAMF_INTV", 12, 12, 26, 36));
        assertThat(test(funding).getRow(2)).isEqualTo(
                fundingRow("Land Niedersachsen", emsland, region, "LAND_NIEDERSACHSEN", 0, 6, 0, 0));
        assertThat(test(funding).getRow(3)).isEqualTo(
                fundingRow("Jobcenter (SGB II)", emsland, region, "JOBCENTER_SGB2", 5, 5, 0, 0));
        assertThat(test(funding).getRow(9)).isEqualTo(
                fundingRow("ohne Angabe", emsland, region, "NOT_STATED", 4, 13, 3, 10));

        Grid<DistrictView.FigureRow> placements = grid(view, "district-placement-types");
        assertThat(labels(placements)).containsExactly("Sozialversicherungspflichtige Beschäftigung",
                "Ausbildung (dual)", "Selbstständigkeit", "Minijob (geringfügig)",
                "Vollzeitschulische Berufsausbildung");
        String byType = "placementsByType";
        assertThat(test(placements).getRow(0).district())
                .isEqualTo(german(published(emsland, byType, "EMPLOYMENT", 8)));
        assertThat(test(placements).getRow(0).region()).isEqualTo(german(published(region, byType, "EMPLOYMENT", 18)));
        assertThat(test(placements).getRow(3).district())
                .isEqualTo(german(published(emsland, byType, "MARGINAL_EMPLOYMENT", 3)));
        assertThat(test(placements).getRow(3).region())
                .isEqualTo(german(published(region, byType, "MARGINAL_EMPLOYMENT", 9)));
        assertThat($(Paragraph.class, view).withId("district-placement-types-about").single().getText())
                .contains("außer Minijobs", "nicht nach Kursart gefiltert");
    }

    @Test
    void by_sex_only_for_a_quarter_or_a_year_with_a_hint_otherwise() {
        LocalDate august = TODAY.minusMonths(3);
        for (Sex sex : List.of(Sex.FEMALE, Sex.FEMALE, Sex.MALE, Sex.DIVERSE, Sex.UNSPECIFIED)) {
            count(4, () -> new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT, august, District.EMSLAND,
                    null, null, null, null, PlacementType.EMPLOYMENT, null, null, null, null, null, null, null, sex,
                    "demo", Instant.now()));
        }
        enrol(District.EMSLAND, 6, august, CourseType.INTEGRATION_COURSE);

        // the third quarter: the page offers no month after the current one, so a quarter once it is over
        DistrictView quarter = openDistrict(District.EMSLAND, "from=2026-07&to=2026-09");
        // the query finds visible components only
        assertThat($(Paragraph.class, quarter).withId("district-by-sex-hint").all()).isEmpty();
        Grid<DistrictView.FigureRow> bySex = grid(quarter, "district-by-sex");
        assertThat(labels(bySex)).hasSize(20).startsWith("Kursanmeldungen: weiblich", "Kursanmeldungen: männlich",
                "Kursanmeldungen: divers oder keine Angabe", "Kursanmeldungen: ohne Angabe")
                .endsWith("Vermittlung binnen 6 Monaten: divers oder keine Angabe",
                        "Vermittlung binnen 6 Monaten: ohne Angabe");
        // no passed completion whose window has ended: the rate has no case, "–"
        assertThat(test(bySex).getRow(16).district()).isEqualTo("–");
        AreaFigures emsland = area(report(quarter.state()), District.EMSLAND);
        AreaFigures region = report(quarter.state()).region();
        assertThat(test(bySex).getRow(3).district())
                .isEqualTo(german(published(emsland, "enrolmentsBySex", "NOT_STATED", 6)));
        DistrictView.FigureRow diverse = test(bySex).getRow(14);
        assertThat(diverse.label()).isEqualTo("Vermittlungen in Arbeit/Ausbildung: divers oder keine Angabe");
        assertThat(diverse.district())
                .isEqualTo(german(published(emsland, "placementsBySex", "DIVERSE_OR_UNSPECIFIED", 8)));
        assertThat(diverse.region())
                .isEqualTo(german(published(region, "placementsBySex", "DIVERSE_OR_UNSPECIFIED", 8)));
        assertThat(test(bySex).getRow(12).district())
                .isEqualTo(german(published(emsland, "placementsBySex", "FEMALE", 8)));

        DistrictView month = openDistrict(District.EMSLAND, "from=2026-08&to=2026-08");
        assertThat($(Grid.class, month).withId("district-by-sex").all()).isEmpty();
        assertThat($(Paragraph.class, month).withId("district-by-sex-hint").single().getText())
                .startsWith("Nach Geschlecht nur für Quartale und Jahre");
    }

    @Test
    void the_breakdowns_in_english() {
        v2(District.EMSLAND, 20, EventType.COURSE_COMPLETION, CourseType.INTEGRATION_COURSE, Outcome.PASSED,
                LanguageLevel.B1, CourseVariant.WOMEN, LanguageLevel.B1, Attempt.REPEAT, FundingSource.BAMF_INTV);
        UI.getCurrent().setLocale(Locale.UK);
        DistrictView view = openDistrict(District.EMSLAND, "from=2026-11&to=2026-11");
        AreaFigures emsland = area(report(view.state()), District.EMSLAND);

        assertThat($(H3.class, view).all()).extracting(H3::getText).contains("Target level reached",
                "Integration course exam results", "Enrolments by course variant", "Funding", "Placements by type");
        Grid<DistrictView.FigureRow> target = grid(view, "district-target-level");
        assertThat(labels(target)).containsExactly("First attempt", "Repeat", "Attempt not stated",
                "Integration course for women", "Course variant not stated");
        BreakdownFigures.TargetLevel repeat = emsland.targetLevelReached().get("byAttempt").get("REPEAT");
        published(repeat.reached(), 20);
        assertThat(test(target).getRow(1).district())
                .isEqualTo(english(repeat.rate().movePointRight(2)) + " % of " + english(repeat.examined()));
        Grid<BreakdownSections.FundingRow> funding = funding(view);
        assertThat(test(funding).getRow(0).label()).isEqualTo("BAMF – integration course ordinance");
        assertThat(test(funding).getRow(0).completions())
                .isEqualTo(english(published(emsland, "completionsByFundingSource", "BAMF_INTV", 20)));
        assertThat(labels(grid(view, "district-exam-levels"))).containsExactly("B1 or higher", "A2", "below A2",
                "not stated");
        assertThat(labels(grid(view, "district-placement-types"))).contains("Mini-job (marginal employment)");
    }

    @Test
    void events_of_contract_v1_are_shown_as_not_stated_never_in_another_bucket() {
        enrol(District.EMSLAND, 12);
        complete(District.EMSLAND, 11, TODAY, Outcome.PASSED);
        DistrictView view = openDistrict(District.EMSLAND, "from=2026-11&to=2026-11");
        AreaFigures emsland = area(report(view.state()), District.EMSLAND);

        Grid<DistrictView.FigureRow> variants = grid(view, "district-course-variants");
        String byVariant = "enrolmentsByCourseVariant";
        assertThat(test(variants).getRow(14).label()).isEqualTo("ohne Angabe");
        assertThat(test(variants).getRow(14).district())
                .isEqualTo(german(published(emsland, byVariant, "NOT_STATED", 12)));
        assertThat(test(variants).getRow(0).district()).isEqualTo(german(published(emsland, byVariant, "GENERAL", 0)));
        Grid<BreakdownSections.FundingRow> funding = funding(view);
        assertThat(test(funding).getRow(9).label()).isEqualTo("ohne Angabe");
        assertThat(test(funding).getRow(9).completions())
                .isEqualTo(german(published(emsland, "completionsByFundingSource", "NOT_STATED", 11)));
        Grid<DistrictView.FigureRow> exams = grid(view, "district-exam-levels");
        assertThat(test(exams).getRow(3).district())
                .isEqualTo(german(published(emsland, "integrationCourseExamLevels", "NOT_STATED", 11)));
        // no target level stated: nobody is examined against one, every rate withheld, "ohne Angabe" kept
        Grid<DistrictView.FigureRow> target = grid(view, "district-target-level");
        assertThat(labels(target)).containsExactly("Erstversuch", "Wiederholung", "Versuch ohne Angabe",
                "Kursvariante ohne Angabe");
        assertThat(test(target).getRow(2).district()).isEqualTo("–");
    }

    @Test
    void the_course_type_filter_leaves_the_variants_of_that_course_type() {
        v2(District.EMSLAND, 5, EventType.COURSE_ENROLMENT, CourseType.JOB_LANGUAGE_COURSE, null, null,
                CourseVariant.SPECIAL_B1, LanguageLevel.B1, null, FundingSource.BAMF_DEUFOEV);
        DistrictView view = openDistrict(District.EMSLAND, "kurs=JOB_LANGUAGE_COURSE");
        assertThat(labels(grid(view, "district-course-variants"))).containsExactly("Basismodul B2", "Basismodul C1",
                "Basismodul C2", "Spezialmodul A2", "Spezialmodul B1", "Spezialmodul Auszubildende",
                "Spezialmodul berufsfachlich", "ohne Angabe");
        assertThat(test(grid(view, "district-course-variants")).getRow(4).district()).isEqualTo(german(published(
                area(report(view.state()), District.EMSLAND).breakdowns().get("enrolmentsByCourseVariant")
                        .get("SPECIAL_B1"), 5)));
    }

    /** Navigates to {@code district}'s page with the URL query {@code query}. */
    @Test
    void links_the_monthly_report_of_the_district_and_the_periods_last_month_in_the_pages_language() {
        UI.getCurrent().setLocale(Locale.GERMANY);
        DistrictView view = openDistrict(District.AURICH, "from=2026-01&to=2026-10");
        Anchor link = $(Anchor.class, view).withId("district-report").single();
        assertThat(link.getText()).isEqualTo("Monatsbericht (PDF)");
        assertThat(link.getHref()).isEqualTo("berichte/03452/2026-10.pdf?lang=de");

        UI.getCurrent().setLocale(Locale.UK);
        DistrictView english = openDistrict(District.AURICH, "from=2026-01&to=2026-10");
        Anchor englishLink = $(Anchor.class, english).withId("district-report").single();
        assertThat(englishLink.getText()).isEqualTo("Monthly report (PDF)");
        assertThat(englishLink.getHref()).isEqualTo("berichte/03452/2026-10.pdf?lang=en");
    }

    private DistrictView openDistrict(District district, String query) {
        UI.getCurrent().navigate(DistrictView.class, DistrictView.parameters(district), QueryParameters.fromString(query));
        return (DistrictView) getCurrentView();
    }

    /** Counts {@code times} events of contract v2 with the fields given (null: not stated), today. */
    private void v2(District district, int times, EventType type, CourseType course, Outcome outcome,
                    LanguageLevel certified, CourseVariant variant, LanguageLevel target, Attempt attempt,
                    FundingSource funding) {
        count(times, () -> new IntegrationEvent(UUID.randomUUID(), type, TODAY, district, null, course,
                outcome, certified, null, variant, target, attempt, funding, null, "demo", Instant.now()));
    }

    private void place(District district, int times, PlacementType placement) {
        count(times, () -> new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT, TODAY,
                district, null, null, null, null, placement, "demo", Instant.now()));
    }

    private void count(int times, Supplier<IntegrationEvent> event) {
        for (int i = 0; i < times; i++) {
            TestReadModels.count(model, event.get());
        }
    }

    /** A bucket of a breakdown of {@code area}, checked as {@link #published(Long, long)} checks a count. */
    private long published(AreaFigures area, String breakdown, String bucket, long truth) {
        return published(area.breakdowns().get(breakdown).get(bucket), truth);
    }

    @SuppressWarnings("unchecked")
    private Grid<DistrictView.FigureRow> grid(DistrictView view, String id) {
        return $(Grid.class, view).withId(id).single();
    }

    /** The funding row the page should show: each cell checked as {@link #published(Long, long)} checks a count. */
    private BreakdownSections.FundingRow fundingRow(String label, AreaFigures district, AreaFigures region,
                                                    String source, long enrolled, long regionEnrolled,
                                                    long completed, long regionCompleted) {
        String enrolments = "enrolmentsByFundingSource";
        String completions = "completionsByFundingSource";
        return new BreakdownSections.FundingRow(label, german(published(district, enrolments, source, enrolled)),
                german(published(region, enrolments, source, regionEnrolled)),
                german(published(district, completions, source, completed)),
                german(published(region, completions, source, regionCompleted)));
    }

    @SuppressWarnings("unchecked")
    private Grid<BreakdownSections.FundingRow> funding(DistrictView view) {
        return $(Grid.class, view).withId("district-funding").single();
    }

    private List<String> labels(Grid<DistrictView.FigureRow> grid) {
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).label()).toList();
    }
}
