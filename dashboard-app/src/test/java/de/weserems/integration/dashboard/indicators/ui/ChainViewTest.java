package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.Grid;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain view: every district and the region, medians withheld on too few cases. */
class ChainViewTest extends ViewTestBase {

    @Test
    void lists_every_district_and_the_region_with_withheld_and_unreported_figures() {
        complete(District.EMSLAND, 4, TODAY, Outcome.PASSED);
        ChainView view = open(ChainView.class, "");
        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, view).withId("chain-table").single();
        var tester = test(grid);
        assertThat(tester.size()).isEqualTo(18);
        int emsland = OverviewViewTest.row(grid, "03454");
        // no participant references: no chain cases, so the medians rest on 0 cases and are withheld
        assertThat(tester.getCellText(emsland, 1)).isEqualTo("–");
        assertThat(tester.getCellText(OverviewViewTest.row(grid, "03401"), 1)).isEqualTo("keine Meldungen");
        assertThat(tester.getCellText(17, 0)).isEqualTo("Weser-Ems");
    }
}
