package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.ui.AlertList;
import de.weserems.integration.dashboard.base.ui.CurrentBreaches;
import de.weserems.integration.dashboard.base.ui.PushThrottle;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.dashboard.indicators.ui.Indicator.Mode;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Überblick: a map of the 17 districts for a chosen indicator, KPI tiles for the region with the
 * change against the previous period of equal length, and a sortable table of the districts, all
 * updated by server push without reload. A district on the map or in the table opens its page.
 */
@Route("")
@RouteAlias("overview")
@PageTitle("nav.overview")
@Menu(title = "nav.overview", order = 1, icon = "vaadin:map-marker")
@RolesAllowed(Roles.VIEWER)
public class OverviewView extends IndicatorView {

    /** The KPI tiles of the region, in this order. */
    private static final List<Indicator> KPIS =
            List.of(Indicator.ENROLMENTS, Indicator.COMPLETIONS, Indicator.PLACEMENTS, Indicator.COMPLETION_RATE);

    private final Paragraph period = new Paragraph();
    private final Span updated = new Span();
    /** The region's monthly report (PDF) of the period's last month. */
    private final Anchor reportLink = ReportLink.anchor("region-report");
    private final Paragraph empty = new Paragraph();
    private final Select<Indicator> indicator = new Select<>();
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    private final DistrictMap map = new DistrictMap();
    private final Grid<AreaFigures> grid = new Grid<>();
    private final Map<Indicator, Span[]> kpis = new EnumMap<>(Indicator.class);
    private boolean showing;
    private final Alerts alerts;
    /** The targets missed now, by area, as of the last {@link #render()}: the table and the map mark them. */
    private Map<String, List<Alerts.Alert>> missed = Map.of();

