package de.weserems.integration.dashboard.testing;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import de.weserems.integration.dashboard.base.export.ShownTable;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page's export must be: its grid's headers and the very texts its cells show, row by row. */
public final class ShownExports {

    private ShownExports() {
    }

    /** The section has the grid's headers and, row by row, exactly the texts its cells show. */
    public static void assertShownAsIn(ShownTable.Section section, Grid<?> grid) {
        assertShownAsIn(section, grid, 0);
    }

    /** The same for a grid whose last {@code actions} columns hold buttons, which the export leaves out. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void assertShownAsIn(ShownTable.Section section, Grid<?> grid, int actions) {
        var tester = new GridTester<>(grid);
        List<? extends Grid.Column<?>> visible = grid.getColumns().stream().filter(Grid.Column::isVisible).toList();
        List<? extends Grid.Column<?>> columns = visible.subList(0, visible.size() - actions);
        List<String> headers = columns.stream().map(c -> c.getHeaderText() == null ? "" : c.getHeaderText()).toList();
        assertThat(section.header()).isEqualTo(headers);
        assertThat(section.rows()).hasSize(tester.size());
        for (int r = 0; r < tester.size(); r++) {
            for (int c = 0; c < headers.size(); c++) {
                // the tester does not draw a Lit template: the text it shows is its "value" property
                String shown = columns.get(c).getRenderer() instanceof LitRenderer lit
                        && lit.getValueProviders().get("value") instanceof ValueProvider value
                        ? String.valueOf(value.apply(tester.getRow(r))) : tester.getCellText(r, c);
                assertThat(section.rows().get(r).get(c).text()).as("row %d, column %s of %s", r, headers.get(c),
                        grid.getId().orElse("")).isEqualTo(shown == null ? "" : shown);
            }
        }
    }
}
