package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison: per indicator a bar chart of the chosen districts with the region as a reference line, one
 * table with the indicators as rows and the districts and the region as columns, its CSV export, and what the
 * page says before a valid choice.
 */
class CompareViewTest extends PublishedViewTestBase {

    @SuppressWarnings("unchecked")
    private Grid<CompareView.Row> table(CompareView view) {
        return $(Grid.class, view).withId("compare-table").single();
    }

    @Test
    void before_a_valid_choice_it_explains_what_to_choose_and_offers_the_peer_groups_instead_of_an_empty_table() {
        CompareView view = open(CompareView.class, "kreise=03454");
        assertThat($(Paragraph.class, view).withId("compare-hint").single().getText()).startsWith("Bitte 2 bis 5 Kreise");
        Div empty = $(Div.class, view).withId("compare-empty").single();
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getElement().getTextRecursively()).contains("Kreise vergleichen")
                .contains("Wählen Sie oben im Feld „Kreise“ 2 bis 5")
                .contains("Ein Kreis gewählt – es fehlt noch mindestens einer.");
        assertThat($(Button.class, empty).withId("peer-cities").all()).as("the peer groups in the empty state")
                .hasSize(1);
        assertThat($(Button.class, empty).withId("peer-counties").all()).hasSize(1);
        assertThat($(Grid.class, view).withId("compare-table").all()).as("no empty table").isEmpty();
        assertThat($(Anchor.class, view).withId("vergleich-csv").all()).as("no dead download").isEmpty();
        assertThat($(SeriesChart.class, view).all()).as("no empty charts").isEmpty();