    public OverviewView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties,
                        Alerts alerts) {
        super(queries, readModel, properties);
        this.alerts = alerts;
        FigureFormat format = new FigureFormat(this);

        FlexLayout tiles = new FlexLayout();
        tiles.addClassName("kpi-row");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        for (Indicator kpi : KPIS) {
            tiles.add(tile(kpi));
        }
        kpis.get(Indicator.ENROLMENTS)[0].setId("region-enrolments");

        updated.setId("last-updated");
        updated.addClassName("muted");
        updated.getElement().setAttribute("aria-live", "polite");
        empty.setId("empty-state");
        empty.setText(getTranslation("overview.empty"));

        indicator.setId("map-indicator");
        indicator.setLabel(getTranslation("overview.map.indicator"));
        indicator.setItems(Indicator.values());
        indicator.setItemLabelGenerator(i -> getTranslation("indicator." + i.key()));
        indicator.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                navigate(state().withIndicator(e.getValue()));
            }
        });
        mode.setId("map-mode");
        mode.setLabel(getTranslation("overview.map.mode"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("mode." + m.param()));
        mode.addValueChangeListener(e -> {
            if (!showing && e.getValue() != null) {
                navigate(state().withMode(e.getValue()));
            }
        });
        map.setId("district-map");
        map.addDistrictClickListener(e -> District.byAgs(e.ags())
                .ifPresent(d -> getUI().ifPresent(ui -> DistrictView.open(ui, d, state()))));

        grid.setId("district-table");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", getTranslation("overview.table.label"));
        AreaColumns.name(grid, getTranslation("overview.column.district"), this::state);
        GridExport.column(grid, AreaFigures::district).setHeader(getTranslation("overview.column.ags")).setSortable(true);
        GridExport.shows(grid.addColumn(LitRenderer.<AreaFigures>of(
                                "<span class=${item.css} data-ags=${item.ags}>${item.value}</span>")
                        .withProperty("ags", AreaFigures::district)
                        .withProperty("css", f -> Boolean.TRUE.equals(f.reported()) ? "count" : "no-reports")
                        .withProperty("value", f -> format.count(f, "enrolments"))), f -> format.count(f, "enrolments"))
                .setHeader(getTranslation("indicator.enrolments"))
                .setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(Comparator.comparing(f -> AreaColumns.sortValue(f.count("enrolments"))));
        AreaColumns.figure(grid, format, getTranslation("overview.column.enrolmentsPer10k"),
                f -> f.per10k().get("enrolments"), Kind.PER_10K);
        if (queries.foreignResidents().available()) {
            AreaColumns.figure(grid, format, getTranslation("indicator.per10kForeign.enrolments"),
                    f -> f.per10kForeign().get("enrolments"), Kind.PER_10K).setId("column-per10kForeign");
        }
        for (Indicator i : List.of(Indicator.COMPLETIONS, Indicator.PLACEMENTS, Indicator.COMPLETION_RATE,
                Indicator.LANGUAGE_SUCCESS_RATE, Indicator.PLACEMENT_WITHIN_6_MONTHS)) {
            AreaColumns.figure(grid, format, getTranslation("indicator." + i.key()),
                    f -> i.value(f, Mode.ABSOLUTE), FigureFormat.kind(i, Mode.ABSOLUTE));
        }
        GridExport.shows(grid.addComponentColumn(this::breachMark), f -> breachMark(f).getText()).setHeader(getTranslation("overview.column.targets"));

        HorizontalLayout head = new HorizontalLayout(period, updated, reportLink);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout mapControls = new HorizontalLayout(indicator, mode);
        mapControls.setAlignItems(FlexComponent.Alignment.BASELINE);
        // the Hinweise right below the region's tiles: a missed target is news, not a footnote
        add(new H2(getTranslation("overview.title")), filters, head, tiles,
                new AlertList(alerts, properties.pushInterval()), empty, mapControls, map, grid,
                exportLinks("ueberblick", () -> getTranslation("overview.title"), () -> List.of(GridExport.section("", grid))), legend());
        // breaches judged after the figures changed redraw the marks too
        PushThrottle.whileAttached(this, properties.pushInterval(), alerts::subscribe, this::render);
    }

    private Div tile(Indicator kpi) {
        Span value = AreaColumns.text("", "kpi-value");
        value.setId("region-" + kpi.key());
        Span label = AreaColumns.text(getTranslation("overview.region." + kpi.key()), "kpi-label");
        Span change = AreaColumns.text("", "kpi-change");
        change.setId("change-" + kpi.key());
        kpis.put(kpi, new Span[]{value, change});
        Div tile = new Div(value, label, change);
        tile.addClassName("kpi");
        tile.getElement().setAttribute("role", "group");
        tile.getElement().setAttribute("aria-label", getTranslation("overview.region." + kpi.key()));
        return tile;
    }

    @Override
    protected void render() {
        ViewState s = state();
        FigureFormat format = new FigureFormat(this);
        showing = true;
        try {
            indicator.setValue(s.indicator());
            mode.setItemEnabledProvider(m -> s.indicator().modeFor(m) == m);
            mode.setValue(s.mode());
        } finally {
            showing = false;
        }
        IndicatorReport report = queries.report(s.from(), s.to(), Set.of(), s.courseType());
        YearMonth[] before = s.previousPeriod();
        IndicatorReport previous = queries.report(before[0], before[1], Set.of(), s.courseType());
        period.setText(getTranslation("overview.period", format.month(s.from()), format.month(s.to())));
        ReportLink.point(reportLink, getTranslation("report.link.region"), "region", s.to(), format.locale());
        for (Indicator kpi : KPIS) {
            Kind kind = FigureFormat.kind(kpi, Mode.ABSOLUTE);
            BigDecimal now = kpi.value(report.region(), Mode.ABSOLUTE);
            kpis.get(kpi)[0].setText(format.value(report.region(), kpi, Mode.ABSOLUTE));
            Span change = kpis.get(kpi)[1];
            change.setText(format.change(now, kpi.value(previous.region(), Mode.ABSOLUTE), kind));
            change.setTitle(getTranslation("overview.change.title", format.month(before[0]), format.month(before[1])));
        }
        boolean anyReports = report.districts().stream().anyMatch(f -> Boolean.TRUE.equals(f.reported()));
        empty.setVisible(!anyReports);
        missed = CurrentBreaches.byArea(alerts);
        grid.setItems(report.districts());
        map.setData(mapData(report, s, format));
        Instant last = readModel.lastChange();
        updated.setText(last == null ? getTranslation("overview.updated.never")
                : getTranslation("overview.updated", DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                .withLocale(format.locale()).withZone(Region.ZONE).format(last)));
    }

    /** "Ziel verfehlt" in the table for a district that misses a target now, the targets in its tooltip. */
    private Span breachMark(AreaFigures area) {
        List<Alerts.Alert> breaches = missed.getOrDefault(area.district(), List.of());
        Span mark = new Span(breaches.isEmpty() ? "" : getTranslation("alerts.mapMark"));
        if (!breaches.isEmpty()) {
            mark.addClassName("breach");
            mark.setTitle(CurrentBreaches.text(this, breaches));
            mark.getElement().setAttribute("data-breach", area.district());
        }
        return mark;
    }

    private DistrictMap.Data mapData(IndicatorReport report, ViewState s, FigureFormat figures) {
        String name = getTranslation("indicator." + s.indicator().key()) + " ("
                + getTranslation("mode." + s.mode().param()) + ")";
        List<DistrictMap.Area> areas = report.districts().stream().map(f -> {
            BigDecimal value = s.indicator().value(f, s.mode());
            String label = missed.containsKey(f.district())
                    ? f.name() + " – " + getTranslation("alerts.mapMark") : f.name();
            return new DistrictMap.Area(f.district(), label, value == null ? null : value.doubleValue(),
                    figures.value(f, s.indicator(), s.mode()), !Boolean.FALSE.equals(f.reported()),
                    missed.containsKey(f.district()));
        }).toList();
        Kind kind = FigureFormat.kind(s.indicator(), s.mode());
        String format = switch (kind) {
            case RATE -> "rate";
            case PER_10K -> "per10k";
            default -> "count";
        };
        // the colour scale: rates always from 0 to 100 %, other figures from the smallest to the largest shown
        DoubleSummaryStatistics shown = areas.stream().map(DistrictMap.Area::value).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).summaryStatistics();
        double min = kind == Kind.RATE || shown.getCount() == 0 ? 0 : shown.getMin();
        double highest = kind == Kind.RATE || shown.getCount() == 0 ? 1 : shown.getMax();
        double max = highest;
        if (max <= min) { // one value (or all alike): a scale from 0 to it; all 0: from 0 to 1
            min = Math.min(0, min);
            max = max > 0 ? max : min + 1;
        }
        // the high end's text names the highest value shown, not the 1 an all-0 scale ends at
        // (a published count is never 1; the legend says so)
        String lowValue = shown.getCount() == 0 ? figures.withheld() : figures.number(BigDecimal.valueOf(min), kind);
        String highValue = shown.getCount() == 0 ? figures.withheld() : figures.number(BigDecimal.valueOf(highest), kind);
        return new DistrictMap.Data(name, getTranslation("overview.map.description", name,
                figures.month(s.from()), figures.month(s.to())), format, figures.locale().toLanguageTag(),
                kind == Kind.COUNT ? 0 : 1, min, max, getTranslation("overview.map.low", lowValue),
                getTranslation("overview.map.high", highValue), DistrictMap.CREDIT, areas);
    }
}
