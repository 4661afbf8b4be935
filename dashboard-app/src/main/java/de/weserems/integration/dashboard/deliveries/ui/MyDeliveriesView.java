package de.weserems.integration.dashboard.deliveries.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
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
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.deliveries.RetractionOutcomes;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.retraction.RetractionOutcome;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.context.SecurityContextHolder;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Meine Lieferungen: one provider's own deliveries from ingest's audit (the same {@link ProviderActivity} and
 * {@link RetractionOutcomes} as the admins' Datenlieferungen): the last delivery, accepted and rejected events,
 * every reject reason in words, day by day, and which of its retractions took effect and which did not, and why.
 * A PROVIDER sees its own provider id only, whatever it asks for; an ADMIN picks a provider. Live by server push.
 */
@Route("meine-lieferungen")
@PageTitle("nav.myDeliveries")
@Menu(title = "nav.myDeliveries", order = 7, icon = "vaadin:clipboard-check")
@RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
public class MyDeliveriesView extends LiveDeliveriesPage {

    private final String ownProvider;
    private final ComboBox<String> provider = new ComboBox<>();
    private final Paragraph summary = new Paragraph();
    private final Grid<ProviderActivity.Day> byDay = new Grid<>();
    private final Grid<Map.Entry<String, Long>> reasons = new Grid<>();
    private final Paragraph noReasons = new Paragraph();
    private final Paragraph retractionCounts = new Paragraph();
    private final Grid<RetractionOutcome> retractions = new Grid<>();
    private final DateTimeFormatter time;
    private final NumberFormat number;

    public MyDeliveriesView(ProviderActivity activity, RetractionOutcomes outcomes, DashboardProperties properties) {
        super(activity, outcomes, properties);
        this.ownProvider = Roles.providerIdOf(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
        Locale locale = getLocale() == null ? Locale.GERMANY : getLocale();
        time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(Region.ZONE);
        number = NumberFormat.getIntegerInstance(locale);

        add(new H2(getTranslation("myDeliveries.title")), new Paragraph(getTranslation("myDeliveries.intro")));
        if (ownProvider == null) {
            provider.setId("my-deliveries-provider");
            provider.setLabel(getTranslation("upload.provider"));
            provider.setItems(activity.summaries().stream().map(ProviderActivity.Summary::providerId).sorted().toList());
            provider.addValueChangeListener(e -> refresh());
            add(provider);
        }
        summary.setId("my-deliveries-summary");

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        byDay.setId("my-deliveries-by-day");
        byDay.setAllRowsVisible(true);
        byDay.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        GridExport.column(byDay, d -> date.format(d.day())).setHeader(getTranslation("deliveries.day"));
        DeliveryColumns.counts(this, byDay, number);
        byDay.setPartNameGenerator(d -> d.rejected() > 0 ? "rejected" : null);

        // every reason, not only the commonest three: this is what the provider fixes in its export
        reasons.setId("my-deliveries-reasons");
        reasons.setAllRowsVisible(true);
        reasons.addThemeVariants(GridVariant.LUMO_COMPACT);
        GridExport.column(reasons, r -> DeliveryColumns.reason(this, r.getKey())).setHeader(getTranslation("myDeliveries.reason"))
                .setFlexGrow(3);
        GridExport.column(reasons, r -> number.format(r.getValue())).setHeader(getTranslation("myDeliveries.times"))
                .setTextAlign(ColumnTextAlign.END);

        noReasons.setId("my-deliveries-no-reasons");
        noReasons.setText(getTranslation("myDeliveries.noReasons"));
        retractionCounts.setId("my-deliveries-retraction-counts");
        DeliveryColumns.retractions(this, retractions, time, false);

        add(summary, new H3(getTranslation("myDeliveries.byDay")), byDay,
                new H3(getTranslation("myDeliveries.reasons")), noReasons, reasons,
                new H3(getTranslation("deliveries.retractions")), retractionCounts, retractions,
                new ExportLinks("meine-lieferungen", () -> new ShownTable(getTranslation("myDeliveries.title"),
                        List.of(summary.getText(), retractionCounts.getText()), shown().orElse(""), GridExport.shown(
                        GridExport.titled(getTranslation("myDeliveries.byDay"), byDay),
                        GridExport.titled(getTranslation("myDeliveries.reasons"), reasons),
                        GridExport.titled(getTranslation("deliveries.retractions"), retractions)))));
        refresh();
    }

    /** The provider shown: a PROVIDER's own, never another's; the one an ADMIN picked. */
    private Optional<String> shown() {
        return Optional.ofNullable(ownProvider != null ? ownProvider : provider.getValue());
    }

    @Override
    void refresh() {
        Optional<String> who = shown();
        Optional<ProviderActivity.Summary> mine = who.flatMap(activity::summary);
        summary.setText(who.isEmpty() ? getTranslation("myDeliveries.choose")
                : mine.map(s -> getTranslation("myDeliveries.summary", s.providerId(), time.format(s.lastDelivery()),
                        s.lastStatus(), number.format(s.requests()), number.format(s.accepted()),
                        number.format(s.rejected())))
                .orElse(getTranslation("myDeliveries.none", who.get())));
        byDay.setItems(mine.map(ProviderActivity.Summary::days).orElse(List.of()));
        byDay.setVisible(mine.isPresent());
        List<Map.Entry<String, Long>> all = mine.map(ProviderActivity.Summary::reasons).orElse(List.of());
        reasons.setItems(all);
        reasons.setVisible(!all.isEmpty());
        noReasons.setVisible(all.isEmpty());

        List<RetractionOutcome> decided = who.map(p -> outcomes.recentOf(p, DeliveriesView.RETRACTIONS_PER_PROVIDER))
                .orElse(List.of());
        long effective = decided.stream().filter(o -> o.verdict().effective()).count();
        retractions.setItems(decided);
        retractions.setVisible(!decided.isEmpty());
        retractionCounts.setText(decided.isEmpty() ? getTranslation("deliveries.retractions.empty")
                : getTranslation("myDeliveries.retractions", number.format(effective),
                number.format(decided.size() - effective)));
    }
}
