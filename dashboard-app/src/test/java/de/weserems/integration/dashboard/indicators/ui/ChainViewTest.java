package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.FundingFlow;
import de.weserems.integration.events.FundingSource;
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
import java.util.Set;

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

    @Test
    void shows_the_funding_flow_of_the_region_and_of_a_chosen_district_as_published() {
        // Emsland, June: 17 completions of BAMF integration courses, 90 days over by 25 November
        int intv = FundingFlow.bucket(FundingSource.BAMF_INTV);
        complete("03454|2026-06", intv, FundingFlow.bucket(FundingSource.BAMF_DEUFOEV), 8);
        complete("03454|2026-06", intv, FundingFlow.PLACEMENT, 5);
        complete("03454|2026-06", intv, null, 4);
        ChainView view = open(ChainView.class, "");
        @SuppressWarnings("unchecked")
        Grid<FundingFlowGrid.Row> flow = $(Grid.class, view).withId("funding-flow").single();
        var tester = test(flow);
        assertThat(tester.size()).as("one funding source with completions").isEqualTo(1);
        assertThat(tester.getCellText(0, 0)).isEqualTo("BAMF – Integrationskursverordnung");
        AreaFigures region = queries.report(queries.defaultPeriod()[0], queries.defaultPeriod()[1], Set.of(), null)
                .region();
        assertThat(flow.getColumns().get(1).getHeaderText()).isEqualTo("→ BAMF – DeuFöV");
        assertThat(tester.getCellText(0, 1)).as("the region's published cell")
                .isEqualTo(String.valueOf(region.fundingGaps().flow().get("BAMF_INTV").get("BAMF_DEUFOEV")));
        assertThat(flow.getColumns().get(2).getHeaderText()).isEqualTo("→ Arbeit oder Ausbildung");
        assertThat(tester.getCellText(0, 3)).isEqualTo(String.valueOf(region.fundingGaps().gaps()));

        @SuppressWarnings("unchecked")
        ComboBox<District> area = $(ComboBox.class, view).withId("funding-flow-area").single();
        test(area).selectItem("Leer");
        assertThat(test(flow).size()).as("nothing completed in Leer").isZero();
        test(area).selectItem("Emsland");
        assertThat(test(flow).size()).isEqualTo(1);
    }

    private void complete(String key, int funding, Integer next, int times) {
        ChainCounters counters = ChainCounters.ZERO;
        for (int i = 0; i < times; i++) {
            counters = counters.plus(new ChainContribution(CourseType.INTEGRATION_COURSE, 10, true, null, null, funding,
                    next, 0), 1);
        }
        MonthlyCounters existing = model.get(key);
        MonthlyCounters add = MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE, counters);
        TestReadModels.put(model, key, existing == null ? add : existing.plus(add));
    }

    private void waiting(String key, Map<Integer, Long> waitingDays) {
        TestReadModels.put(model, key, MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE,
                new ChainCounters(Map.of(), Map.of(), Map.of(), waitingDays, 0)));
    }
}
