package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.dashboard.testing.TestForeignResidents;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the operator's residents of foreign nationality: the pages show the figures per 10,000 of them
 * where they show the figures per 10,000 residents, and Methodik defines them and names year and source.
 */
class ForeignResidentsViewTest extends PublishedViewTestBase {

    @Override
    protected ForeignResidents foreignResidents() {
        return TestForeignResidents.figures();
    }

    @Test
    void the_overview_shows_enrolments_per_10000_foreign_residents_beside_those_per_10000_residents() {
        enrol(District.EMSLAND, 40);
        OverviewView view = new OverviewView(queries, model, properties,
                de.weserems.integration.dashboard.base.live.Alerts.NONE);
        UI.getCurrent().add(view);
        AreaFigures emsland = area(report(view.state()), District.EMSLAND);

        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, view).single();
        assertThat(grid.getColumns().get(4).getHeaderText()).isEqualTo("Kursanmeldungen je 10.000 ausl. Einw.");
        int row = IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).district().equals("03454")).findFirst().orElseThrow();
        // about 40 × 10,000 / 18,000 = 22.2, from the published count
        assertThat(test(grid).getCellText(row, 4)).isEqualTo(german(emsland.per10kForeign().get("enrolments")));
        assertThat(emsland.per10kForeign().get("enrolments").doubleValue())
                .isEqualTo(published(emsland.count("enrolments"), 40) * 10_000.0 / 18_000, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void the_district_page_and_the_comparison_show_all_three_figures_per_10000_foreign_residents() {
        enrol(District.EMSLAND, 40);
        enrol(District.LEER, 12);
        UI.getCurrent().navigate(DistrictView.class, DistrictView.parameters(District.EMSLAND), QueryParameters.empty());
        DistrictView district = (DistrictView) getCurrentView();
        IndicatorReport shown = report(district.state());
        @SuppressWarnings("unchecked")
        Grid<DistrictView.FigureRow> figures = $(Grid.class, district).withId("district-figures").single();
        DistrictView.FigureRow row = IntStream.range(0, test(figures).size()).mapToObj(i -> test(figures).getRow(i))
                .filter(r -> r.label().equals("Kursanmeldungen je 10.000 ausl. Einw.")).findFirst().orElseThrow();
        assertThat(row.district()).isEqualTo(german(area(shown, District.EMSLAND).per10kForeign().get("enrolments")));
        assertThat(row.region()).isEqualTo(german(shown.region().per10kForeign().get("enrolments")));
        assertThat(IntStream.range(0, test(figures).size()).mapToObj(i -> test(figures).getRow(i).label()))
                .contains("Kursabschlüsse je 10.000 ausl. Einw.", "Vermittlungen je 10.000 ausl. Einw.");

        CompareView compare = open(CompareView.class, "kreise=03454,03457");
        @SuppressWarnings("unchecked")
        Grid<CompareView.Row> table = $(Grid.class, compare).withId("compare-table").single();
        // a row per figure: the six per 10,000 residents and rates, then these three; a column per district
        List<String> indicators = IntStream.range(0, test(table).size()).mapToObj(i -> test(table).getRow(i).indicator())
                .toList();
        int foreign = indicators.indexOf("Kursanmeldungen je 10.000 ausl. Einw.");
        assertThat(foreign).as("rows %s", indicators).isEqualTo(Indicator.values().length);
        assertThat(indicators).contains("Vermittlungen je 10.000 ausl. Einw.");
        AreaFigures leer = area(report(compare.state()), District.LEER);
        assertThat(test(table).getCellText(foreign, 2)).startsWith(german(leer.per10kForeign().get("enrolments")) + " (");
        // the export is exactly the table
        String csv = $(ExportLinks.class, compare).single().csv();
        assertThat(csv.lines()).anyMatch(line -> line.startsWith("Kursanmeldungen je 10.000 ausl. Einw.;"));
        assertThat(csv).contains(german(leer.per10kForeign().get("enrolments")));
    }

    @Test
    void methodik_defines_the_figure_and_names_the_year_and_source_in_german_and_english() {
        MethodologyView view = open(MethodologyView.class, "");
        assertThat($(Span.class, view).withId("source-foreign-residents").single().getText())
                .isEqualTo("Einwohner ausländischer Staatsangehörigkeit (Stand 2024): Testzahlen, keine amtlichen");
        assertThat(view.getElement().getOuterHTML()).contains("data-indicator=\"per10kForeign\"")
                .contains("je 10.000 Einwohner ausländischer Staatsangehörigkeit");

        UI.getCurrent().setLocale(Locale.UK);
        open(ChainView.class, "");
        MethodologyView english = open(MethodologyView.class, "");
        assertThat($(Span.class, english).withId("source-foreign-residents").single().getText())
                .isEqualTo("Residents of foreign nationality (2024): Testzahlen, keine amtlichen");
    }
}
