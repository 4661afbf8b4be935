package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.base.export.Cell;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.dashboard.indicators.ui.Indicator.Mode;
import de.weserems.integration.events.District;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Vergleich: 2–5 districts, or a peer group (the 5 cities, the 12 Landkreise), side by side per
 * 10,000 residents and as rates. Per indicator a bar chart of the chosen districts with the region as a
 * reference line; below it one table with the indicators as rows and the districts and the region as
 * columns, each district's figure with its difference to the region, so that a peer group of 12 still
 * fits a wide screen; exported as CSV for German Excel exactly as shown. Before a valid choice the page
 * explains what to choose instead of showing an empty table.
 */
@Route("vergleich")
@PageTitle("nav.compare")
@Menu(title = "nav.compare", order = 2, icon = "vaadin:scale")
@RolesAllowed(Roles.VIEWER)
public class CompareView extends IndicatorView {

    static final int MIN = 2;
    static final int MAX = 5;

    /** An indicator of the comparison: a row of the table and a chart of its own. */
    private record Figure(String header, Function<AreaFigures, BigDecimal> value, Kind kind) {
    }

    /**
     * A row of the table: an indicator, then one cell per chosen district (its figure and, in brackets, its
     * difference to the region), then the region's figure.
     */
    record Row(String indicator, List<String> cells) {
    }

    /** The table as shown, for an export: the header line and the rows, values plain as a spreadsheet wants them. */
    record Table(List<String> header, List<List<String>> rows) {
    }

    private final MultiSelectComboBox<District> choice = new MultiSelectComboBox<>();
    private final Paragraph hint = new Paragraph();
    private final HorizontalLayout choose;
    private final Button cities;
    private final Button counties;
    private final Div empty = new Div();
    private final Div charts = new Div();
    private final H3 tableTitle = new H3();
    private final Grid<Row> grid = new Grid<>();
    private final ExportLinks exports;
    private final List<Figure> figures = new ArrayList<>();
    private List<AreaFigures> shown = List.of();
    private AreaFigures region;
    private boolean showing;

    public CompareView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        super(queries, readModel, properties);
        choice.setId("compare-districts");
        choice.setLabel(getTranslation("compare.districts"));
        choice.setItems(District.values());
        choice.setItemLabelGenerator(District::displayName);
        choice.setWidth("32em");
        choice.addValueChangeListener(e -> {
            if (!showing) {
                navigate(state().withDistricts(Arrays.stream(District.values())
                        .filter(e.getValue()::contains).toList()));
            }
        });
        cities = peerGroup("compare.peer.cities", true);
        cities.setId("peer-cities");
        counties = peerGroup("compare.peer.counties", false);
        counties.setId("peer-counties");
        choose = new HorizontalLayout(choice);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        choose.setWrap(true);
        hint.setId("compare-hint");

        for (Indicator i : Indicator.values()) {
            Mode mode = i.modeFor(Mode.PER_10K);
            figures.add(new Figure(getTranslation(i.rate() ? "indicator." + i.key() : "indicator.per10k." + i.key()),
                    f -> i.value(f, mode), FigureFormat.kind(i, mode)));
        }
        if (queries.foreignResidents().available()) {
            for (Indicator i : Indicator.values()) {
                if (!i.rate()) {
                    figures.add(new Figure(getTranslation("indicator.per10kForeign." + i.key()),
                            f -> f.per10kForeign().get(i.key()), Kind.PER_10K));
                }
            }
        }
        empty.setId("compare-empty");
        empty.addClassName("empty-state");
        charts.setId("compare-charts");
        charts.addClassName("compare-charts");
        grid.setId("compare-table");
        grid.setAllRowsVisible(true);
        // long district names and indicator labels wrap instead of being cut
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.getElement().setAttribute("aria-label", getTranslation("compare.table.label"));

