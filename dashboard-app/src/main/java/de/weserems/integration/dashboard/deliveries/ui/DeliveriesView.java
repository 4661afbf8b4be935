package de.weserems.integration.dashboard.deliveries.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.deliveries.DeliveriesSettings;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.RetractionOutcomes;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.retraction.RetractionOutcome;
import jakarta.annotation.security.RolesAllowed;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Datenlieferungen (admins only): per provider the last delivery, accepted and rejected events and
 * the commonest reject reasons, in total and day by day for the recent days; the districts from
 * which no event has arrived for a while; and what became of each provider's retractions. Live: new
 * deliveries, events and outcomes redraw the tables by server push (throttled); a detached page cancels
 * its subscriptions.
 */
@Route("datenlieferungen")
@PageTitle("nav.deliveries")
@Menu(title = "nav.deliveries", order = 5, icon = "vaadin:truck")
@RolesAllowed(Roles.ADMIN)
public class DeliveriesView extends LiveDeliveriesPage {

    /** A district and when ingest last stored an event of it ({@code null}: not in the audit kept). */
    record DistrictReceipt(District district, Instant lastReceived, boolean stale) {
    }

    /** The most recent retractions shown per provider: the page stays small however many were sent. */
    static final int RETRACTIONS_PER_PROVIDER = 50;

    private final DeliveriesSettings settings;
    private final Clock clock;
    private final Grid<ProviderActivity.Summary> grid = new Grid<>();
    private final Grid<ProviderActivity.Day> byDay = new Grid<>();
    private final Grid<DistrictReceipt> receipts = new Grid<>();
    private final Grid<RetractionOutcome> retractions = new Grid<>();
    private final Paragraph empty;
    private final Paragraph noRetractions;
    private final Paragraph noneRecent;

    public DeliveriesView(ProviderActivity activity, RetractionOutcomes outcomes, DeliveriesSettings settings,
                          DashboardProperties properties, Clock clock) {
        super(activity, outcomes, properties);
        this.settings = settings;
        this.clock = clock;
        Locale locale = getLocale() == null ? Locale.GERMANY : getLocale();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(Region.ZONE);
        NumberFormat number = NumberFormat.getIntegerInstance(locale);

        grid.setId("provider-table");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", getTranslation("deliveries.providers"));
        GridExport.column(grid, ProviderActivity.Summary::providerId).setHeader(getTranslation("deliveries.provider"))
                .setSortable(true);
        GridExport.column(grid, s -> time.format(s.lastDelivery()) + " (" + s.lastStatus() + ")")
                .setHeader(getTranslation("deliveries.last")).setSortable(true)
                .setComparator(ProviderActivity.Summary::lastDelivery);
        countColumns(grid, number);

        // the same day by day, for the recent days: did a fix of the provider's export help?
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        byDay.setId("deliveries-by-day");
        byDay.setAllRowsVisible(true);
        byDay.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        byDay.getElement().setAttribute("aria-label", getTranslation("deliveries.byDay", settings.dayCount()));
        GridExport.column(byDay, d -> date.format(d.day())).setHeader(getTranslation("deliveries.day"));
        GridExport.column(byDay, ProviderActivity.Day::providerId).setHeader(getTranslation("deliveries.provider"));
        countColumns(byDay, number);
        byDay.setPartNameGenerator(d -> d.rejected() > 0 ? "rejected" : null);
        noneRecent = new Paragraph(getTranslation("deliveries.byDay.empty", settings.dayCount()));
        noneRecent.setId("deliveries-by-day-empty");

        receipts.setId("district-receipts");
        receipts.setAllRowsVisible(true);
        receipts.getElement().setAttribute("aria-label", getTranslation("deliveries.districts"));
        GridExport.column(receipts, r -> r.district().displayName()).setHeader(getTranslation("overview.column.district"));
        GridExport.column(receipts, r -> r.lastReceived() == null ? getTranslation("deliveries.never")
                : time.format(r.lastReceived())).setHeader(getTranslation("deliveries.lastEvent"));
        GridExport.column(receipts, r -> r.stale() ? getTranslation("deliveries.stale") : "")
                .setHeader(getTranslation("deliveries.status"));
        receipts.setPartNameGenerator(r -> r.stale() ? "stale" : null);

        // per provider what its retractions did, and why one did nothing: a provider's export can be fixed
        DeliveryColumns.retractions(this, retractions, time, true);
        noRetractions = new Paragraph(getTranslation("deliveries.retractions.empty"));
        noRetractions.setId("retraction-outcomes-empty");

        empty = new Paragraph(getTranslation("deliveries.empty"));
        empty.setId("deliveries-empty");
        add(new H2(getTranslation("deliveries.title")), new Paragraph(getTranslation("deliveries.intro")), empty, grid,
                new H3(getTranslation("deliveries.byDay", settings.dayCount())), noneRecent, byDay,
                new H3(getTranslation("deliveries.retractions")),
                new Paragraph(getTranslation("deliveries.retractions.intro", RETRACTIONS_PER_PROVIDER)),
                noRetractions, retractions,
                new H3(getTranslation("deliveries.districts")),
                new Paragraph(getTranslation("deliveries.staleRule", settings.staleAfter().toDays())), receipts,
                new ExportLinks("datenlieferungen", () -> new ShownTable(getTranslation("deliveries.title"),
                        List.of(), LocalDate.now(clock.withZone(Region.ZONE)).toString(), GridExport.shown(
                        GridExport.titled("", grid),
                        GridExport.titled(getTranslation("deliveries.byDay", settings.dayCount()), byDay),
                        GridExport.titled(getTranslation("deliveries.retractions"), retractions),
                        GridExport.titled(getTranslation("deliveries.districts"), receipts)))));
        refresh();
    }

