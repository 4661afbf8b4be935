package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.FundingGapFigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The funding flow of one area as a matrix: per funding source of the completed measure (rows) how many went
 * on into a measure of which funding source or into work (columns), how many fell into a gap, and the gap
 * rate. Only rows and columns with something in them are shown, so the matrix stays readable.
 */
final class FundingFlowGrid {

    /** One row: a funding source of the completed measure. */
    record Row(String source, FundingGapFigures.Gaps gaps, Map<String, Long> next) {
    }

    private final Component page;
    private final Grid<Row> grid = FigureGrid.compact("funding-flow");

    FundingFlowGrid(Component page) {
        this.page = page;
        grid.getElement().setAttribute("aria-label", page.getTranslation("chain.flow.title"));
    }

    Grid<Row> grid() {
        return grid;
    }

    void show(AreaFigures area, FigureFormat format) {
        FundingGapFigures f = area.fundingGaps();
        List<Row> rows = new ArrayList<>();
        Set<String> afters = new LinkedHashSet<>();
        f.bySource().forEach((source, gaps) -> {
            Map<String, Long> next = f.flow().get(source);
            if (positive(gaps.wentOn()) || positive(gaps.gaps()) || positive(gaps.open())) {
                rows.add(new Row(source, gaps, next));
                next.forEach((after, n) -> {
                    if (positive(n)) {
                        afters.add(after);
                    }
                });
            }
        });
        grid.removeAllColumns();
        GridExport.column(grid, row -> label(row.source())).setHeader(page.getTranslation("chain.flow.before"))
                .setFlexGrow(3);
        for (String after : f.flow().isEmpty() ? List.<String>of() : f.flow().values().iterator().next().keySet()) {
            if (afters.contains(after)) {
                GridExport.column(grid, row -> format.number(BigDecimal.valueOf(row.next().get(after)),
                                FigureFormat.Kind.COUNT))
                        .setHeader(page.getTranslation("chain.flow.after", label(after)))
                        .setTextAlign(ColumnTextAlign.END);
            }
        }
        GridExport.column(grid, row -> number(row.gaps().gaps(), format)).setHeader(page.getTranslation("chain.flow.gaps"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(grid, row -> row.gaps().gapRate() == null ? format.withheld()
                        : format.number(row.gaps().gapRate(), FigureFormat.Kind.RATE))
                .setHeader(page.getTranslation("indicator.fundingGapRate")).setTextAlign(ColumnTextAlign.END);
        GridExport.column(grid, row -> number(row.gaps().open(), format)).setHeader(page.getTranslation("chain.flow.open"))
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(rows);
    }

    private String label(String bucket) {
        return switch (bucket) {
            case "PLACEMENT" -> page.getTranslation("chain.flow.placement");
            case "NOT_STATED" -> page.getTranslation("breakdown.notStated");
            default -> page.getTranslation("fundingSource." + bucket);
        };
    }

    private static String number(Long n, FigureFormat format) {
        return n == null ? format.noReports() : format.number(BigDecimal.valueOf(n), FigureFormat.Kind.COUNT);
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }
}
