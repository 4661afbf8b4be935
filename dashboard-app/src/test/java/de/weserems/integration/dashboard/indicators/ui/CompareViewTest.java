package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison: chosen districts per 10,000 residents against the region, and its CSV export. */
class CompareViewTest extends PublishedViewTestBase {

    @SuppressWarnings("unchecked")
    private Grid<AreaFigures> table(CompareView view) {
        return $(Grid.class, view).withId("compare-table").single();
    }

    @Test
    void asks_for_two_to_five_districts_first() {
        CompareView view = open(CompareView.class, "kreise=03454");
        assertThat($(Paragraph.class, view).withId("compare-hint").single().getText()).startsWith("Bitte 2 bis 5 Kreise");
        assertThat(test(table(view)).size()).isZero();
        assertThat($(Anchor.class, view).withId("compare-csv").single().isEnabled()).isFalse();
    }

    @Test
    void shows_the_districts_per_10000_with_the_difference_to_the_region_and_exports_the_same() {
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
        assertThat(grid.size()).isEqualTo(3);
        // Emsland about 100 / 325,657 × 10,000 = 3.1; the region about 122 / 2,525,333 × 10,000 = 0.5
        assertThat(grid.getCellText(0, 1)).isEqualTo(german(emslandPer10k));
        assertThat(grid.getCellText(0, 2)).isEqualTo("+" + german(emslandPer10k.subtract(region)));
        // Leer's 20 is shown, slightly changed, as Aurich's 2 is in the region total: nothing is withheld
        // for being small, so nothing beside it has to be withheld either
        assertThat(grid.getCellText(1, 1)).isEqualTo(german(leerPer10k));
        assertThat(grid.getCellText(1, 2)).isEqualTo("+" + german(leerPer10k.subtract(region)));
        assertThat(grid.getCellText(2, 0)).isEqualTo("Weser-Ems");
        // rates on so few cases are withheld
        assertThat(grid.getCellText(0, 7)).isEqualTo("–");

        String csv = view.csvText(new FigureFormat(view));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFAGS;Landkreis / kreisfreie Stadt;Kursanmeldungen je 10.000 Einw.;");
        assertThat(lines[1]).startsWith("03454;Emsland;" + german(emslandPer10k) + ";"
                + german(emslandPer10k.subtract(region)) + ";");
        assertThat(lines[2]).startsWith("03457;Leer;" + german(leerPer10k) + ";" + german(leerPer10k.subtract(region)) + ";");
        assertThat(lines[3]).startsWith("034;Weser-Ems;" + german(region) + ";;");
        assertThat(lines).hasSize(4);
    }

    @Test
    void a_peer_group_puts_the_five_cities_side_by_side() {
        CompareView view = open(CompareView.class, "");
        test($(Button.class, view).withId("peer-cities").single()).click();
        CompareView after = (CompareView) getCurrentView();
        assertThat(after.state().districts()).hasSize(5).allMatch(District::city);
        assertThat(test(table(after)).size()).isEqualTo(6);
        assertThat(test(table(after)).getCellText(0, 1)).isEqualTo("keine Meldungen");
    }
}
