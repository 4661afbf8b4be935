package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.RouterLink;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.events.District;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Columns of a grid of areas (districts and the region) that several views share. */
final class AreaColumns {

    private AreaColumns() {
    }

    /**
     * The area's name; a district's name links to its page (keeping {@code state}'s period and
     * course type), the region's is plain text.
     */
    static Grid.Column<AreaFigures> name(Grid<AreaFigures> grid, String header, Supplier<ViewState> state) {
        return GridExport.shows(grid.addColumn(new ComponentRenderer<>(area -> District.byAgs(area.district())
                        .<com.vaadin.flow.component.Component>map(d -> districtLink(d, area.name(), state.get()))
                        .orElseGet(() -> new Span(area.name())))), AreaFigures::name)
                .setHeader(header).setSortable(true).setComparator(Comparator.comparing(AreaFigures::name))
                .setFlexGrow(3);
    }

    /**
     * A table of areas with one row per district and the region last: striped, every row shown, named for
     * screen readers, its first column the area's name (linking to the district's page).
     */
    static Grid<AreaFigures> table(String id, String ariaLabel, String nameHeader, Supplier<ViewState> state) {
        Grid<AreaFigures> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", ariaLabel);
        name(grid, nameHeader, state);
        return grid;
    }

    /** The rows of such a table: every district of {@code report}, then the region. */
    static List<AreaFigures> rows(IndicatorReport report) {
        List<AreaFigures> rows = new ArrayList<>(report.districts());
        rows.add(report.region());
        return rows;
    }

    /** A figure column, right-aligned, sortable with withheld and unreported values last. */
    static Grid.Column<AreaFigures> figure(Grid<AreaFigures> grid, FigureFormat format, String header,
                                           Function<AreaFigures, BigDecimal> value, Kind kind) {
        return GridExport.column(grid, area -> format.figure(area, value.apply(area), kind)).setHeader(header)
                .setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(Comparator.comparing(area -> sortValue(value.apply(area))));
    }

    /** Withheld and unreported values sort below every shown value. */
    static double sortValue(Number value) {
        return value == null ? -Double.MAX_VALUE : value.doubleValue();
    }

    /** A link to the district's page, as the map's click goes there. */
    static RouterLink districtLink(District district, String text, ViewState state) {
        RouterLink link = new RouterLink(text, DistrictView.class, DistrictView.parameters(district));
        link.setQueryParameters(DistrictView.query(state));
        link.getElement().setAttribute("data-district-link", district.ags());
        return link;
    }

    /** A span with {@code text} and a CSS class. */
    static Span text(String text, String className) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