        CompareView two = open(CompareView.class, "kreise=03454,03457");
        assertThat($(Div.class, two).withId("compare-empty").all()).isEmpty();
        assertThat(table(two).isVisible()).isTrue();
        assertThat($(Anchor.class, two).withId("vergleich-csv").single().isVisible()).isTrue();
        assertThat($(Button.class, two).withId("peer-cities").single().getParent().orElseThrow()
                .getChildren()).as("with a choice the peer groups sit beside it")
                .anyMatch(c -> "compare-districts".equals(c.getId().orElse(null)));
    }

    @Test
    void the_table_has_the_indicators_as_rows_and_the_districts_and_the_region_as_columns_and_exports_the_same() {
        enrol(District.EMSLAND, 100);
        enrol(District.LEER, 20);
        enrol(District.AURICH, 2);
        CompareView view = open(CompareView.class, "kreise=03454,03457");
        IndicatorReport shown = report(view.state());
        AreaFigures emsland = area(shown, District.EMSLAND);
        AreaFigures leer = area(shown, District.LEER);
        published(emsland.count("enrolments"), 100);
        published(leer.count("enrolments"), 20);
        published(shown.region().count("enrolments"), 122);
        BigDecimal region = shown.region().per10k().get("enrolments");
        BigDecimal emslandPer10k = emsland.per10k().get("enrolments");
        BigDecimal leerPer10k = leer.per10k().get("enrolments");

        var grid = test(table(view));
        assertThat(table(view).getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("indicator", "03454", "03457", "region");
        assertThat(grid.size()).as("one row per indicator").isEqualTo(Indicator.values().length);
        assertThat(grid.getCellText(0, 0)).isEqualTo("Kursanmeldungen je 10.000 Einw.");
        // Emsland about 100 / 325,657 × 10,000 = 3.1; the region about 122 / 2,525,333 × 10,000 = 0.5
        assertThat(grid.getCellText(0, 1))
                .isEqualTo(german(emslandPer10k) + " (+" + german(emslandPer10k.subtract(region)) + ")");
        // Leer's 20 is shown, slightly changed, as Aurich's 2 is in the region total: nothing is withheld
        // for being small, so nothing beside it has to be withheld either
        assertThat(grid.getCellText(0, 2)).isEqualTo(german(leerPer10k) + " (+" + german(leerPer10k.subtract(region)) + ")");
        assertThat(grid.getCellText(0, 3)).isEqualTo(german(region));
        // rates on so few cases are withheld, and so is their difference
        assertThat(grid.getCellText(3, 0)).isEqualTo("Abschlussquote");
        assertThat(grid.getCellText(3, 1)).isEqualTo("–");
        assertThat(grid.getCellText(3, 3)).isEqualTo("–");

        // the page's export: title and context lines, then this table
        List<String> lines = $(ExportLinks.class, view).single().csv().lines().toList();
        int header = lines.indexOf("Kennzahl;Emsland (03454);Emsland: Abstand zu Weser-Ems;"
                + "Leer (03457);Leer: Abstand zu Weser-Ems;Weser-Ems (034)");
        assertThat(header).as("the table's header in %s", lines).isPositive();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFVergleich");
        assertThat(lines.get(header)).isEqualTo("Kennzahl;Emsland (03454);Emsland: Abstand zu Weser-Ems;"
                + "Leer (03457);Leer: Abstand zu Weser-Ems;Weser-Ems (034)");
        assertThat(lines.get(header + 1)).isEqualTo("Kursanmeldungen je 10.000 Einw.;" + german(emslandPer10k) + ";"
                + german(emslandPer10k.subtract(region)) + ";" + german(leerPer10k) + ";"
                + german(leerPer10k.subtract(region)) + ";" + german(region));
        assertThat(lines.get(header + 4)).isEqualTo("Abschlussquote (%, Abstand in Pp.);;;;;");
        assertThat(lines).hasSize(header + 1 + Indicator.values().length);
    }

    @Test
    void each_indicator_is_a_bar_chart_of_the_districts_as_published_with_the_region_as_reference_line() {
        enrol(District.EMSLAND, 100);
        enrol(District.LEER, 20);
        CompareView view = open(CompareView.class, "kreise=03454,03457");
        IndicatorReport shown = report(view.state());
        BigDecimal region = shown.region().per10k().get("enrolments");

        List<SeriesChart.Data> charts = view.charts();
        assertThat(charts).as("a chart per row of the table").hasSize(test(table(view)).size());
        SeriesChart.Data enrolments = charts.getFirst();
        assertThat(enrolments.type()).isEqualTo(SeriesChart.Type.BAR);
        assertThat(enrolments.categories()).containsExactly("Emsland", "Leer");
        SeriesChart.Series bars = enrolments.series().getFirst();
        assertThat(bars.values()).containsExactly(area(shown, District.EMSLAND).per10k().get("enrolments").doubleValue(),
                area(shown, District.LEER).per10k().get("enrolments").doubleValue());
        assertThat(bars.texts()).containsExactly(german(area(shown, District.EMSLAND).per10k().get("enrolments")),
                german(area(shown, District.LEER).per10k().get("enrolments")));
        assertThat(enrolments.reference().name()).isEqualTo("Weser-Ems");
        assertThat(enrolments.reference().value()).isEqualTo(region.doubleValue());
        assertThat(enrolments.reference().text()).isEqualTo(german(region));
        assertThat(enrolments.description()).startsWith("Kursanmeldungen je 10.000 Einw.. Emsland: ")
                .endsWith("; Weser-Ems: " + german(region) + ".");

        // a withheld rate is a gap named as the table names it, never a bar of 0
        SeriesChart.Data completionRate = charts.get(3);
        assertThat(completionRate.unit()).isEqualTo("%");
        assertThat(completionRate.series().getFirst().values()).containsExactly(null, null);
        assertThat(completionRate.series().getFirst().texts()).containsExactly("–", "–");
        assertThat(completionRate.reference().value()).isNull();
        assertThat(completionRate.description()).contains("Emsland: –; Leer: –");
    }

    @Test
    void a_peer_group_puts_the_five_cities_side_by_side() {
        CompareView view = open(CompareView.class, "");
        test($(Button.class, view).withId("peer-cities").single()).click();
        CompareView after = (CompareView) getCurrentView();
        assertThat(after.state().districts()).hasSize(5).allMatch(District::city);
        assertThat(table(after).getColumns()).extracting(Grid.Column::getKey).containsExactlyElementsOf(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("indicator"), java.util.stream.Stream.concat(
                        Arrays.stream(District.values()).filter(District::city).map(District::ags),
                        java.util.stream.Stream.of("region"))).toList());
        assertThat(test(table(after)).getCellText(0, 1)).isEqualTo("keine Meldungen");
        SeriesChart.Data enrolments = after.charts().getFirst();
        assertThat(enrolments.categories()).hasSize(5);
        assertThat(enrolments.series().getFirst().values()).as("nobody reported: gaps").containsOnlyNulls();
        assertThat(enrolments.series().getFirst().texts()).containsOnly("keine Meldungen");
    }
}
