package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import de.weserems.integration.dashboard.base.export.GridExport;

/**
 * The district page's tables of a figure beside the region's ({@link DistrictView.FigureRow}): the
 * figures, the course types and the breakdowns of contract v2 look alike, so they are built in one place.
 */
final class FigureGrid {

    private FigureGrid() {
    }

    /** A compact table with the columns Kennzahl, Kreis and Weser-Ems, all rows shown; {@code id} for tests. */
    static Grid<DistrictView.FigureRow> of(Component page, String id) {
        Grid<DistrictView.FigureRow> grid = compact(id);
        GridExport.column(grid, DistrictView.FigureRow::label).setHeader(page.getTranslation("district.column.figure"))
                .setFlexGrow(3);
        GridExport.column(grid, DistrictView.FigureRow::district).setHeader(page.getTranslation("district.column.district"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(grid, DistrictView.FigureRow::region).setHeader(page.getTranslation("district.column.region"))
                .setTextAlign(ColumnTextAlign.END);
        return grid;
    }

    /** An empty compact table (striped, every row shown, no scrolling of its own). */
    static <T> Grid<T> compact(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        return grid;
    }
}
