package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

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

    @Test
    void the_map_legend_and_tooltips_carry_numbers_written_for_the_page_language() {
        enrol(District.EMSLAND, 1234);
        enrol(District.LEER, 1000);
        JsonNode german = mapData(open(OverviewView.class, "indikator=enrolments&modus=absolut"));
        assertThat(german.get("locale").asString()).isEqualTo("de-DE");
        assertThat(german.get("digits").asInt()).isZero();
        assertThat(german.get("high").asString()).isEqualTo("hoch: 1.234");
        assertThat(german.get("low").asString()).isEqualTo("niedrig: 1.000");
        assertThat(area(german, "03454").get("display").asString()).isEqualTo("1.234");
        assertThat(area(german, "03462").get("display").asString()).isEqualTo("keine Meldungen");

        JsonNode per10k = mapData(open(OverviewView.class, "indikator=enrolments&modus=je10000"));
        assertThat(per10k.get("digits").asInt()).isEqualTo(1);
        // Leer: 1,000 × 10,000 / 169,809 residents; Emsland: 1,234 × 10,000 / 325,657
        assertThat(per10k.get("high").asString()).isEqualTo("hoch: 58,9");
        assertThat(per10k.get("low").asString()).isEqualTo("niedrig: 37,9");

        UI.getCurrent().setLocale(Locale.UK);
        JsonNode english = mapData(open(OverviewView.class, "indikator=enrolments&modus=je10000"));
        assertThat(english.get("locale").asString()).isEqualTo("en-GB");
        assertThat(english.get("high").asString()).isEqualTo("high: 58.9");
        assertThat(area(english, "03454").get("display").asString()).isEqualTo("37.9");
    }

    @Test
    void a_map_with_nothing_to_show_writes_the_dash_at_both_ends_of_its_legend() {
        enrol(District.EMSLAND, 2); // withheld: under 3 cases
        JsonNode data = mapData(open(OverviewView.class, "indikator=enrolments&modus=absolut"));
        assertThat(area(data, "03454").get("display").asString()).isEqualTo("–");
        assertThat(area(data, "03454").get("value").isNull()).isTrue();
        assertThat(data.get("high").asString()).isEqualTo("hoch: –");
        assertThat(data.get("low").asString()).isEqualTo("niedrig: –");
    }

    private JsonNode mapData(OverviewView view) {
        return JsonMapper.builder().build().readTree($(DistrictMap.class, view).single().getElement().getAttribute("data"));
    }

    private static JsonNode area(JsonNode data, String ags) {
        for (JsonNode area : data.get("areas")) {
            if (area.get("ags").asString().equals(ags)) {
                return area;
            }
        }
        throw new AssertionError(ags + " not on the map");
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
