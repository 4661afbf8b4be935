package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.ui.CurrentBreaches;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.Confidentiality;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.query.MonthlyReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Landkreis: one district month by month (table and line chart), its outcomes, course types and chain
 * indicators over the period, every figure beside the region's, and the breakdowns of contract v2
 * ({@link BreakdownSections}); and which providers report for it.
 */
@Route("landkreis/:ags")
@PageTitle("nav.district")
@RolesAllowed(Roles.VIEWER)
public class DistrictView extends IndicatorView {

    private static final List<String> SERIES = List.of("enrolments", "completions", "placements");

    /** One line of a figures table: the district's figure beside the region's. */
    record FigureRow(String label, String district, String region) {
    }

    private final H2 title = new H2();
    private final Paragraph about = new Paragraph();
    private final Paragraph reporting = new Paragraph();
    /** The monthly report (PDF) of the shown district and the period's last month. */
    private final Anchor reportLink = ReportLink.anchor("district-report");
    private final ProviderActivity activity;
    private final Grid<FigureRow> figures = FigureGrid.of(this, "district-figures");
    private final Grid<FigureRow> courses = FigureGrid.of(this, "district-courses");
    private final BreakdownSections breakdowns = new BreakdownSections(this);
    private final Grid<MonthlyReport.Month> months = FigureGrid.compact("district-months");
    private final SeriesChart monthsChart = new SeriesChart();
    private final CurrentBreaches breaches;
    private District district;

