package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.query.MonthlyReport;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A district's page: its figures beside the region's, month by month, small counts and unreported values. */
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

    /** Navigates to {@code district}'s page with the URL query {@code query}. */
    private DistrictView openDistrict(District district, String query) {
        UI.getCurrent().navigate(DistrictView.class, DistrictView.parameters(district), QueryParameters.fromString(query));
        return (DistrictView) getCurrentView();
    }
}
