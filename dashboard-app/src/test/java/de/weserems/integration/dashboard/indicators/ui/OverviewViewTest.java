package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.AreaFigures;
import de.weserems.integration.dashboard.indicators.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.TestReadModels;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview without a browser: what it shows for data, for small counts and for no data. */
class OverviewViewTest extends BrowserlessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final IndicatorReadModel model = TestReadModels.empty();
    private final DashboardProperties properties = new DashboardProperties(true,
            new DashboardProperties.Confidentiality(3, 10), new DashboardProperties.Kafka(3, (short) 1, 1),
            List.of(), Duration.ofSeconds(1));
    private final IndicatorQueries queries = new IndicatorQueries(model, properties,
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    @BeforeEach
    void german() {
        UI.getCurrent().setLocale(Locale.GERMANY);
    }

    private void enrol(District district, int times) {
        for (int i = 0; i < times; i++) {
            TestReadModels.count(model, new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, TODAY,
                    district, null, CourseType.INTEGRATION_COURSE, null, null, null, "demo", Instant.now()));
        }
    }

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
    }

    @Test
    void tells_that_the_data_is_synthetic_in_demo_mode_and_shows_a_legend() {
        OverviewView view = open();
        assertThat($(Paragraph.class, view).all()).anyMatch(p -> p.getText().startsWith("– = aus Datenschutzgründen"));
    }

    private static int row(Grid<AreaFigures> grid, String ags) {
        List<AreaFigures> items = grid.getGenericDataView().getItems().toList();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).district().equals(ags)) {
                return i;
            }
        }
        throw new AssertionError(ags + " not in the grid");
    }
}
