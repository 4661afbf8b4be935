package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.base.ui.PushThrottle;
import de.weserems.integration.dashboard.indicators.AreaFigures;
import de.weserems.integration.dashboard.indicators.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.IndicatorReport;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * Überblick: the 17 districts with their course enrolments over the last 12 months, and the
 * region total, updated by server push without reload.
 */
@Route("")
@RouteAlias("overview")
@PageTitle("Überblick – Integrationsmonitor Weser-Ems")
@RolesAllowed(Roles.VIEWER)
public class OverviewView extends VerticalLayout {

    private final IndicatorQueries queries;
    private final IndicatorReadModel readModel;
    private final DashboardProperties properties;

    private final Paragraph period = new Paragraph();
    private final Span regionEnrolments = new Span();
    private final Span updated = new Span();
    private final Paragraph empty = new Paragraph();
    private final Grid<AreaFigures> grid = new Grid<>();
    private IndicatorReadModel.Subscription subscription;

    public OverviewView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        this.queries = queries;
        this.readModel = readModel;
        this.properties = properties;
        setWidthFull();

        regionEnrolments.setId("region-enrolments");
        regionEnrolments.addClassName("kpi-value");
        Span label = new Span(getTranslation("overview.region.enrolments"));
        label.addClassName("kpi-label");
        Div kpi = new Div(regionEnrolments, label);
        kpi.addClassName("kpi");
        kpi.getStyle().set("display", "flex").set("flex-direction", "column");

        updated.setId("last-updated");
        updated.addClassName("muted");
        updated.getElement().setAttribute("aria-live", "polite");
        empty.setId("empty-state");
        empty.setText(getTranslation("overview.empty"));

        grid.setId("district-table");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(AreaFigures::name).setHeader(getTranslation("overview.column.district"))
                .setSortable(true).setComparator(Comparator.comparing(AreaFigures::name)).setFlexGrow(3);
        grid.addColumn(AreaFigures::district).setHeader(getTranslation("overview.column.ags")).setSortable(true);
        grid.addColumn(LitRenderer.<AreaFigures>of(
                                "<span class=${item.css} data-ags=${item.ags}>${item.value}</span>")
                        .withProperty("ags", AreaFigures::district)
                        .withProperty("css", f -> Boolean.TRUE.equals(f.reported()) ? "count" : "no-reports")
                        .withProperty("value", f -> countText(f, "enrolments")))
                .setHeader(getTranslation("overview.column.enrolments"))
                .setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(Comparator.comparing(f -> sortValue(f.count("enrolments"))));
        grid.addColumn(f -> per10kText(f, "enrolments"))
                .setHeader(getTranslation("overview.column.enrolmentsPer10k"))
                .setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(Comparator.comparing(f -> sortValue(f.per10k().get("enrolments"))));

        Paragraph legend = new Paragraph(getTranslation("overview.legend",
                properties.confidentiality().minCount()));
        legend.addClassName("muted");

        HorizontalLayout head = new HorizontalLayout(kpi, updated);
        head.setAlignItems(Alignment.END);
        add(new H2(getTranslation("overview.title")), period, head, empty, grid, legend);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        PushThrottle throttle = new PushThrottle(event.getUI(), properties.pushInterval(), this::refresh);
        subscription = readModel.subscribe(changedAt -> throttle.request());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }

    private void refresh() {
        YearMonth[] p = queries.defaultPeriod();
        IndicatorReport report = queries.report(p[0], p[1], Set.of(), null);
        DateTimeFormatter months = DateTimeFormatter.ofPattern("MMMM yyyy", locale());
        period.setText(getTranslation("overview.period", months.format(p[0]), months.format(p[1])));
        regionEnrolments.setText(countText(report.region(), "enrolments"));
        boolean anyReports = report.districts().stream().anyMatch(f -> Boolean.TRUE.equals(f.reported()));
        empty.setVisible(!anyReports);
        grid.setItems(report.districts());
        Instant last = readModel.lastChange();
        updated.setText(last == null ? getTranslation("overview.updated.never")
                : getTranslation("overview.updated", DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(locale()).withZone(IndicatorQueries.REGION_ZONE).format(last)));
    }

    private String countText(AreaFigures f, String count) {
        if (Boolean.FALSE.equals(f.reported())) {
            return getTranslation("overview.noReports");
        }
        Long value = f.count(count);
        return value == null ? getTranslation("overview.withheld") : NumberFormat.getIntegerInstance(locale()).format(value);
    }

    private String per10kText(AreaFigures f, String count) {
        if (Boolean.FALSE.equals(f.reported())) {
            return "";
        }
        BigDecimal value = f.per10k().get(count);
        if (value == null) {
            return getTranslation("overview.withheld");
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** Withheld and unreported values sort below every shown value. */
    private static double sortValue(Number value) {
        return value == null ? -1 : value.doubleValue();
    }

    private Locale locale() {
        return getLocale() == null ? Locale.GERMANY : getLocale();
    }
}
