package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview without a browser: what it shows for data, for small counts and for no data. */
class OverviewViewTest extends PublishedViewTestBase {

    private OverviewView open() {
        OverviewView view = new OverviewView(queries, model, properties,
                de.weserems.integration.dashboard.base.live.Alerts.NONE);
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
    void lists_all_17_districts_with_german_numbers_published_small_counts_and_no_reports() {
        enrol(District.EMSLAND, 1234);
        enrol(District.LEER, 5);
        enrol(District.WITTMUND, 2);
        OverviewView view = open();
        IndicatorReport shown = report(view.state());

        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, view).single();
        var tester = test(grid);
        assertThat(tester.size()).isEqualTo(17);
        assertThat($(Paragraph.class, view).withId("empty-state").exists()).as("empty state hidden").isFalse();
        assertThat($(Span.class, view).withId("region-enrolments").single().getText())
                .isEqualTo(german(published(shown.region().count("enrolments"), 1241)));
        int emsland = row(grid, "03454");
        AreaFigures emslandShown = area(shown, District.EMSLAND);
        assertThat(tester.getRow(emsland).count("enrolments"))
                .isEqualTo(published(emslandShown.count("enrolments"), 1234));
        // about 1,234 × 10,000 / 325,657 residents = 37.9
        assertThat(tester.getCellText(emsland, 3)).isEqualTo(german(emslandShown.per10k().get("enrolments")));
        // small counts are shown too, slightly changed, never as a 1 or a 2: Wittmund's 2, and Leer's 5
        // beside it (nothing is withheld for being small any more, so nothing else to hide it)
        int wittmund = row(grid, "03462");
        AreaFigures wittmundShown = area(shown, District.WITTMUND);
        assertThat(tester.getRow(wittmund).count("enrolments"))
                .isEqualTo(published(wittmundShown.count("enrolments"), 2));
        assertThat(tester.getCellText(wittmund, 3)).isEqualTo(german(wittmundShown.per10k().get("enrolments")));
        assertThat(tester.getRow(row(grid, "03457")).count("enrolments"))
                .isEqualTo(published(area(shown, District.LEER).count("enrolments"), 5));
        assertThat(tester.getRow(row(grid, "03401")).reported()).isFalse();
        assertThat(tester.getCellText(row(grid, "03401"), 4)).isEqualTo("keine Meldungen");
    }

    @Test
    void links_the_regions_monthly_report_of_the_periods_last_month() {
        UI.getCurrent().setLocale(Locale.GERMANY);
        OverviewView view = open(OverviewView.class, "from=2026-01&to=2026-09");
        Anchor link = $(Anchor.class, view).withId("region-report").single();
        assertThat(link.getText()).isEqualTo("Monatsbericht Weser-Ems (PDF)");
        assertThat(link.getHref()).isEqualTo("berichte/region/2026-09.pdf?lang=de");
    }

    @Test
    void shows_a_legend_that_explains_the_changed_counts_and_the_dash() {
        OverviewView view = open();
        String legend = $(Paragraph.class, view).all().stream().map(Paragraph::getText)
                .filter(text -> text.startsWith("Die Anzahlen sind leicht verändert")).findFirst()
                .orElseThrow(() -> new AssertionError("no legend"));
        assertThat(legend)
                .startsWith("Die Anzahlen sind leicht verändert, um Einzelpersonen zu schützen; Abweichung höchstens ±"
                        + queries.confidentiality().maxDeviation() + ".")
                .contains("Eine 1 oder eine 2 wird nie als solche gezeigt.")
                .contains("Dieselbe Abfrage ergibt bei gleichem Datenstand immer dieselben Zahlen.")
                .contains("– = Quote oder Median auf weniger als " + queries.confidentiality().minCases() + " Fällen.")
                .contains("„keine Meldungen“ = für diesen Kreis hat im Zeitraum niemand gemeldet.");
    }

