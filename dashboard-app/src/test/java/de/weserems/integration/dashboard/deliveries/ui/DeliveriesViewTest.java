package de.weserems.integration.dashboard.deliveries.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import de.weserems.integration.browserless.ServicesInstantiatorFactory;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.deliveries.DeliveriesSettings;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.ProviderActivityTestAccess;
import de.weserems.integration.dashboard.deliveries.RetractionOutcomes;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.OverviewView;
import de.weserems.integration.dashboard.testing.ShownExports;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.retraction.RetractionOutcome;
import de.weserems.integration.events.retraction.RetractionOutcome.Verdict;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admins' Datenlieferungen view: providers' deliveries and reject reasons, quiet districts, admins only. */
class DeliveriesViewTest extends ViewTestBase {

    /** "Now" of this test. */
    private final Instant now = Instant.now().plus(Duration.ofDays(20));
    private final RetractionOutcomes outcomes = ProviderActivityTestAccess.noRetractions();

    DeliveriesViewTest() {
        ServicesInstantiatorFactory.use(Map.of(IndicatorReadModel.class, model,
                DashboardProperties.class, properties, IndicatorQueries.class, queries,
                DataFlowStatus.class, dataFlow, ProviderActivity.class, activity, RetractionOutcomes.class, outcomes,
                DeliveriesSettings.class, new DeliveriesSettings(Duration.ofDays(14), Duration.ofDays(14)),
                Clock.class, Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    void the_retractions_per_provider_with_what_became_of_them_and_why() {
        UUID wrong = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        RetractionOutcome tookEffect = outcome("v6", "jc-emsland", wrong, Verdict.TOOK_EFFECT, daysAgo(2));
        ProviderActivityTestAccess.decide(outcomes, outcome("v6", "vhs-leer", foreign, Verdict.OTHER_PROVIDERS_EVENT,
                daysAgo(1)));
        ProviderActivityTestAccess.decide(outcomes, outcome("v6", "jc-emsland", UUID.randomUUID(), Verdict.WAITING,
                daysAgo(0)));
        // the same retraction decided by an older generation (still running beside) and by the newest
        ProviderActivityTestAccess.decide(outcomes, tookEffect);
        ProviderActivityTestAccess.decide(outcomes, new RetractionOutcome("v5", "jc-emsland", tookEffect.retractionId(),
                wrong, Verdict.WAITING, Instant.parse(daysAgo(3))));

        DeliveriesView view = open(DeliveriesView.class, "");
        @SuppressWarnings("unchecked")
        Grid<RetractionOutcome> grid = (Grid<RetractionOutcome>) $(Grid.class, view).withId("retraction-outcomes")
                .single();
        assertThat(test(grid).size()).isEqualTo(3);
        // by provider, the most recently decided first
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("jc-emsland");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("wartet: Ereignis noch nicht eingegangen");
        assertThat(test(grid).getCellText(1, 2)).as("the newest generation's word stands")
                .isEqualTo("wirksam: Ereignis zählt nicht mehr");
        assertThat(test(grid).getCellText(1, 3)).isEqualTo(tookEffect.retractionId().toString());
        assertThat(test(grid).getCellText(1, 4)).isEqualTo(wrong.toString());
        assertThat(test(grid).getCellText(2, 0)).isEqualTo("vhs-leer");
        assertThat(test(grid).getCellText(2, 2)).isEqualTo("ohne Wirkung: Ereignis eines anderen Lieferanten");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, view).withId("retraction-outcomes-empty")
                .exists()).as("the 'none yet' line is hidden").isFalse();
    }

    @Test
    void without_retractions_the_page_says_so_and_an_outcome_arrives_by_server_push_in_english() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        DeliveriesView view = open(DeliveriesView.class, "");
        assertThat($(Grid.class, view).withId("retraction-outcomes").exists()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, view).withId("retraction-outcomes-empty")
                .single().getText()).isEqualTo("No retractions received yet.");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, view).all())
                .anySatisfy(p -> assertThat(p.getText()).startsWith("What became of the retractions")
                        .endsWith("has no effect. The last 50 per provider."));

        ProviderActivityTestAccess.decide(outcomes, outcome("v6", "vhs-leer", UUID.randomUUID(),
                Verdict.RETRACTS_A_RETRACTION, daysAgo(0)));
        ProviderActivityTestAccess.announce(outcomes);
        await().alias("the outcome arrives without reload").atMost(Duration.ofSeconds(10))
                .pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    VaadinService.getCurrent().runPendingAccessTasks(VaadinSession.getCurrent());
                    roundTrip();
                    assertThat($(Grid.class, view).withId("retraction-outcomes").exists()).isTrue();
                });
        @SuppressWarnings("unchecked")
        Grid<RetractionOutcome> grid = (Grid<RetractionOutcome>) $(Grid.class, view).withId("retraction-outcomes")
                .single();
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("no effect: names a retraction");
    }

    @Test
    void each_provider_shows_its_50_most_recent_retractions() {
        for (int i = 0; i < 60; i++) {
            ProviderActivityTestAccess.decide(outcomes, outcome("v6", "jc-emsland", UUID.randomUUID(),
                    Verdict.TOOK_EFFECT, now.minus(Duration.ofMinutes(i)).toString()));
        }
        ProviderActivityTestAccess.decide(outcomes, outcome("v6", "vhs-leer", UUID.randomUUID(), Verdict.WAITING,
                daysAgo(5)));

        DeliveriesView view = open(DeliveriesView.class, "");
        @SuppressWarnings("unchecked")
        Grid<RetractionOutcome> grid = (Grid<RetractionOutcome>) $(Grid.class, view).withId("retraction-outcomes")
                .single();
        assertThat(test(grid).size()).isEqualTo(DeliveriesView.RETRACTIONS_PER_PROVIDER + 1);
        assertThat(test(grid).getRow(0).decidedAt()).as("the newest first").isEqualTo(now);
        assertThat(test(grid).getRow(DeliveriesView.RETRACTIONS_PER_PROVIDER).providerId()).isEqualTo("vhs-leer");
    }

    private static RetractionOutcome outcome(String generation, String provider, UUID retracts, Verdict verdict,
                                             String at) {
        return new RetractionOutcome(generation, provider, UUID.randomUUID(), retracts, verdict, Instant.parse(at));
    }

    @Test
    void providers_with_their_counts_and_commonest_reasons() {
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", "2026-11-20T10:00:00Z", 202, 40, 40, false, Map.of());
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", "2026-11-21T10:00:00Z", 422, 10, 0, false,
                Map.of("district/invalid-value", 3, "eventId/missing", 1));
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", "2026-11-22T10:00:00Z", 202, 5, 5, true, Map.of());
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", "2026-11-19T08:00:00Z", 202, 12, 12, false, Map.of());

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
        assertThat(test(providers).getCellText(0, 5)).isEqualTo("district: ungültiger Wert × 3, eventId: fehlt × 1");
        assertThat(test(providers).getCellText(0, 1)).endsWith("(202)");
    }

    @Test
    void the_page_exports_its_tables_as_shown() {
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", daysAgo(1), 422, 10, 0, false,
                Map.of("district/invalid-value", 3, "eventId/missing", 1));
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", daysAgo(2), 202, 1234, 1234, false, Map.of());
        ProviderActivityTestAccess.store(activity, "jc-emsland", daysAgo(20), Map.of("03454", 5));
        DeliveriesView view = open(DeliveriesView.class, "");
        ExportLinks links = $(ExportLinks.class, view).single();
        ShownTable table = links.table();
        // no retractions: the page says so instead of an empty table, and the file has no such table either
        assertThat($(Grid.class, view).withId("retraction-outcomes").all()).isEmpty();
        assertThat(table.sections()).extracting(ShownTable.Section::title).doesNotContain("Rücknahmen");
        List<String> ids = List.of("provider-table", "deliveries-by-day", "district-receipts");
        assertThat(table.sections()).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            ShownExports.assertShownAsIn(table.sections().get(i), $(Grid.class, view).withId(ids.get(i)).single());
        }
        // 1.234 accepted events: a number in German Excel, written without the thousands' point
        assertThat(links.csv()).contains("\r\nvhs-leer;").contains(";1234;");
    }

    @Test
    void districts_without_a_stored_event_for_14_days_are_highlighted() {
        ProviderActivityTestAccess.store(activity, "jc-emsland", daysAgo(20), Map.of("03454", 5));
        ProviderActivityTestAccess.store(activity, "demo", daysAgo(1), Map.of("03457", 2));
        DeliveriesView view = open(DeliveriesView.class, "");

        @SuppressWarnings("unchecked")
        Grid<Object> receipts = (Grid<Object>) $(Grid.class, view).withId("district-receipts").single();
        assertThat(test(receipts).size()).isEqualTo(17);
        // Emsland's events were stored 20 days ago: quiet for more than 14 days; Aurich has no stored event
        assertThat(test(receipts).getCellText(District.EMSLAND.ordinal(), 2)).isEqualTo("Keine aktuellen Meldungen");
        assertThat(test(receipts).getCellText(District.LEER.ordinal(), 2)).isEmpty();
        assertThat(test(receipts).getCellText(District.AURICH.ordinal(), 1)).isEqualTo("keine in den letzten 90 Tagen");
        assertThat(test(receipts).getCellText(District.AURICH.ordinal(), 2)).isEqualTo("Keine aktuellen Meldungen");
    }

    @Test
    void an_open_page_shows_a_new_delivery_by_server_push() {
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", daysAgo(1), 202, 40, 40, false, Map.of());
        DeliveriesView view = open(DeliveriesView.class, "");
        @SuppressWarnings("unchecked")
        Grid<ProviderActivity.Summary> providers = (Grid<ProviderActivity.Summary>) $(Grid.class, view)
                .withId("provider-table").single();
        assertThat(test(providers).size()).isEqualTo(1);

        ProviderActivityTestAccess.deliver(activity, "vhs-leer", daysAgo(0), 422, 4, 0, false,
                Map.of("courseType/missing", 4));
        ProviderActivityTestAccess.announce(activity);
        // in this thread: it holds the session lock, and runs what the push throttle's thread queued with UI.access
        await().alias("the new provider's row arrives without reload").atMost(Duration.ofSeconds(10))
                .pollInSameThread().pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    VaadinService.getCurrent().runPendingAccessTasks(VaadinSession.getCurrent());
                    roundTrip();
                    assertThat(test(providers).size()).as("rows of the provider table").isEqualTo(2);
                });
        int leer = test(providers).getRow(0).providerId().equals("vhs-leer") ? 0 : 1;
        assertThat(test(providers).getRow(leer).providerId()).isEqualTo("vhs-leer");
        assertThat(test(providers).getCellText(leer, 5)).isEqualTo("courseType: fehlt × 4");
    }

    @Test
    void reject_reasons_day_by_day_for_the_last_14_days_in_words() {
        // a provider fixes its export: missing districts two days ago, one refused upload yesterday, clean today
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", daysAgo(20), 422, 8, 0, false,
                Map.of("occurredOn/out-of-range", 8));                                  // before the window
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", daysAgo(2), 422, 10, 0, false,
                Map.of("district/missing", 6, "outcome/not-allowed-for-type", 2, "eventId/invalid-format", 1,
                        "foo/unknown-field", 1));
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", daysAgo(2), 202, 7, 7, false, Map.of());
        ProviderActivityTestAccess.refuse(activity, "jc-emsland", daysAgo(1), 413, 12_000, "too-many-events");
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", daysAgo(0), 202, 1_500, 1_500, false, Map.of());
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", daysAgo(1), 422, 4, 0, false,
                Map.of("district/district-not-allowed", 4));

        DeliveriesView view = open(DeliveriesView.class, "");
        Grid<ProviderActivity.Day> days = dayGrid(view);
        // newest day first; the day 20 days ago is outside the 14 shown
        assertThat(test(days).size()).isEqualTo(4);
        assertThat(row(days, 0)).containsExactly(day(0), "jc-emsland", "1", "1.500", "0", "");
        assertThat(row(days, 1)).containsExactly(day(1), "jc-emsland", "1", "0", "12.000",
                "Anfrage abgelehnt: zu viele Ereignisse × 1");
        assertThat(row(days, 2)).containsExactly(day(1), "vhs-leer", "1", "0", "4",
                "district: Kreis für diesen Lieferanten nicht freigegeben × 4");
        assertThat(row(days, 3)).containsExactly(day(2), "jc-emsland", "2", "7", "10",
                "district: fehlt × 6, outcome: beim Ereignistyp nicht erlaubt × 2, eventId: ungültiges Format × 1");
        // the totals still count all time
        @SuppressWarnings("unchecked")
        Grid<ProviderActivity.Summary> providers = (Grid<ProviderActivity.Summary>) $(Grid.class, view)
                .withId("provider-table").single();
        assertThat(test(providers).getCellText(0, 5))
                .isEqualTo("occurredOn: außerhalb des erlaubten Bereichs × 8, district: fehlt × 6, outcome: beim Ereignistyp nicht erlaubt × 2");
    }

    @Test
    void an_unknown_field_is_named_as_sent_and_a_rule_the_page_does_not_know_by_its_code() {
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", daysAgo(0), 422, 5, 0, false,
                Map.of("foo/unknown-field", 3, "district/some-newer-rule", 2));

        DeliveriesView view = open(DeliveriesView.class, "");
        Grid<ProviderActivity.Day> days = dayGrid(view);
        assertThat(test(days).getCellText(0, 5)).isEqualTo("foo: unbekanntes Feld × 3, district: some-newer-rule × 2");
    }

    @Test
    void without_recent_deliveries_the_day_table_says_so() {
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", daysAgo(30), 202, 12, 12, false, Map.of());

        DeliveriesView view = open(DeliveriesView.class, "");
        assertThat($(Grid.class, view).withId("deliveries-by-day").exists()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class, view).withId("deliveries-by-day-empty")
                .single().getText()).isEqualTo("In den letzten 14 Tagen ist keine Lieferung eingegangen.");
    }

    @Test
    void reasons_in_english_when_the_session_is_english() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", daysAgo(0), 422, 4, 0, false,
                Map.of("district/district-not-allowed", 4));

        DeliveriesView view = open(DeliveriesView.class, "");
        Grid<ProviderActivity.Day> days = dayGrid(view);
        assertThat(test(days).getCellText(0, 5)).isEqualTo("district: district not allowed for this provider × 4");
    }

    @SuppressWarnings("unchecked")
    private Grid<ProviderActivity.Day> dayGrid(DeliveriesView view) {
        return (Grid<ProviderActivity.Day>) $(Grid.class, view).withId("deliveries-by-day").single();
    }

    private String daysAgo(int days) {
        return now.minus(Duration.ofDays(days)).toString();
    }

    private String day(int daysAgo) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.GERMANY)
                .format(now.minus(Duration.ofDays(daysAgo)).atZone(Region.ZONE).toLocalDate());
    }

    private List<String> row(Grid<ProviderActivity.Day> grid, int row) {
        return java.util.stream.IntStream.range(0, 6).mapToObj(c -> test(grid).getCellText(row, c)).toList();
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
