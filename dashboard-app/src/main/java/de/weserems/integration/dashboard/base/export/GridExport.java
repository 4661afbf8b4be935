package de.weserems.integration.dashboard.base.export;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.ValueProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A grid's export, read from the grid itself: every visible column with its header, every row in the order
 * the grid shows it (after a sort by the user), each cell the very text the column shows. A column says
 * what it shows by being added here ({@link #column}) or, when it draws a component (a link, a mark), by
 * {@link #shows}; a visible column that says nothing stops the export, so a new column cannot silently be
 * missing from the file. An action column (a button) is left out by {@link #omit}.
 */
public final class GridExport {

    /** What a column shows of a row, kept on the column (Flow gives no public way to read a column's values). */
    @SuppressWarnings("rawtypes")
    private static final Class<SerializableFunction> SHOWS = SerializableFunction.class;

    /** A column the export leaves out. */
    private static final String OMITTED = GridExport.class.getName() + ".omitted";

    private GridExport() {
    }

    /** A text column of {@code grid} showing {@code text}, which the export writes as shown. */
    public static <T> Grid.Column<T> column(Grid<T> grid, ValueProvider<T, String> text) {
        return shows(grid.addColumn(text), text::apply);
    }

    /** Tells the export what {@code column} (a column drawing a component) shows of a row, as text. */
    public static <T> Grid.Column<T> shows(Grid.Column<T> column, SerializableFunction<T, String> text) {
        ComponentUtil.setData(column, SHOWS, text);
        return column;
    }

    /** Leaves {@code column} out of the export: it holds actions (a button), no figure or text of the page's data. */
    public static <T> Grid.Column<T> omit(Grid.Column<T> column) {
        ComponentUtil.setData(column, OMITTED, Boolean.TRUE);
        return column;
    }

    /** The grid as shown: {@code title} above it (empty when the page's title names it). */
    @SuppressWarnings("unchecked")
    public static <T> ShownTable.Section section(String title, Grid<T> grid) {
        List<Grid.Column<T>> columns = grid.getColumns().stream().filter(Grid.Column::isVisible)
                .filter(c -> ComponentUtil.getData(c, OMITTED) == null).toList();
        List<SerializableFunction<T, String>> shows = new ArrayList<>();
        for (Grid.Column<T> column : columns) {
            SerializableFunction<T, String> text = ComponentUtil.getData(column, SHOWS);
            if (text == null) {
                throw new IllegalStateException("column '" + column.getHeaderText() + "' of grid "
                        + grid.getId().orElse("?") + " does not say what it shows");
            }
            shows.add(text);
        }
        Locale locale = locale();
        List<List<Cell>> rows = rows(grid).map(item -> shows.stream()
                .map(text -> Cell.shown(text.apply(item), locale)).toList()).toList();
        return new ShownTable.Section(title, columns.stream().map(c -> c.getHeaderText() == null ? ""
                : c.getHeaderText()).toList(), rows);
    }

    /** A grid of a page under its heading (empty when the page's title names it). */
    public record Titled(String title, Grid<?> grid) {
    }

    /** {@code grid} under {@code title}, for {@link #shown}. */
    public static Titled titled(String title, Grid<?> grid) {
        return new Titled(title, grid);
    }

    /**
     * The sections of those {@code grids} the page shows now, in this order: a hidden grid (an empty table the
     * page replaces by a sentence) is not on the page, so not in the file.
     */
    public static List<ShownTable.Section> shown(Titled... grids) {
        return Stream.of(grids).filter(t -> t.grid().isVisible())
                .<ShownTable.Section>map(t -> section(t.title(), t.grid())).toList();
    }

    /** The grid's rows in the order shown: the grid's in-memory sort (a click on a header) applied. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Stream<T> rows(Grid<T> grid) {
        return grid.getDataProvider().fetch((com.vaadin.flow.data.provider.Query)
                grid.getDataCommunicator().buildQuery(0, Integer.MAX_VALUE));
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.GERMANY : ui.getLocale();
    }
}