    @Test
    void the_url_chooses_period_and_course_type_and_a_filter_change_navigates() {
        enrol(District.EMSLAND, 40, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 7, TODAY, CourseType.JOB_LANGUAGE_COURSE);
        enrol(District.LEER, 30, TODAY.minusYears(2), CourseType.INTEGRATION_COURSE);

        OverviewView view = open(OverviewView.class, "kurs=JOB_LANGUAGE_COURSE");
        assertThat(regionEnrolments(view)).isEqualTo(publishedRegionEnrolments(view, 7));

        @SuppressWarnings("unchecked")
        Select<CourseType> course = $(Select.class, view).withId("filter-course").single();
        test(course).selectItem("Integrationskurs");
        OverviewView after = (OverviewView) getCurrentView();
        assertThat(regionEnrolments(after)).isEqualTo(publishedRegionEnrolments(after, 40));
        assertThat(after.state().courseType()).isEqualTo(CourseType.INTEGRATION_COURSE);

        @SuppressWarnings("unchecked")
        Select<YearMonth> from = $(Select.class, after).withId("filter-from").single();
        test(from).selectItem("November 2024");
        @SuppressWarnings("unchecked")
        Select<YearMonth> to = $(Select.class, after).withId("filter-to").single();
        test(to).selectItem("November 2024");
        OverviewView november2024 = (OverviewView) getCurrentView();
        assertThat(regionEnrolments(november2024)).isEqualTo(publishedRegionEnrolments(november2024, 30));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .contains("from=2024-11").contains("to=2024-11");
    }

    @Test
    void kpi_tiles_show_the_change_against_the_previous_period_or_a_dash() {
        enrol(District.EMSLAND, 50, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.EMSLAND, 40, TODAY.minusMonths(1), CourseType.INTEGRATION_COURSE);
        complete(District.EMSLAND, 20, TODAY, Outcome.PASSED);
        OverviewView view = open(OverviewView.class, "from=2026-11&to=2026-11");
        // 50 against 40 is +25 %; the change of the published counts (at least 48 against at most 42) is shown
        long now = published(report(view.state()).region().count("enrolments"), 50);
        YearMonth[] before = view.state().previousPeriod();
        long earlier = published(queries.report(before[0], before[1], Set.of(), null).region().count("enrolments"), 40);
        BigDecimal percent = BigDecimal.valueOf(100 * (now - earlier)).divide(BigDecimal.valueOf(earlier), 1,
                RoundingMode.HALF_UP);
        assertThat($(Span.class, view).withId("change-enrolments").single().getText())
                .isEqualTo("▲ " + german(percent) + " %");
        // no completions in October: no percentage to show
        assertThat($(Span.class, view).withId("change-completions").single().getText()).isEqualTo("–");
        assertThat($(Span.class, view).withId("region-completionRate").single().getText()).isEqualTo("100,0 %");
    }

    @Test
    void the_map_gets_the_chosen_indicator_per_10000_for_all_17_districts() {
        enrol(District.EMSLAND, 100);
        OverviewView view = open(OverviewView.class, "indikator=enrolments&modus=je10000");
        String data = $(DistrictMap.class, view).single().getElement().getAttribute("data");
        assertThat(data).contains("\"format\":\"per10k\"").contains("\"ags\":\"03454\"");
        assertThat(data.split("\"ags\"").length - 1).isEqualTo(17);
        // about 100 × 10,000 / 325,657 residents = 3.1
        AreaFigures emsland = area(report(view.state()), District.EMSLAND);
        published(emsland.count("enrolments"), 100);
        JsonNode emslandOnMap = area(mapData(view), "03454");
        assertThat(emslandOnMap.get("display").asString()).isEqualTo(german(emsland.per10k().get("enrolments")));
        assertThat(emslandOnMap.get("value").asDouble()).isEqualTo(emsland.per10k().get("enrolments").doubleValue());
        // a rate indicator is always shown as a rate, whatever the URL asks for
        OverviewView rate = open(OverviewView.class, "indikator=completionRate&modus=je10000");
        assertThat(rate.state().mode()).isEqualTo(Indicator.Mode.RATE);
    }

