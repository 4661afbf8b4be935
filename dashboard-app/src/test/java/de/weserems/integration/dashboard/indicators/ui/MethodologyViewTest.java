package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The methodology page: definitions, the cell key method with its configured deviation and thresholds, the sources' credits. */
class MethodologyViewTest extends PublishedViewTestBase {

    @Test
    void names_the_configured_deviation_and_thresholds_and_credits_the_sources() {
        int deviation = queries.confidentiality().maxDeviation();
        int minCases = queries.confidentiality().minCases();
        MethodologyView view = open(MethodologyView.class, "");
        assertThat($(Paragraph.class, view).withId("method-confidentiality").single().getText())
                .startsWith("Um Einzelpersonen zu schützen, sind alle Anzahlen leicht verändert")
                .contains("eine kleine Abweichung von höchstens ±" + deviation + ",")
                .contains("Eine 1 oder eine 2 wird nie als solche gezeigt")
                .contains("dieselbe Frage bei gleichem Datenstand immer dieselbe Antwort")
                .contains("Eine Quote braucht mindestens " + minCases + " Fälle, ein Median ebenso")
                .doesNotContain("nicht ausgewiesen").doesNotContain("sekundäre Geheimhaltung");
        assertThat($(Paragraph.class, view).all()).noneMatch(p -> p.getText().contains("!{"));
        assertThat($(Span.class, view).withId("source-residents").single().getText())
                .contains("© Statistisches Bundesamt (Destatis), 2019");
        assertThat($(Span.class, view).withId("source-boundaries").single().getText())
                .contains("© GeoBasis-DE / BKG, Daten verändert");
        assertThat($(Span.class, view).all()).noneMatch(s -> s.getText().startsWith("!{"));

        UI.getCurrent().setLocale(Locale.UK);
        assertThat($(Paragraph.class, reopen()).withId("method-confidentiality").single().getText())
                .startsWith("To protect individuals, every count is changed slightly")
                .contains("a small deviation of at most ±" + deviation + ",")
                .contains("A 1 or a 2 is never shown as such")
                .contains("the same question always gives the same answer")
                .contains("A rate needs at least " + minCases + " cases, and so does a median");
    }

    @Test
    void says_why_there_are_no_figures_per_10000_foreign_residents_and_how_to_supply_them() {
        MethodologyView view = open(MethodologyView.class, "");
        assertThat($(Span.class, view).withId("source-foreign-residents").single().getText())
                .startsWith("Einwohner ausländischer Staatsangehörigkeit: nicht hinterlegt")
                .contains("Keine hier verfügbare öffentliche Quelle nennt die Zahl für alle 17 Kreise")
                .contains("ags;year;foreignResidents;source")
                .contains("dashboard.reference.foreign-residents-file");
        assertThat(view.getElement().getOuterHTML()).doesNotContain("data-indicator=\"per10kForeign\"");

        UI.getCurrent().setLocale(Locale.UK);
        assertThat($(Span.class, reopen()).withId("source-foreign-residents").single().getText())
                .startsWith("Residents of foreign nationality: not supplied")
                .contains("dashboard.reference.foreign-residents-file");
    }

    @Test
    void says_which_providers_report_for_which_district() {
        ProviderActivityTestAccess.store(activity, "jc-emsland", "2026-11-20T09:00:00Z", Map.of("03454", 5));
        ProviderActivityTestAccess.store(activity, "demo", "2026-11-24T09:00:00Z", Map.of("03454", 2, "03457", 1));

        MethodologyView view = open(MethodologyView.class, "");
        @SuppressWarnings("unchecked")
        Grid<District> providers = (Grid<District>) $(Grid.class, view).withId("method-providers").single();
        assertThat(test(providers).size()).isEqualTo(17);
        assertThat(test(providers).getCellText(District.EMSLAND.ordinal(), 1))
                .isEqualTo("demo (zuletzt 24.11.2026), jc-emsland (zuletzt 20.11.2026)");
        assertThat(test(providers).getCellText(District.LEER.ordinal(), 1)).isEqualTo("demo (zuletzt 24.11.2026)");
        assertThat(test(providers).getCellText(District.WITTMUND.ordinal(), 1)).isEqualTo("bisher keine Lieferung");
    }

    @Test
    void says_how_many_completions_a_placeholder_pseudonym_took_out_of_the_chain_as_published() {
        MethodologyView view = open(MethodologyView.class, "");
        assertThat($(Paragraph.class, view).withId("method-chain-excluded").single().getText())
                .contains("mehr als 100 Ereignisse").endsWith("(wie jede Anzahl leicht verändert): 0.");

        // a small number too is published, slightly changed, never as a 1 or a 2
        putExcluded("03454|2026-03", 2);
        assertThat(excludedText()).endsWith(": " + german(published(queries.excludedFromChain(), 2)) + ".");
        putExcluded("03457|2026-04", 1_250);
        assertThat(excludedText()).endsWith(": " + german(published(queries.excludedFromChain(), 1_252)) + ".");
    }

    /** The page as opened anew (from another page: the router keeps a page that is open). */
    private MethodologyView reopen() {
        open(ChainView.class, "");
        return open(MethodologyView.class, "");
    }

    private String excludedText() {
        return $(Paragraph.class, reopen()).withId("method-chain-excluded").single().getText();
    }

    private void putExcluded(String key, long excluded) {
        TestReadModels.put(model, key, MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE,
                ChainCounters.ZERO.plusExcluded(excluded)));
    }
}
