package de.weserems.integration.dashboard.deliveries.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.base.security.OidcLogin;
import de.weserems.integration.dashboard.base.security.OidcLoginTestAccess;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.deliveries.RetractionOutcomes;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.testing.ShownExports;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.retraction.RetractionOutcome;
import de.weserems.integration.events.retraction.RetractionOutcome.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Meine Lieferungen: a provider sees its own deliveries, reasons and retractions and nothing of another's. */
class MyDeliveriesViewTest extends ViewTestBase {

    private final RetractionOutcomes outcomes = ProviderActivityTestAccess.noRetractions();
    private final UUID ownRetraction = UUID.randomUUID();
    private final UUID othersRetraction = UUID.randomUUID();

    MyDeliveriesViewTest() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model, DashboardProperties.class, properties,
                IndicatorQueries.class, queries, DataFlowStatus.class, dataFlow, ProviderActivity.class, activity,
                RetractionOutcomes.class, outcomes, Alerts.class, Alerts.NONE,
                OidcLogin.class, OidcLoginTestAccess.none()));
    }

    @BeforeEach
    void twoProvidersDelivered() {
        ProviderActivityTestAccess.deliver(activity, "demo", "2026-11-20T10:00:00Z", 202, 40, 40, false, Map.of());
        ProviderActivityTestAccess.deliver(activity, "demo", "2026-11-21T10:00:00Z", 422, 10, 0, false,
                Map.of("district/invalid-value", 3, "eventId/missing", 1));
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", "2026-11-22T08:00:00Z", 422, 7, 0, false,
                Map.of("occurredOn/in-future", 7));
        ProviderActivityTestAccess.decide(outcomes, new RetractionOutcome("v7", "demo", ownRetraction, UUID.randomUUID(),
                Verdict.TOOK_EFFECT, Instant.parse("2026-11-21T11:00:00Z")));
        ProviderActivityTestAccess.decide(outcomes, new RetractionOutcome("v7", "demo", UUID.randomUUID(),
                UUID.randomUUID(), Verdict.OTHER_PROVIDERS_EVENT, Instant.parse("2026-11-21T12:00:00Z")));
        ProviderActivityTestAccess.decide(outcomes, new RetractionOutcome("v7", "vhs-leer", othersRetraction,
                UUID.randomUUID(), Verdict.TOOK_EFFECT, Instant.parse("2026-11-22T09:00:00Z")));
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_providers_export_is_its_page_and_holds_nothing_of_another_provider() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("anbieter", null,
                "ROLE_PROVIDER", "PROVIDER_ID:demo"));
        MyDeliveriesView view = open(MyDeliveriesView.class, "");
        ExportLinks links = $(ExportLinks.class, view).single();
        ShownTable table = links.table();
        assertThat(table.context()).contains($(Paragraph.class, view).withId("my-deliveries-summary").single().getText());
        List<String> ids = List.of("my-deliveries-by-day", "my-deliveries-reasons", "retraction-outcomes");
        assertThat(table.sections()).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            ShownExports.assertShownAsIn(table.sections().get(i), $(Grid.class, view).withId(ids.get(i)).single());
        }
        assertThat(links.fileName(table, "csv")).isEqualTo("meine-lieferungen-demo.csv");
        assertThat(links.csv()).doesNotContain("vhs-leer").doesNotContain(String.valueOf(othersRetraction));
    }

    @Test
    void a_provider_sees_its_own_deliveries_reasons_in_words_and_retractions_and_nothing_of_another_provider() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("anbieter", null,
                "ROLE_PROVIDER", "PROVIDER_ID:demo"));
        MyDeliveriesView view = open(MyDeliveriesView.class, "");

        assertThat($(ComboBox.class, view).exists()).as("a provider cannot pick another provider").isFalse();
        String summary = $(Paragraph.class, view).withId("my-deliveries-summary").single().getText();
        assertThat(summary).startsWith("Datenlieferant „demo“: letzte Lieferung")
                .endsWith("(Status 422); 2 Anfragen, 40 Ereignisse angenommen, 10 abgelehnt.");

        @SuppressWarnings("unchecked")
        Grid<ProviderActivity.Day> days = (Grid<ProviderActivity.Day>) $(Grid.class, view)
                .withId("my-deliveries-by-day").single();
        assertThat(test(days).size()).isEqualTo(2);
        assertThat(java.util.stream.IntStream.range(0, 2).mapToObj(r -> test(days).getRow(r).providerId()))
                .containsOnly("demo");

        @SuppressWarnings("unchecked")
        Grid<Map.Entry<String, Long>> reasons = (Grid<Map.Entry<String, Long>>) $(Grid.class, view)
                .withId("my-deliveries-reasons").single();
        assertThat(test(reasons).size()).isEqualTo(2);
        assertThat(test(reasons).getCellText(0, 0)).isEqualTo(DeliveryColumns.reason(view, "district/invalid-value"))
                .startsWith("district").doesNotContain("invalid-value");
        assertThat(test(reasons).getCellText(0, 1)).isEqualTo("3");
        assertThat($(Paragraph.class, view).withId("my-deliveries-no-reasons").exists()).isFalse();

        @SuppressWarnings("unchecked")
        Grid<RetractionOutcome> retractions = (Grid<RetractionOutcome>) $(Grid.class, view)
                .withId("retraction-outcomes").single();
        List<UUID> shown = java.util.stream.IntStream.range(0, test(retractions).size())
                .mapToObj(r -> test(retractions).getRow(r).retractionId()).toList();
        assertThat(shown).hasSize(2).contains(ownRetraction).doesNotContain(othersRetraction);
        assertThat(test(retractions).getCellText(0, 1)).isEqualTo("ohne Wirkung: Ereignis eines anderen Lieferanten");
        assertThat(test(retractions).getCellText(1, 1)).isEqualTo("wirksam: Ereignis zählt nicht mehr");
        assertThat($(Paragraph.class, view).withId("my-deliveries-retraction-counts").single().getText())
                .isEqualTo("1 Rücknahmen wirksam, 1 ohne Wirkung oder wartend.");
        assertThat(view.getElement().getOuterHTML()).doesNotContain("vhs-leer");
    }

    @Test
    void a_provider_that_never_delivered_is_told_so_and_sees_no_one_elses() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("neu", null,
                "ROLE_PROVIDER", "PROVIDER_ID:vhs-aurich"));
        MyDeliveriesView view = open(MyDeliveriesView.class, "");
        assertThat($(Paragraph.class, view).withId("my-deliveries-summary").single().getText())
                .isEqualTo("Von „vhs-aurich“ ist noch keine Lieferung eingegangen.");
        assertThat($(Grid.class, view).withId("retraction-outcomes").exists()).isFalse();
        assertThat($(Grid.class, view).withId("my-deliveries-by-day").exists()).isFalse();
        assertThat($(Paragraph.class, view).withId("my-deliveries-no-reasons").single().getText())
                .isEqualTo("Keine Ablehnungen.");
    }

    @Test
    void an_admin_picks_the_provider() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null,
                "ROLE_ADMIN", "ROLE_VIEWER"));
        MyDeliveriesView view = open(MyDeliveriesView.class, "");
        assertThat($(Paragraph.class, view).withId("my-deliveries-summary").single().getText())
                .isEqualTo("Bitte einen Datenlieferanten wählen.");
        @SuppressWarnings("unchecked")
        ComboBox<String> provider = $(ComboBox.class, view).withId("my-deliveries-provider").single();
        assertThat(test(provider).getSuggestions()).containsExactly("demo", "vhs-leer");
        provider.setValue("vhs-leer");
        assertThat($(Paragraph.class, view).withId("my-deliveries-summary").single().getText())
                .startsWith("Datenlieferant „vhs-leer“").endsWith("1 Anfragen, 0 Ereignisse angenommen, 7 abgelehnt.");
    }

    @Test
    void providers_and_admins_may_open_it_viewers_may_not() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Principal someone = () -> "user";
        assertThat(checker.hasAccess(MyDeliveriesView.class, someone, Set.of("PROVIDER")::contains)).isTrue();
        assertThat(checker.hasAccess(MyDeliveriesView.class, someone, Set.of("ADMIN")::contains)).isTrue();
        assertThat(checker.hasAccess(MyDeliveriesView.class, someone, Set.of("VIEWER", "STATISTICS")::contains)).isFalse();
        assertThat(checker.hasAccess(DeliveriesView.class, someone, Set.of("PROVIDER")::contains))
                .as("the admins' page with every provider stays closed to providers").isFalse();
    }
}