    @Test
    void the_map_legend_and_tooltips_carry_numbers_written_for_the_page_language() {
        enrol(District.EMSLAND, 1234);
        enrol(District.LEER, 1000);
        OverviewView absolute = open(OverviewView.class, "indikator=enrolments&modus=absolut");
        IndicatorReport shown = report(absolute.state());
        AreaFigures emsland = area(shown, District.EMSLAND);
        AreaFigures leer = area(shown, District.LEER);
        long emslandCount = published(emsland.count("enrolments"), 1234);
        long leerCount = published(leer.count("enrolments"), 1000);
        JsonNode german = mapData(absolute);
        assertThat(german.get("locale").asString()).isEqualTo("de-DE");
        assertThat(german.get("digits").asInt()).isZero();
        assertThat(german.get("high").asString()).isEqualTo("hoch: " + german(emslandCount));
        assertThat(german.get("low").asString()).isEqualTo("niedrig: " + german(leerCount));
        assertThat(area(german, "03454").get("display").asString()).isEqualTo(german(emslandCount));
        assertThat(area(german, "03462").get("display").asString()).isEqualTo("keine Meldungen");

        JsonNode per10k = mapData(open(OverviewView.class, "indikator=enrolments&modus=je10000"));
        assertThat(per10k.get("digits").asInt()).isEqualTo(1);
        // Leer: about 1,000 × 10,000 / 169,809 residents = 58.9; Emsland: about 1,234 × 10,000 / 325,657 = 37.9
        BigDecimal leerPer10k = leer.per10k().get("enrolments");
        BigDecimal emslandPer10k = emsland.per10k().get("enrolments");
        assertThat(per10k.get("high").asString()).isEqualTo("hoch: " + german(leerPer10k));
        assertThat(per10k.get("low").asString()).isEqualTo("niedrig: " + german(emslandPer10k));

        UI.getCurrent().setLocale(Locale.UK);
        JsonNode english = mapData(open(OverviewView.class, "indikator=enrolments&modus=je10000"));
        assertThat(english.get("locale").asString()).isEqualTo("en-GB");
        assertThat(english.get("high").asString()).isEqualTo("high: " + english(leerPer10k));
        assertThat(area(english, "03454").get("display").asString()).isEqualTo(english(emslandPer10k));
    }

    @Test
    void a_map_with_nothing_to_show_writes_the_dash_at_both_ends_of_its_legend() {
        complete(District.EMSLAND, 2, TODAY, Outcome.PASSED); // a rate on fewer than 10 cases is withheld
        JsonNode data = mapData(open(OverviewView.class, "indikator=completionRate&modus=quote"));
        assertThat(area(data, "03454").get("display").asString()).isEqualTo("–");
        assertThat(area(data, "03454").get("value").isNull()).isTrue();
        assertThat(data.get("high").asString()).isEqualTo("hoch: –");
        assertThat(data.get("low").asString()).isEqualTo("niedrig: –");
    }

    @Test
    void a_small_count_is_on_the_map_as_published_and_a_map_of_zeros_names_no_1_in_its_legend() {
        enrol(District.EMSLAND, 2);
        OverviewView view = open(OverviewView.class, "indikator=enrolments&modus=absolut");
        long emsland = published(area(report(view.state()), District.EMSLAND).count("enrolments"), 2);
        JsonNode data = mapData(view);
        assertThat(area(data, "03454").get("display").asString()).isEqualTo(german(emsland));
        assertThat(area(data, "03454").get("value").asDouble()).isEqualTo(emsland);
        assertThat(data.get("high").asString()).isEqualTo("hoch: " + german(emsland));
        assertThat(data.get("low").asString()).isEqualTo("niedrig: 0");

        // no placements anywhere: every district reported shows 0, and so do both ends of the legend
        // (its colour scale ends at 1, a count the legend must not name)
        JsonNode placements = mapData(open(OverviewView.class, "indikator=placements&modus=absolut"));
        assertThat(area(placements, "03454").get("display").asString()).isEqualTo("0");
        assertThat(placements.get("max").asDouble()).isEqualTo(1);
        assertThat(placements.get("high").asString()).isEqualTo("hoch: 0");
        assertThat(placements.get("low").asString()).isEqualTo("niedrig: 0");
    }

    private String regionEnrolments(OverviewView view) {
        return $(Span.class, view).withId("region-enrolments").single().getText();
    }

    /** The region's enrolments the overview in its state must show, {@code truth} slightly changed. */
    private String publishedRegionEnrolments(OverviewView view, long truth) {
        return german(published(report(view.state()).region().count("enrolments"), truth));
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
