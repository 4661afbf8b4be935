package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.Grid;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.CourseType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Zugang und Wartezeit: who waits now (whatever the period), waiting and access times of the period's starts. */
class AccessViewTest extends ViewTestBase {

    @Test
    void shows_who_waits_now_also_where_nothing_was_reported_in_the_period_and_the_times_of_the_starts() {
        // Emsland: 12 waiting since 1 August (116 days on 25 November), 11 starts 30 or 50 days after enrolment
        put("03454|2026-08", ChainCounters.ZERO.plusWaitingSince(1), 12);
        put("03454|2026-10", ChainCounters.ZERO.plusWaitingTime(30), 6);
        put("03454|2026-10", ChainCounters.ZERO.plusWaitingTime(50), 5);
        // Leer: waiting since October 2024, more than 2 years ago, and nothing reported in the period
        put("03457|2024-10", ChainCounters.ZERO.plusWaitingSince(1), 11);

        AccessView view = open(AccessView.class, "");
        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, view).withId("access-table").single();
        var tester = test(grid);
        IndicatorReport published = queries.report(queries.defaultPeriod()[0], queries.defaultPeriod()[1], Set.of(),
                null);
        AreaFigures emsland = published.districts().get(8);
        int e = OverviewViewTest.row(grid, "03454");
        assertThat(tester.getCellText(e, 1)).as("waiting now, as published")
                .isEqualTo(String.valueOf(emsland.waitingNow().waiting()));
        assertThat(tester.getCellText(e, 3)).as("116 days so far").isEqualTo("116");
        assertThat(tester.getCellText(e, 4)).isEqualTo("0");
        assertThat(tester.getCellText(e, 5)).as("median of 11 starts: 30 days").isEqualTo("30");
        int leer = OverviewViewTest.row(grid, "03457");
        assertThat(tester.getCellText(leer, 4)).as("no start after 2 years, shown though nothing was reported")
                .isEqualTo(String.valueOf(published.districts().get(11).waitingNow().noStartAfter2Years()));
        assertThat(tester.getCellText(leer, 1)).isEqualTo("0");
        assertThat(tester.getCellText(leer, 5)).as("the period's figures: no reports").isEqualTo("keine Meldungen");
        assertThat(tester.getCellText(17, 0)).isEqualTo("Weser-Ems");
    }

    private void put(String key, ChainCounters one, int times) {
        ChainCounters counters = ChainCounters.ZERO;
        for (int i = 0; i < times; i++) {
            counters = counters.plus(one);
        }
        MonthlyCounters existing = model.get(key);
        MonthlyCounters add = MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE, counters);
        TestReadModels.put(model, key, existing == null ? add : existing.plus(add));
    }
}
