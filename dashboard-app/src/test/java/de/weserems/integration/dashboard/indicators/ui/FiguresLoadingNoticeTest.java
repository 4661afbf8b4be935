package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Span;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance that has not yet read all indicators says so on every page instead of passing partial figures off as complete. */
class FiguresLoadingNoticeTest extends ViewTestBase {

    @Override
    protected boolean startsLoaded() {
        return false;
    }

    @Test
    void pages_say_the_figures_are_loading_until_the_read_model_has_read_the_topic() {
        open(OverviewView.class, "");
        Span notice = $(Span.class).withId("figures-loading").single();
        assertThat(notice.getText()).startsWith("Kennzahlen werden geladen");
        assertThat(notice.getElement().getAttribute("role")).isEqualTo("status");

        TestReadModels.finishLoading(model);
        roundTrip();
        // the open page loses the notice by server push; browserless finds visible components only
        assertThat($(Span.class).withId("figures-loading").all()).isEmpty();
        open(CompareView.class, "");
        assertThat($(Span.class).withId("figures-loading").all()).isEmpty();
    }
}
