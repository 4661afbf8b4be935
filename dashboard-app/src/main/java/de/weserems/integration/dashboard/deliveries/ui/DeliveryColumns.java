package de.weserems.integration.dashboard.deliveries.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.events.retraction.RetractionOutcome;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns the admins' Datenlieferungen and a provider's Meine Lieferungen share: requests, accepted,
 * rejected and the reasons in words; and what became of the retractions. One place, so both pages word a reason
 * and a verdict alike.
 */
final class DeliveryColumns {

    private DeliveryColumns() {
    }

    /** The columns of requests, accepted, rejected and the commonest reasons. */
    static <T extends ProviderActivity.Counted> void counts(Component page, Grid<T> grid, NumberFormat number) {
        GridExport.column(grid, c -> number.format(c.requests())).setHeader(page.getTranslation("deliveries.requests"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(grid, c -> number.format(c.accepted())).setHeader(page.getTranslation("deliveries.accepted"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(grid, c -> number.format(c.rejected())).setHeader(page.getTranslation("deliveries.rejected"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(grid, c -> commonest(page, c.reasons(), number))
                .setHeader(page.getTranslation("deliveries.reasons")).setFlexGrow(3);
    }

    /**
     * The retractions' table: when decided, the verdict in words, the retraction and the event it names; the
     * provider's column only where several providers are shown.
     */
    static void retractions(Component page, Grid<RetractionOutcome> retractions, DateTimeFormatter time,
                            boolean withProvider) {
        retractions.setId("retraction-outcomes");
        retractions.setAllRowsVisible(true);
        retractions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        retractions.getElement().setAttribute("aria-label", page.getTranslation("deliveries.retractions"));
        if (withProvider) {
            GridExport.column(retractions, RetractionOutcome::providerId).setHeader(page.getTranslation("deliveries.provider"))
                    .setSortable(true);
        }
        GridExport.column(retractions, o -> o.decidedAt() == null ? "" : time.format(o.decidedAt()))
                .setHeader(page.getTranslation("deliveries.retractions.decided"));
        GridExport.column(retractions, o -> page.getTranslation("deliveries.verdict." + o.verdict().name()))
                .setHeader(page.getTranslation("deliveries.retractions.verdict")).setFlexGrow(2);
        GridExport.column(retractions, o -> o.retractionId().toString())
                .setHeader(page.getTranslation("deliveries.retractions.retraction")).setFlexGrow(2);
        GridExport.column(retractions, o -> o.retracts().toString())
                .setHeader(page.getTranslation("deliveries.retractions.retracts")).setFlexGrow(2);
        retractions.setPartNameGenerator(o -> o.verdict().effective() ? null : "no-effect");
    }

    /** The three commonest reasons, in words: "district: ungültiger Wert × 3, eventId: fehlt × 1". */
    static String commonest(Component page, List<Map.Entry<String, Long>> reasons, NumberFormat number) {
        return reasons.stream().limit(3).map(r -> reason(page, r.getKey()) + " × " + number.format(r.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * A reason ({@code field/rule} as ingest counts it) in words: the field as the contract names it
     * (providers' exports use these names), the rule in the page's language. A rule this page does
     * not know (a newer ingest) is shown by its code.
     */
    static String reason(Component page, String key) {
        if (key.equals(ProviderActivity.OTHER)) {
            return page.getTranslation("deliveries.reason.other");
        }
        int slash = key.indexOf('/');
        String field = slash < 0 ? key : key.substring(0, slash);
        String rule = slash < 0 ? "" : key.substring(slash + 1);
        if (field.equals(ProviderActivity.REQUEST)) {
            return page.getTranslation("deliveries.reason.request",
                    translated(page, "deliveries.problem." + rule, rule));
        }
        return page.getTranslation("deliveries.reason.field", field, translated(page, "deliveries.rule." + rule, rule));
    }

    private static String translated(Component page, String key, String fallback) {
        String text = page.getTranslation(key);
        return text == null || text.isBlank() || text.contains(key) ? fallback : text;
    }
}
