package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * German by default; in English every text and number follows. (The switch itself, a button in the
 * top bar, is exercised in the browser, DashboardViewsBrowserIT: the browserless harness builds the layout before the test's
 * locale applies.)
 */
class LanguageTest extends PublishedViewTestBase {

    @Test
    void german_by_default_with_a_switch_to_english() {
        enrol(District.EMSLAND, 1234);
        OverviewView view = open(OverviewView.class, "");
        assertThat($(Span.class, view).withId("last-updated").single().getText()).startsWith("Stand: ");
        assertThat($(Span.class, view).withId("region-enrolments").single().getText())
                .isEqualTo(german(published(report(view.state()).region().count("enrolments"), 1234)));
    }

    @Test
    void in_english_texts_and_numbers_are_english() {
        enrol(District.EMSLAND, 1234);
        UI.getCurrent().setLocale(Locale.UK);
        OverviewView view = open(OverviewView.class, "");
        assertThat($(Span.class, view).withId("last-updated").single().getText()).startsWith("Updated: ");
        assertThat($(Span.class, view).withId("region-enrolments").single().getText())
                .isEqualTo(english(published(report(view.state()).region().count("enrolments"), 1234)));
    }
}
