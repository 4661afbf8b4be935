package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.Alerts.Alert;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.testing.FixedAlerts;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaches of targets where people look: the overview's "Hinweise" list (newest first, live), the mark in
 * its table and on its map, and the box on the district page; none of it while nothing is missed.
 */
class BreachMarksTest extends PublishedViewTestBase {

    private final FixedAlerts alerts = new FixedAlerts();
    private static final Alert CLOPPENBURG_MISSED = new Alert(
            LocalDateTime.of(2026, 11, 25, 9, 15).atZone(Region.ZONE).toInstant(), true, District.CLOPPENBURG.ags(),
            "rates.completionRate", true, new BigDecimal("50.0"), false, new BigDecimal("99"), 3);
    private static final Alert REGION_MET_AGAIN = new Alert(
            LocalDateTime.of(2026, 11, 25, 9, 20).atZone(Region.ZONE).toInstant(), false, Region.AGS,
            "chain.medianWaitingDays", false, new BigDecimal("41"), true, new BigDecimal("42"), 1);

    BreachMarksTest() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model, DashboardProperties.class, properties,
                IndicatorQueries.class, queries, DataFlowStatus.class, dataFlow, ProviderActivity.class, activity,
                Alerts.class, alerts));
    }

    @Test
    void the_overview_lists_starts_and_ends_newest_first_and_marks_the_district_in_table_and_map() throws Exception {
        OverviewView view = new OverviewView(queries, model, properties, alerts);
        UI.getCurrent().add(view);
        assertThat($(Paragraph.class, view).withId("alerts-empty").single().isVisible()).isTrue();

        alerts.set(List.of(CLOPPENBURG_MISSED), List.of(REGION_MET_AGAIN, CLOPPENBURG_MISSED)); // by push
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> {
            roundTrip();
            return !$(ListItem.class, $(Div.class, view).withId("alerts").single()).all().isEmpty();
        });
        List<String> items = $(ListItem.class, $(Div.class, view).withId("alerts").single()).all().stream()
                .map(ListItem::getText).toList();
        assertThat(items).containsExactly(
                "25.11.26, 09:20:00 · Ziel wieder erreicht: Weser-Ems: Wartetage bis zur nächsten Maßnahme (Median) "
                        + "41 Tage (Ziel: höchstens 42 Tage, letzte 1 Monat)",
                "25.11.26, 09:15:00 · Ziel verfehlt: Cloppenburg: Abschlussquote 50 % (Ziel: mindestens 99 %, "
                        + "letzte 3 Monate)");
        assertThat($(Paragraph.class, view).withId("alerts-empty").all()).as("hidden").isEmpty();

        @SuppressWarnings("unchecked")
        Grid<AreaFigures> grid = $(Grid.class, view).withId("district-table").single();
        int targets = grid.getColumns().size() - 1; // the last column: Ziele
        assertThat(test(grid).getHeaderCell(targets)).isEqualTo("Ziele");
        for (int row = 0; row < test(grid).size(); row++) {
            Span mark = (Span) test(grid).getCellComponent(row, targets);
            if (test(grid).getRow(row).district().equals(District.CLOPPENBURG.ags())) {
                assertThat(mark.getText()).isEqualTo("Ziel verfehlt");
                assertThat(mark.getTitle()).hasValue("Cloppenburg: Abschlussquote 50 % (Ziel: mindestens 99 %, letzte 3 Monate)");
            } else {
                assertThat(mark.getText()).as("row %d", row).isEmpty();
            }
        }
        String map = $(DistrictMap.class, view).single().getElement().getAttribute("data");
        assertThat(map).contains("\"label\":\"Cloppenburg – Ziel verfehlt\"").contains("\"label\":\"Emsland\"");
        // the map outlines the district in red: the element reads "breached"
        assertThat(map).containsOnlyOnce("\"breached\":true").contains("\"ags\":\"03453\",\"label\":\"Cloppenburg");
        assertThat(map.substring(map.indexOf("\"ags\":\"03453\""))).startsWith("\"ags\":\"03453\"")
                .contains("\"breached\":true");
    }

    private DistrictView openDistrict(District district, String query) {
        UI.getCurrent().navigate(DistrictView.class, DistrictView.parameters(district), QueryParameters.fromString(query));
        return (DistrictView) getCurrentView();
    }

    @Test
    void the_district_page_shows_its_own_breaches_and_follows_them() {
        DistrictView view = openDistrict(District.CLOPPENBURG, "");
        // browserless finds visible components only: hidden, the box is not found
        assertThat($(Div.class, view).withId("current-breaches").all()).isEmpty();

        alerts.set(List.of(CLOPPENBURG_MISSED), List.of(CLOPPENBURG_MISSED)); // by push: the page stays open
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> {
            roundTrip();
            return !$(Div.class, view).withId("current-breaches").all().isEmpty();
        });
        Div box = $(Div.class, view).withId("current-breaches").single();
        assertThat($(ListItem.class, box).single().getText())
                .isEqualTo("Cloppenburg: Abschlussquote 50 % (Ziel: mindestens 99 %, letzte 3 Monate)");

        DistrictView emsland = openDistrict(District.EMSLAND, "");
        assertThat($(Div.class, emsland).withId("current-breaches").all()).as("another district's breach").isEmpty();
    }
}
