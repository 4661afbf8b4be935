package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Förderkette: per district how seamless the chain of measures is — waiting days to the next
 * measure, days to a placement, placement within 6 months, and completions still pending.
 */
@Route("foerderkette")
@PageTitle("Förderkette – Integrationsmonitor Weser-Ems")
@Menu(title = "nav.chain", order = 3, icon = "vaadin:connect")
@RolesAllowed(Roles.VIEWER)
public class ChainView extends IndicatorView {

    private final Grid<AreaFigures> grid = new Grid<>();

    public ChainView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        super(queries, readModel, properties);
        FigureFormat format = new FigureFormat(this);
        grid.setId("chain-table");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", getTranslation("chain.title"));
        AreaColumns.name(grid, getTranslation("overview.column.district"), this::state);
        AreaColumns.figure(grid, format, getTranslation("indicator.medianWaitingDays"),
                f -> f.chain().medianWaitingDays(), Kind.DAYS);
        AreaColumns.figure(grid, format, getTranslation("indicator.medianDaysToPlacement"),
                f -> f.chain().medianDaysToPlacement(), Kind.DAYS);
        AreaColumns.figure(grid, format, getTranslation("indicator.placementWithin6Months"),
                f -> f.rates().get(Indicator.PLACEMENT_WITHIN_6_MONTHS.key()), Kind.RATE);
        AreaColumns.figure(grid, format, getTranslation("indicator.pending"),
                f -> f.chain().pending() == null ? null : BigDecimal.valueOf(f.chain().pending()), Kind.COUNT);
        Paragraph intro = new Paragraph(getTranslation("chain.intro"));
        intro.addClassName("muted");
        add(new H2(getTranslation("chain.title")), intro, filters, grid, legend());
    }

    @Override
    protected void render() {
        ViewState s = state();
        IndicatorReport report = queries.report(s.from(), s.to(), Set.of(), s.courseType());
        List<AreaFigures> rows = new ArrayList<>(report.districts());
        rows.add(report.region());
        grid.setItems(rows);
    }
}
