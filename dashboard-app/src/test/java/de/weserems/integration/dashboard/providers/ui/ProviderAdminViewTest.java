package de.weserems.integration.dashboard.providers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.providers.store.ProviderStore;
import de.weserems.integration.dashboard.providers.store.ProviderStoreTestAccess;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.District;
import de.weserems.integration.events.providers.ApiKeyHashes;
import de.weserems.integration.events.providers.ProviderEntry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The admins' Anbieter-Verwaltung without a browser: a provider is created, a key issued once, rotated and revoked. */
class ProviderAdminViewTest extends ViewTestBase {

    private final Instant now = Instant.parse("2026-11-25T09:30:00Z");
    private final ProviderStore store = ProviderStoreTestAccess.inMemory(Clock.fixed(now, ZoneOffset.UTC));

    ProviderAdminViewTest() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model, DashboardProperties.class, properties,
                IndicatorQueries.class, queries, DataFlowStatus.class, dataFlow, ProviderStore.class, store,
                ProviderActivity.class, activity, Alerts.class, Alerts.NONE, Clock.class, Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_creates_a_provider_issues_a_key_shown_once_rotates_and_revokes_it() {
        ProviderAdminView view = open(ProviderAdminView.class, "");
        test($(Button.class, view).withId("provider-save").single()).click();
        assertThat($(Paragraph.class, view).withId("provider-problems").single().getText())
                .startsWith("Bitte eine Kennung");

        $(TextField.class, view).withId("provider-id").single().setValue("vhs-leer");
        $(TextField.class, view).withId("provider-name").single().setValue("VHS Leer");
        ((MultiSelectComboBox<District>) $(MultiSelectComboBox.class, view).withId("provider-districts").single())
                .setValue(Set.of(District.LEER));
        test($(Button.class, view).withId("provider-save").single()).click();
        ProviderEntry saved = store.byId("vhs-leer").orElseThrow();
        assertThat(saved.districts()).containsExactly(District.LEER.ags());
        assertThat(saved.changedAt()).isEqualTo(now);
        Grid<ProviderEntry> providers = $(Grid.class, view).withId("provider-table").single();
        assertThat(test(providers).getCellText(0, 0)).isEqualTo("VHS Leer");

        test($(Button.class, view).withId("key-issue").single()).click();
        TextField shown = $(TextField.class, view).withId("key-new").single();
        assertThat(shown.isVisible()).isTrue();
        assertThat(shown.getHelperText()).contains("nur dieses eine Mal");
        ProviderEntry.Key key = store.byId("vhs-leer").orElseThrow().keys().getFirst();
        assertThat(key.sha256()).isEqualTo(ApiKeyHashes.sha256Hex(shown.getValue()));
        assertThat(new String(store.byId("vhs-leer").orElseThrow().toJson())).doesNotContain(shown.getValue());

        ProviderActivityTestAccess.useKey(activity, "vhs-leer", key.keyId(), "2026-11-25T09:00:00Z");
        Grid<ProviderEntry.Key> keys = $(Grid.class, view).withId("key-table").single();
        assertThat(test(keys).getCellText(0, 3)).isEqualTo("gültig");
        assertThat(test(keys).getCellText(0, 4)).isEqualTo("25.11.2026, 10:00");

        HorizontalLayout actions = (HorizontalLayout) test(keys).getCellComponent(0, 5);
        test((Button) actions.getComponentAt(0)).click(); // Wechseln: a second key, the first one valid until the overlap
        ProviderEntry rotated = store.byId("vhs-leer").orElseThrow();
        assertThat(rotated.keys()).hasSize(2);
        assertThat(rotated.keys().getFirst().expires()).isEqualTo(Instant.parse("2026-12-09T23:00:00Z"));
        assertThat(shown.getValue()).isEqualTo(shown.getValue().strip()).isNotEmpty();

        // the newest key is the first row
        HorizontalLayout newest = (HorizontalLayout) test(keys).getCellComponent(0, 5);
        test((Button) newest.getComponentAt(1)).click(); // Sperren
        assertThat(store.byId("vhs-leer").orElseThrow().keys().get(1).revokedAt()).isEqualTo(now);
        assertThat(test(keys).getCellText(0, 3)).startsWith("gesperrt am");
    }
}
