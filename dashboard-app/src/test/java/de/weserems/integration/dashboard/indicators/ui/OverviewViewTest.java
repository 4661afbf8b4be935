package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import de.weserems.integration.dashboard.indicators.AreaFigures;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview without a browser: what it shows for data, for small counts and for no data. */
class OverviewViewTest extends ViewTestBase {

    private OverviewView open() {
        OverviewView view = new OverviewView(queries, model, properties);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void without_data_a_friendly_empty_state_is_shown() {
        OverviewView view = open();
        Paragraph empty = (Paragraph) $(Paragraph.class, view).withId("empty-state").single();
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).startsWith("Noch keine Meldungen im Zeitraum");
        assertThat($(Span.class, view).withId("last-updated").single().getText()).isEqualTo("Noch keine Daten empfangen");
    }

    @Test
    void lists_all_17_districts_with_german_numbers_dashes_and_no_reports() {
        enrol(District.EMSLAND, 1234);
        enrol(District.LEER, 5);
        enrol(District.WITTMUND, 2);
        OverviewView view = open();

        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, view).single();
        var tester = test(grid);
        assertThat(tester.size()).isEqualTo(17);
        assertThat($(Paragraph.class, view).withId("empty-state").exists()).as("empty state hidden").isFalse();
        assertThat($(Span.class, view).withId("region-enrolments").single().getText()).isEqualTo("1.241");
        int emsland = row(grid, "03454");
        assertThat(tester.getRow(emsland).count("enrolments")).isEqualTo(1234);
        assertThat(tester.getCellText(emsland, 3)).isEqualTo("37,9");
        // Wittmund's 2 is withheld, and Leer's 5 with it (secondary suppression)
        assertThat(tester.getRow(row(grid, "03462")).count("enrolments")).isNull();
        assertThat(tester.getCellText(row(grid, "03462"), 3)).isEqualTo("–");
        assertThat(tester.getRow(row(grid, "03457")).count("enrolments")).isNull();
        assertThat(tester.getRow(row(grid, "03401")).reported()).isFalse();
        assertThat(tester.getCellText(row(grid, "03401"), 4)).isEqualTo("keine Meldungen");
    }

    @Test
    void tells_that_the_data_is_synthetic_in_demo_mode_and_shows_a_legend() {
        OverviewView view = open();
        assertThat($(Paragraph.class, view).all()).anyMatch(p -> p.getText().startsWith("– = aus Datenschutzgründen"));
    }

    @Test
    void the_url_chooses_period_and_course_type_and_a_filter_change_navigates() {
        enrol(District.EMSLAND, 40, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 7, TODAY, CourseType.JOB_LANGUAGE_COURSE);
        enrol(District.LEER, 30, TODAY.minusYears(2), CourseType.INTEGRATION_COURSE);

        OverviewView view = open(OverviewView.class, "kurs=JOB_LANGUAGE_COURSE");
        assertThat($(Span.class, view).withId("region-enrolments").single().getText()).isEqualTo("7");

        @SuppressWarnings("unchecked")
        Select<CourseType> course = $(Select.class, view).withId("filter-course").single();
        test(course).selectItem("Integrationskurs");
        OverviewView after = (OverviewView) getCurrentView();
        assertThat($(Span.class, after).withId("region-enrolments").single().getText()).isEqualTo("40");
        assertThat(after.state().courseType()).isEqualTo(CourseType.INTEGRATION_COURSE);

        @SuppressWarnings("unchecked")
        Select<YearMonth> from = $(Select.class, after).withId("filter-from").single();
        test(from).selectItem("November 2024");
        @SuppressWarnings("unchecked")
        Select<YearMonth> to = $(Select.class, after).withId("filter-to").single();
        test(to).selectItem("November 2024");
        assertThat($(Span.class, (OverviewView) getCurrentView()).withId("region-enrolments").single().getText())
                .isEqualTo("30");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .contains("from=2024-11").contains("to=2024-11");
    }

    @Test
    void kpi_tiles_show_the_change_against_the_previous_period_or_a_dash() {
        enrol(District.EMSLAND, 50, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 40, TODAY.minusMonths(1), CourseType.INTEGRATION_COURSE);
        complete(District.EMSLAND, 20, TODAY, Outcome.PASSED);
        OverviewView view = open(OverviewView.class, "from=2026-11&to=2026-11");
        assertThat($(Span.class, view).withId("change-enrolments").single().getText()).isEqualTo("▲ 25,0 %");
        // no completions in October: no percentage to show
        assertThat($(Span.class, view).withId("change-completions").single().getText()).isEqualTo("–");
        assertThat($(Span.class, view).withId("region-completionRate").single().getText()).isEqualTo("100,0 %");
    }

    @Test
    void the_map_gets_the_chosen_indicator_per_10000_for_all_17_districts() {
        enrol(District.EMSLAND, 100);
        OverviewView view = open(OverviewView.class, "indikator=enrolments&modus=je10000");
        String data = $(DistrictMap.class, view).single().getElement().getAttribute("data");
        assertThat(data).contains("\"format\":\"per10k\"").contains("\"ags\":\"03454\"").contains("3,1");
        assertThat(data.split("\"ags\"").length - 1).isEqualTo(17);
        // a rate indicator is always shown as a rate, whatever the URL asks for
        OverviewView rate = open(OverviewView.class, "indikator=completionRate&modus=je10000");
        assertThat(rate.state().mode()).isEqualTo(Indicator.Mode.RATE);
    }

    static int row(Grid<AreaFigures> grid, String ags) {
        List<AreaFigures> items = grid.getGenericDataView().getItems().toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).district().equals(ags)) {
                return i;
            }
        }
        throw new AssertionError(ags + " not in the grid");
    }
}
