package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.deliveries.DeliveriesSettings;
import de.weserems.integration.dashboard.deliveries.DeliveriesView;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.indicators.DataFlowStatus;
import de.weserems.integration.dashboard.indicators.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.IndicatorReadModel;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The admins' Datenlieferungen view: providers' deliveries and reject reasons, quiet districts, admins only. */
class DeliveriesViewTest extends ViewTestBase {

    private final ProviderActivity activity = ProviderActivityTestAccess.empty();

    DeliveriesViewTest() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model,
                DashboardProperties.class, properties, IndicatorQueries.class, queries,
                DataFlowStatus.class, dataFlow, ProviderActivity.class, activity,
                DeliveriesSettings.class, new DeliveriesSettings(Duration.ofDays(14)),
                // "now" is 20 days after the events counted below
                Clock.class, Clock.fixed(Instant.now().plus(Duration.ofDays(20)), ZoneOffset.UTC)));
    }

    @Test
    void providers_with_their_counts_and_commonest_reasons_and_quiet_districts_highlighted() {
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", "2026-11-20T10:00:00Z", 202, 40, 40, false, Map.of());
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", "2026-11-21T10:00:00Z", 422, 10, 0, false,
                Map.of("district/invalid-value", 3, "eventId/missing", 1));
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", "2026-11-22T10:00:00Z", 202, 5, 5, true, Map.of());
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", "2026-11-19T08:00:00Z", 202, 12, 12, false, Map.of());
        enrol(District.EMSLAND, 5);

        DeliveriesView view = open(DeliveriesView.class, "");
        @SuppressWarnings("unchecked")
        Grid<ProviderActivity.Summary> providers = (Grid<ProviderActivity.Summary>) $(Grid.class, view)
                .withId("provider-table").single();
        List<ProviderActivity.Summary> rows = test(providers).size() == 2 ? List.of(
                test(providers).getRow(0), test(providers).getRow(1)) : List.of();
        assertThat(rows).extracting(ProviderActivity.Summary::providerId).containsExactly("jc-emsland", "vhs-leer");
        assertThat(test(providers).getCellText(0, 2)).isEqualTo("2");   // requests: the dry run does not count
        assertThat(test(providers).getCellText(0, 3)).isEqualTo("40");
        assertThat(test(providers).getCellText(0, 4)).isEqualTo("10");
        assertThat(test(providers).getCellText(0, 5)).isEqualTo("district/invalid-value × 3, eventId/missing × 1");
        assertThat(test(providers).getCellText(0, 1)).endsWith("(202)");

        @SuppressWarnings("unchecked")
        Grid<Object> receipts = (Grid<Object>) $(Grid.class, view).withId("district-receipts").single();
        assertThat(test(receipts).size()).isEqualTo(17);
        // Emsland's events were received "20 days ago": quiet for more than 14 days; Leer never reported
        int emsland = District.EMSLAND.ordinal();
        assertThat(test(receipts).getCellText(emsland, 2)).isEqualTo("Keine aktuellen Meldungen");
        assertThat(test(receipts).getCellText(District.LEER.ordinal(), 1)).isEqualTo("nie");
    }

    @Test
    void only_admins_may_open_it() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal someone = () -> "user";
        assertThat(checker.hasAccess(DeliveriesView.class, someone, Set.of("ADMIN", "VIEWER")::contains)).isTrue();
        assertThat(checker.hasAccess(DeliveriesView.class, someone, Set.of("VIEWER")::contains)).isFalse();
        assertThat(checker.hasAccess(OverviewView.class, someone, Set.of("VIEWER")::contains)).isTrue();
    }
}
