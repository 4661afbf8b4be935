package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.indicators.api.IndicatorCsv;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.dashboard.indicators.ui.Indicator.Mode;
import de.weserems.integration.events.District;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Vergleich: 2–5 districts, or a peer group (the 5 cities, the 12 Landkreise), side by side per
 * 10,000 residents and as rates, each with its difference to the region; exported as CSV for
 * German Excel exactly as shown.
 */
@Route("vergleich")
@PageTitle("nav.compare")
@Menu(title = "nav.compare", order = 2, icon = "vaadin:scale")
@RolesAllowed(Roles.VIEWER)
public class CompareView extends IndicatorView {

    static final int MIN = 2;
    static final int MAX = 5;

    /** A figure column of the comparison: its value and, beside it, the difference to the region. */
    private record Figure(String header, Function<AreaFigures, BigDecimal> value, Kind kind) {
    }

    private final MultiSelectComboBox<District> choice = new MultiSelectComboBox<>();
    private final Paragraph hint = new Paragraph();
    private final Grid<AreaFigures> grid = new Grid<>();
    private final Anchor csv = new Anchor();
    private final List<Figure> figures = new ArrayList<>();
    private List<AreaFigures> shown = List.of();
    private AreaFigures region;
    /** The CSV of what the page shows now, made with the page's locale when the page is drawn. */
    private String csvContent = "";
    private boolean showing;

    public CompareView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        super(queries, readModel, properties);
        FigureFormat format = new FigureFormat(this);
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
        Button cities = peerGroup("compare.peer.cities", true);
        cities.setId("peer-cities");
        Button counties = peerGroup("compare.peer.counties", false);
        counties.setId("peer-counties");
        HorizontalLayout choose = new HorizontalLayout(choice, cities, counties);
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
        grid.setId("compare-table");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", getTranslation("compare.table.label"));
        AreaColumns.name(grid, getTranslation("overview.column.district"), this::state);
        for (Figure figure : figures) {
            AreaColumns.figure(grid, format, figure.header(), figure.value(), figure.kind());
            grid.addColumn(f -> differenceText(f, figure, format))
                    .setHeader(getTranslation("compare.difference")).setTextAlign(ColumnTextAlign.END);
        }

        csv.setId("compare-csv");
        csv.setText(getTranslation("compare.csv"));
        csv.getElement().setAttribute("download", true);
        csv.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csvContent.getBytes(StandardCharsets.UTF_8);
            return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                    "vergleich-" + state().from() + "-" + state().to() + ".csv", "text/csv;charset=UTF-8", bytes.length);
        }));
        add(new H2(getTranslation("compare.title")), filters, choose, hint, grid, csv, legend());
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
        if (!valid) {
            shown = List.of();
            region = null;
            grid.setItems(List.of());
            csvContent = "";
            csv.setEnabled(false);
            return;
        }
        IndicatorReport report = queries.report(s.from(), s.to(), new HashSet<>(s.districts()), s.courseType());
        region = report.region();
        shown = new ArrayList<>(report.districts());
        shown.add(region);
        grid.setItems(shown);
        csvContent = csvText(new FigureFormat(this));
        csv.setEnabled(true);
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

    private String differenceText(AreaFigures area, Figure figure, FigureFormat format) {
        if (area == region || Boolean.FALSE.equals(area.reported())) {
            return "";
        }
        return format.signed(difference(area, figure), figure.kind());
    }

    /** The table as shown: the same rows, columns and rounding, empty where the page shows "–". */
    String csvText(FigureFormat format) {
        List<String> header = new ArrayList<>(List.of(getTranslation("compare.csv.ags"),
                getTranslation("overview.column.district")));
        for (Figure figure : figures) {
            header.add(figure.header() + (figure.kind() == Kind.RATE ? " (%)" : ""));
            header.add(getTranslation("compare.difference") + " " + figure.header()
                    + (figure.kind() == Kind.RATE ? " (" + getTranslation("figures.percentagePoints") + ")" : ""));
        }
        List<List<String>> rows = new ArrayList<>();
        for (AreaFigures area : shown) {
            List<String> row = new ArrayList<>(List.of(area.district(), area.name()));
            for (Figure figure : figures) {
                row.add(format.plain(figure.value().apply(area), figure.kind()));
                row.add(format.plain(difference(area, figure), figure.kind()));
            }
            rows.add(row);
        }
        return IndicatorCsv.GERMAN_EXCEL.table(header, rows);
    }
}