    @Override
    void refresh() {
        List<ProviderActivity.Summary> providers = activity.summaries();
        grid.setItems(providers);
        empty.setVisible(providers.isEmpty());

        LocalDate today = LocalDate.ofInstant(clock.instant(), Region.ZONE);
        LocalDate firstDay = today.minusDays(settings.dayCount() - 1L);
        List<ProviderActivity.Day> recent = providers.stream().flatMap(p -> p.days().stream())
                .filter(d -> !d.day().isBefore(firstDay))
                .sorted(Comparator.comparing(ProviderActivity.Day::day).reversed()
                        .thenComparing(ProviderActivity.Day::providerId))
                .toList();
        byDay.setItems(recent);
        byDay.setVisible(!recent.isEmpty());
        noneRecent.setVisible(recent.isEmpty());

        List<RetractionOutcome> decided = outcomes.recent(RETRACTIONS_PER_PROVIDER);
        retractions.setItems(decided);
        retractions.setVisible(!decided.isEmpty());
        noRetractions.setVisible(decided.isEmpty());

        Instant now = clock.instant();
        Map<District, Instant> last = lastStored(activity);
        receipts.setItems(Arrays.stream(District.values())
                .map(d -> new DistrictReceipt(d, last.get(d), last.get(d) == null
                        || Duration.between(last.get(d), now).compareTo(settings.staleAfter()) > 0))
                .toList());
    }

    /** The columns of requests, accepted, rejected and the commonest reasons, in both tables alike. */
    private <T extends ProviderActivity.Counted> void countColumns(Grid<T> grid, NumberFormat number) {
        DeliveryColumns.counts(this, grid, number);
    }

    /** Per district, when ingest last stored a request with an event of it (from the audit). */
    static Map<District, Instant> lastStored(ProviderActivity activity) {
        Map<District, Instant> last = new EnumMap<>(District.class);
        activity.reporters().forEach((district, reporters) -> reporters.stream().map(ProviderActivity.Reporter::last)
                .max(Instant::compareTo).ifPresent(at -> last.put(district, at)));
        return last;
    }
}
