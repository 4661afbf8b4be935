package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.Grid;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;

import java.util.Map;

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

    @Test
    void a_median_on_10_cases_is_shown_in_whole_days_and_on_fewer_withheld() {
        // Emsland: 10 completions followed by a new enrolment 12 or 13 days later, median 12.5
        waiting("03454|2026-11", Map.of(12, 5L, 13, 5L));
        // Leer: 9, too few
        waiting("03457|2026-11", Map.of(20, 9L));
        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, open(ChainView.class, "")).withId("chain-table").single();
        var tester = test(grid);
        assertThat(tester.getCellText(OverviewViewTest.row(grid, "03454"), 1)).isEqualTo("13");
        assertThat(tester.getCellText(OverviewViewTest.row(grid, "03457"), 1)).isEqualTo("–");
        // the region: 19 cases, the 10th waited 13 days
        assertThat(tester.getCellText(17, 1)).isEqualTo("13");
    }

    private void waiting(String key, Map<Integer, Long> waitingDays) {
        TestReadModels.put(model, key, MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE,
                new ChainCounters(Map.of(), Map.of(), Map.of(), waitingDays, 0)));
    }
}