        exports = exportLinks("vergleich", () -> getTranslation("compare.title"),
                () -> List.of(section(new FigureFormat(this))));
        tableTitle.setText(getTranslation("compare.table.title"));
        add(new H2(getTranslation("compare.title")), filters, choose, hint, empty, charts, tableTitle, grid, exports,
                legend());
    }

    private Button peerGroup(String key, boolean cities) {
        Button button = new Button(getTranslation(key), VaadinIcon.GROUP.create(), e -> navigate(state().withDistricts(
                Arrays.stream(District.values()).filter(d -> d.city() == cities).toList())));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    @Override
    protected void render() {
        ViewState s = state();
        showing = true;
        try {
            choice.setValue(new LinkedHashSet<>(s.districts()));
        } finally {
            showing = false;
        }
        boolean peer = isPeerGroup(s.districts());
        boolean valid = peer || (s.districts().size() >= MIN && s.districts().size() <= MAX);
        hint.setText(getTranslation(valid ? "compare.hint.per10k" : "compare.hint.choose", MIN, MAX));
        showEmptyState(!valid, s.districts().size());
        if (!valid) {
            shown = List.of();
            region = null;
            grid.setItems(List.of());
            charts.removeAll();
            return;
        }
        IndicatorReport report = queries.report(s.from(), s.to(), new HashSet<>(s.districts()), s.courseType());
        region = report.region();
        shown = List.copyOf(report.districts());
        FigureFormat format = new FigureFormat(this);
        columns();
        grid.setItems(rows(format));
        charts.removeAll();
        for (Figure figure : figures) {
            SeriesChart chart = new SeriesChart();
            chart.setData(chart(figure, format));
            // a bar of about 30 px per district, room for the axis and its title
            chart.setHeight((90 + 30 * shown.size()) + "px");
            chart.addClassName("compare-chart");
            charts.add(chart);
        }
    }

    /**
     * Before a valid choice: what to choose and why, with the peer groups at hand, and no table or download
     * (an empty table and a greyed-out link told a manager nothing). With a choice the peer groups sit beside it.
     */
    private void showEmptyState(boolean on, int chosen) {
        empty.setVisible(on);
        charts.setVisible(!on);
        grid.setVisible(!on);
        tableTitle.setVisible(!on);
        exports.setVisible(!on);
        if (on) {
            empty.removeAll();
            Paragraph what = new Paragraph(getTranslation("compare.empty.what", MIN, MAX));
            Paragraph status = new Paragraph(getTranslation("compare.empty.chosen", chosen, MIN, MAX));
            status.addClassName("muted");
            HorizontalLayout peers = new HorizontalLayout(cities, counties);
            peers.setWrap(true);
            empty.add(new H3(getTranslation("compare.empty.title")), what, peers, status);
            cities.removeThemeVariants(ButtonVariant.LUMO_TERTIARY);
            counties.removeThemeVariants(ButtonVariant.LUMO_TERTIARY);
        } else {
            choose.add(cities, counties);
            cities.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            counties.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
    }

    /** The columns of the chosen districts: the indicator, each district (its name links to its page), the region. */
    private void columns() {
        grid.removeAllColumns();
        // narrow minimum widths that grow to fill the page: 12 Landkreise and the region fit beside the indicators
        grid.addColumn(Row::indicator).setHeader(getTranslation("compare.column.indicator")).setKey("indicator")
                .setWidth("10em").setFlexGrow(2);
        for (int i = 0; i < shown.size(); i++) {
            int index = i;
            AreaFigures area = shown.get(i);
            Optional<District> district = District.byAgs(area.district());
            Grid.Column<Row> column = grid.addColumn(row -> row.cells().get(index)).setKey(area.district())
                    .setWidth("4.5em").setFlexGrow(1).setTextAlign(ColumnTextAlign.END);
            if (district.isPresent()) {
                column.setHeader(AreaColumns.districtLink(district.get(), area.name(), state()));
            } else {
                column.setHeader(area.name());
            }
        }
        grid.addColumn(row -> row.cells().getLast()).setKey("region").setWidth("4.5em").setFlexGrow(1)
                .setHeader(new Span(region.name())).setTextAlign(ColumnTextAlign.END);
    }

    /** The table's rows as shown: per indicator each district's figure with its difference, then the region's. */
    List<Row> rows(FigureFormat format) {
        List<Row> rows = new ArrayList<>();
        for (Figure figure : figures) {
            List<String> cells = new ArrayList<>();
            for (AreaFigures area : shown) {
                String value = format.figure(area, figure.value().apply(area), figure.kind());
                BigDecimal difference = difference(area, figure);
                cells.add(difference == null ? value : value + " (" + format.signed(difference, figure.kind()) + ")");
            }
            cells.add(format.figure(region, figure.value().apply(region), figure.kind()));
            rows.add(new Row(figure.header(), cells));
        }
        return rows;
    }

    /** The bar chart of one indicator: the chosen districts' figures as the table shows them, the region as a line. */
    SeriesChart.Data chart(Figure figure, FigureFormat format) {
        boolean rate = figure.kind() == Kind.RATE;
        List<String> categories = shown.stream().map(AreaFigures::name).toList();
        SeriesChart.Series series = new SeriesChart.Series(figure.header(),
                shown.stream().map(area -> chartValue(area, figure)).toList(),
                shown.stream().map(area -> format.figure(area, figure.value().apply(area), figure.kind())).toList());
        SeriesChart.Reference reference = new SeriesChart.Reference(region.name(), chartValue(region, figure),
                format.figure(region, figure.value().apply(region), figure.kind()));
        return new SeriesChart.Data(SeriesChart.Type.BAR, true,
                SeriesChart.describe(figure.header(), categories, List.of(series), reference),
                format.locale().toLanguageTag(), 1, rate ? "%" : "", figure.header(), categories, List.of(series),
                reference);
    }

    /** The charts of the indicators, in the table's order. */
    List<SeriesChart.Data> charts() {
        return charts.getChildren().map(c -> ((SeriesChart) c).getData()).toList();
    }

    /** A figure in the chart's unit (rates in percent); {@code null} where the table shows "–" or "keine Meldungen". */
    private static Double chartValue(AreaFigures area, Figure figure) {
        BigDecimal value = figure.value().apply(area);
        if (value == null || Boolean.FALSE.equals(area.reported())) {
            return null;
        }
        return (figure.kind() == Kind.RATE ? value.movePointRight(2) : value).doubleValue();
    }

    /** Whether {@code districts} are exactly the 5 cities or the 12 Landkreise. */
    private static boolean isPeerGroup(List<District> districts) {
        for (boolean cities : new boolean[]{true, false}) {
            if (new HashSet<>(districts).equals(new HashSet<>(Arrays.stream(District.values())
                    .filter(d -> d.city() == cities).toList()))) {
                return true;
            }
        }
        return false;
    }

    private BigDecimal difference(AreaFigures area, Figure figure) {
        if (area == region || Boolean.FALSE.equals(area.reported())) {
            return null;
        }
        return FigureFormat.difference(figure.value().apply(area), figure.value().apply(region));
    }

    /**
     * The table as shown, for the export: a row per indicator (rates in percent, differences of rates in
     * percentage points), per district its figure and its difference to the region in columns of their own,
     * then the region; empty where the page shows "–" or "keine Meldungen".
     */
    Table table(FigureFormat format) {
        List<String> header = new ArrayList<>(List.of(getTranslation("compare.column.indicator")));
        for (AreaFigures area : shown) {
            header.add(area.name() + " (" + area.district() + ")");
            header.add(getTranslation("compare.csv.difference", area.name()));
        }
        header.add(region.name() + " (" + region.district() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (Figure figure : figures) {
            boolean rate = figure.kind() == Kind.RATE;
            List<String> row = new ArrayList<>(List.of(figure.header()
                    + (rate ? " (%, " + getTranslation("compare.csv.differenceIn") + " "
                    + getTranslation("figures.percentagePoints") + ")" : "")));
            for (AreaFigures area : shown) {
                row.add(format.plain(Boolean.FALSE.equals(area.reported()) ? null : figure.value().apply(area),
                        figure.kind()));
                row.add(format.plain(difference(area, figure), figure.kind()));
            }
            row.add(format.plain(figure.value().apply(region), figure.kind()));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** The table as the exports write it: {@link #table(FigureFormat)}, its numbers as numbers. */
    ShownTable.Section section(FigureFormat format) {
        Table table = table(format);
        return new ShownTable.Section("", table.header(), table.rows().stream()
                .map(row -> row.stream().map(cell -> Cell.shown(cell, getLocale())).toList()).toList());
    }
}
