package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The methodology page: definitions, the configured thresholds, the sources' credits. */
class MethodologyViewTest extends ViewTestBase {

    @Test
    void names_the_configured_thresholds_and_credits_the_sources() {
        MethodologyView view = open(MethodologyView.class, "");
        assertThat($(Paragraph.class, view).withId("method-confidentiality").single().getText())
                .startsWith("Anzahlen unter 3 Fällen").contains("unter 10");
        assertThat($(Span.class, view).withId("source-residents").single().getText())
                .contains("© Statistisches Bundesamt (Destatis), 2019");
        assertThat($(Span.class, view).withId("source-boundaries").single().getText())
                .contains("© GeoBasis-DE / BKG, Daten verändert");
        assertThat($(Span.class, view).all()).noneMatch(s -> s.getText().startsWith("!{"));
    }
}