    public DistrictView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties,
                        ProviderActivity activity, Alerts alerts) {
        super(queries, readModel, properties);
        this.activity = activity;
        this.breaches = new CurrentBreaches(alerts, properties.pushInterval());
        FigureFormat format = new FigureFormat(this);
        reporting.setId("district-providers");
        months.getElement().setAttribute("aria-label", getTranslation("district.months"));
        GridExport.column(months, m -> format.shortMonth(m.month())
                        + (m.provisional() ? " " + getTranslation("figures.provisionalMark") : ""))
                .setHeader(getTranslation("district.column.month"));
        for (String count : SERIES) {
            GridExport.column(months, m -> format.count(m.figures(), count)).setHeader(getTranslation("indicator." + count))
                    .setTextAlign(ColumnTextAlign.END);
            GridExport.column(months, m -> format.count(m.region(), count))
                    .setHeader(getTranslation("district.column.regionOf", getTranslation("indicator." + count)))
                    .setTextAlign(ColumnTextAlign.END);
        }
        monthsChart.setId("district-months-chart");
        add(title, about, reportLink, breaches, reporting, filters, new H3(getTranslation("district.figures")), figures,
                new H3(getTranslation("district.courses")), courses, breakdowns,
                new H3(getTranslation("district.months")), monthsChart, months, exportLinks("landkreis",
                        () -> district.displayName(), this::shownTables), legend());
    }

    /** The page's tables as shown, each under its heading: what its export writes. */
    private List<ShownTable.Section> shownTables() {
        List<ShownTable.Section> sections = new ArrayList<>();
        sections.add(GridExport.section(getTranslation("district.figures"), figures));
        sections.add(GridExport.section(getTranslation("district.courses"), courses));
        sections.addAll(breakdowns.shown());
        sections.add(GridExport.section(getTranslation("district.months"), months));
        return sections;
    }

    @Override
    protected String exportTag() {
        return district.ags() + "-" + super.exportTag();
    }

    /** The route parameters of {@code district}'s page. */
    static RouteParameters parameters(District district) {
        return new RouteParameters("ags", district.ags());
    }

    /** The query of a district page: the state without a district choice (the page names its district). */
    static QueryParameters query(ViewState state) {
        return state.withDistricts(List.of()).toQuery();
    }

    /** Opens {@code district}'s page with the period and course type of {@code state}. */
    static void open(UI ui, District district, ViewState state) {
        ui.navigate(DistrictView.class, parameters(district), query(state));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var found = event.getRouteParameters().get("ags").flatMap(District::byAgs);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("district.unknown"));
            return;
        }
        district = found.get();
        super.beforeEnter(event);
    }

    /** Shows {@code shown} for {@code shownDistrict}, as entering the page's URL does. */
    void show(District shownDistrict, ViewState shown) {
        district = shownDistrict;
        show(shown);
    }

    @Override
    protected void navigate(ViewState changed) {
        getUI().ifPresentOrElse(ui -> open(ui, district, changed), () -> show(changed));
    }

    @Override
    protected void render() {
        if (district == null) {
            return;
        }
        ViewState s = state();
        FigureFormat format = new FigureFormat(this);
        title.setText(district.displayName());
        breaches.show(Set.of(district.ags()));
        about.setText(getTranslation(district.city() ? "district.about.city" : "district.about.county",
                district.ags(), format.number(BigDecimal.valueOf(district.residents2018()), Kind.COUNT),
                format.month(s.from()), format.month(s.to())));
        ReportLink.point(reportLink, getTranslation("report.link"), district.ags(), s.to(), format.locale());
        reporting.setText(getTranslation("district.providers",
                ReportingProviders.text(this, activity.reportersFor(district), format.locale())));
        IndicatorReport report = queries.report(s.from(), s.to(), Set.of(district), s.courseType());
        figures.setItems(figureRows(report.districts().getFirst(), report.region(), format));
        breakdowns.show(report.districts().getFirst(), report.region(), s.courseType(), format);

        List<FigureRow> courseRows = new ArrayList<>();
        for (CourseType type : s.courseType() == null ? List.of(CourseType.values()) : List.of(s.courseType())) {
            IndicatorReport byType = queries.report(s.from(), s.to(), Set.of(district), type);
            for (String count : List.of("enrolments", "completions")) {
                courseRows.add(new FigureRow(getTranslation("courseType." + type.name()) + " – "
                        + getTranslation("indicator." + count), format.count(byType.districts().getFirst(), count),
                        format.count(byType.region(), count)));
            }
        }
        courses.setItems(courseRows);

        MonthlyReport monthly = queries.monthly(district, s.from(), s.to(), s.courseType());
        months.setItems(monthly.months());
        monthsChart.setData(monthsChart(monthly, format));
    }

    /**
     * The district's counts month by month as lines, the values and texts of the table below (its district
     * columns): a month nobody reported for is a gap, never a 0.
     */
    SeriesChart.Data monthsChart(MonthlyReport monthly, FigureFormat format) {
        List<String> categories = monthly.months().stream().map(m -> format.shortMonth(m.month())).toList();
        List<SeriesChart.Series> series = SERIES.stream().map(count -> new SeriesChart.Series(
                getTranslation("indicator." + count),
                monthly.months().stream().map(m -> {
                    Long value = m.figures().count(count);
                    return value == null ? null : value.doubleValue();
                }).toList(),
                monthly.months().stream().map(m -> format.count(m.figures(), count)).toList())).toList();
        String title = getTranslation("district.chart.description", district.displayName());
        return new SeriesChart.Data(SeriesChart.Type.LINE, false,
                SeriesChart.describe(title, categories, series, null), format.locale().toLanguageTag(), 0, "",
                getTranslation("district.chart.axis"), categories, series, null);
    }

    private List<FigureRow> figureRows(AreaFigures d, AreaFigures r, FigureFormat format) {
        List<FigureRow> rows = new ArrayList<>();
        for (String count : Confidentiality.COUNTS) {
            rows.add(new FigureRow(getTranslation("indicator." + count), format.count(d, count), format.count(r, count)));
        }
        for (String count : SERIES) {
            rows.add(row("indicator.per10k." + count, d, r, f -> f.per10k().get(count), Kind.PER_10K, format));
        }
        // only where the operator supplied residents of foreign nationality
        if (d.per10kForeign() != null) {
            for (String count : SERIES) {
                rows.add(row("indicator.per10kForeign." + count, d, r, f -> f.per10kForeign().get(count),
                        Kind.PER_10K, format));
            }
        }
        for (Indicator rate : List.of(Indicator.COMPLETION_RATE, Indicator.LANGUAGE_SUCCESS_RATE,
                Indicator.PLACEMENT_WITHIN_6_MONTHS)) {
            rows.add(row("indicator." + rate.key(), d, r, f -> f.rates().get(rate.key()), Kind.RATE, format));
        }
        rows.add(row("indicator.medianWaitingDays", d, r, f -> f.chain().medianWaitingDays(), Kind.DAYS, format));
        rows.add(row("indicator.medianDaysToPlacement", d, r, f -> f.chain().medianDaysToPlacement(), Kind.DAYS, format));
        rows.add(row("indicator.pending", d, r, f -> value(f.chain().pending()), Kind.COUNT, format));
        rows.add(row("indicator.fundingGapRate", d, r, f -> f.fundingGaps().gapRate(), Kind.RATE, format));
        rows.add(row("indicator.fundingGapsOpen", d, r, f -> value(f.fundingGaps().open()), Kind.COUNT, format));
        rows.add(row("indicator.medianWaitingTime", d, r, f -> f.access().medianWaitingTime(), Kind.DAYS, format));
        rows.add(row("indicator.waitingTimeOver6Weeks", d, r, f -> f.access().waitingTimeOver6Weeks(), Kind.RATE,
                format));
        rows.add(row("indicator.medianAccessTime", d, r, f -> f.access().medianAccessTime(), Kind.DAYS, format));
        // who waits today, whatever the period and whether the district reported in it
        rows.add(live("indicator.waitingNow", d, r, f -> value(f.waitingNow().waiting()), Kind.COUNT, format));
        rows.add(live("indicator.waitingNowOver6Weeks", d, r, f -> f.waitingNow().over6Weeks(), Kind.RATE, format));
        rows.add(live("indicator.medianDaysWaited", d, r, f -> f.waitingNow().medianDaysWaited(), Kind.DAYS, format));
        rows.add(live("indicator.noStartAfter2Years", d, r, f -> value(f.waitingNow().noStartAfter2Years()),
                Kind.COUNT, format));
        return rows;
    }

    private FigureRow live(String label, AreaFigures d, AreaFigures r, Function<AreaFigures, BigDecimal> value,
                           Kind kind, FigureFormat format) {
        return new FigureRow(getTranslation(label), format.live(value.apply(d), kind), format.live(value.apply(r), kind));
    }

    private FigureRow row(String label, AreaFigures d, AreaFigures r, Function<AreaFigures, BigDecimal> value,
                          Kind kind, FigureFormat format) {
        return new FigureRow(getTranslation(label), format.figure(d, value.apply(d), kind),
                format.figure(r, value.apply(r), kind));
    }

    private static BigDecimal value(Long count) {
        return count == null ? null : BigDecimal.valueOf(count);
    }
}
