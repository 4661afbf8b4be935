package de.weserems.integration.dashboard.targets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.dashboard.targets.store.TargetStore;
import de.weserems.integration.dashboard.targets.store.TargetStoreTestAccess;
import de.weserems.integration.dashboard.testing.ShownExports;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admins' Ziele view without a browser: a target is set, refused in plain German, listed, and deleted. */
class TargetsViewTest extends ViewTestBase {

    private final TargetStore targets = TargetStoreTestAccess.inMemory();
    private final Instant now = Instant.parse("2026-11-25T09:30:00Z");

    TargetsViewTest() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model, DashboardProperties.class, properties,
                IndicatorQueries.class, queries, DataFlowStatus.class, dataFlow, TargetStore.class, targets,
                Alerts.class, Alerts.NONE, Clock.class, Clock.fixed(now, ZoneOffset.UTC)));
    }

    @SuppressWarnings("unchecked")
    private <T> Select<T> select(TargetsView view, String id) {
        return (Select<T>) $(Select.class, view).withId(id).single();
    }

    /** Sets "Cloppenburg: Abschlussquote mindestens 99 % in den letzten 6 Monaten" through the form. */
    private void setCloppenburgsCompletionRate(TargetsView view) {
        select(view, "target-indicator").setValue(JudgedIndicator.COMPLETION_RATE);
        select(view, "target-area").setValue(District.CLOPPENBURG.ags());
        select(view, "target-comparison").setValue(Comparison.AT_LEAST);
        $(BigDecimalField.class, view).withId("target-threshold").single().setValue(new BigDecimal("99"));
        $(IntegerField.class, view).withId("target-months").single().setValue(6);
        test($(Button.class, view).withId("target-set").single()).click();
    }

    @Test
    void an_admin_sets_a_target_on_a_district_and_deletes_it() {
        TargetsView view = open(TargetsView.class, "");
        assertThat($(Paragraph.class, view).withId("targets-empty").single().isVisible()).isTrue();

        setCloppenburgsCompletionRate(view);

        assertThat(targets.all()).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo(JudgedIndicator.COMPLETION_RATE);
            assertThat(t.area()).isEqualTo(District.CLOPPENBURG.ags());
            assertThat(t.comparison()).isEqualTo(Comparison.AT_LEAST);
            assertThat(t.threshold()).isEqualByComparingTo("99");
            assertThat(t.months()).isEqualTo(6);
            assertThat(t.setAt()).isEqualTo(now);
        });
        Grid<Target> grid = $(Grid.class, view).withId("target-table").single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Cloppenburg");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("Abschlussquote");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("mindestens 99 %");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("letzte 6 Monate");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("nicht verfehlt (oder zu wenige Fälle)");

        test((Button) test(grid).getCellComponent(0, 6)).click();
        assertThat(targets.all()).isEmpty();
        assertThat(grid.isVisible()).isFalse();
        assertThat($(Paragraph.class, view).withId("targets-empty").single().isVisible()).isTrue();
    }

    @Test
    void the_list_of_targets_is_exported_as_shown_without_its_delete_buttons() {
        TargetsView view = open(TargetsView.class, "");
        setCloppenburgsCompletionRate(view);

        ExportLinks links = $(ExportLinks.class, view).single();
        ShownTable table = links.table();
        Grid<Target> grid = $(Grid.class, view).withId("target-table").single();
        ShownExports.assertShownAsIn(table.sections().getFirst(), grid, 1);
        assertThat(table.sections().getFirst().header()).hasSize(6);
        assertThat(links.csv()).startsWith("\uFEFFZiele").contains("\r\nCloppenburg;Abschlussquote;mindestens 99 %;");
    }

    @Test
    void a_target_that_is_not_complete_or_out_of_range_is_refused_in_plain_words() {
        TargetsView view = open(TargetsView.class, "");
        select(view, "target-indicator").setValue(JudgedIndicator.COMPLETION_RATE);
        $(BigDecimalField.class, view).withId("target-threshold").single().setValue(new BigDecimal("120"));
        test($(Button.class, view).withId("target-set").single()).click();

        Paragraph problems = $(Paragraph.class, view).withId("target-problems").single();
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getText()).contains("Bitte einen Kreis oder die Region wählen.",
                "Bitte „höchstens“ oder „mindestens“ wählen.", "Eine Quote liegt zwischen 0 und 100 Prozent.");
        assertThat(targets.all()).as("nothing set").isEmpty();
    }

    @Test
    void the_region_can_have_targets_too_and_they_are_listed_first() {
        targets.set(new Target(JudgedIndicator.MEDIAN_WAITING_DAYS, District.EMSLAND.ags(), Comparison.AT_MOST,
                new BigDecimal("30"), 3, "admin", now));
        targets.set(new Target(JudgedIndicator.MEDIAN_WAITING_DAYS, Region.AGS, Comparison.AT_MOST,
                new BigDecimal("42"), 3, "admin", now));
        TargetsView view = open(TargetsView.class, "");
        Grid<Target> grid = $(Grid.class, view).withId("target-table").single();
        assertThat(List.of(test(grid).getCellText(0, 0), test(grid).getCellText(1, 0)))
                .containsExactly("Weser-Ems (Region)", "Emsland");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("höchstens 42 Tage");
    }
}
