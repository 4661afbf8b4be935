package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.events.District;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Förderkette: per district how seamless the chain of measures is — waiting days to the next
 * measure, days to a placement, placement within 6 months, completions still pending, and funding gaps;
 * and the funding flow (funding before → after) of the region or of one chosen district.
 */
@Route("foerderkette")
@PageTitle("nav.chain")
@Menu(title = "nav.chain", order = 3, icon = "vaadin:connect")
@RolesAllowed(Roles.VIEWER)
public class ChainView extends IndicatorView {

    private final Grid<AreaFigures> grid;
    private final FundingFlowGrid flow = new FundingFlowGrid(this);
    private final H3 flowTitle = new H3();
    /** Whose funding flow is shown: a district, or the region when empty. */
    private final ComboBox<District> flowArea = new ComboBox<>();

    public ChainView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        super(queries, readModel, properties);
        FigureFormat format = new FigureFormat(this);
        grid = AreaColumns.table("chain-table", getTranslation("chain.title"), getTranslation("overview.column.district"),
                this::state);
        AreaColumns.figure(grid, format, getTranslation("indicator.medianWaitingDays"),
                f -> f.chain().medianWaitingDays(), Kind.DAYS);
        AreaColumns.figure(grid, format, getTranslation("indicator.medianDaysToPlacement"),
                f -> f.chain().medianDaysToPlacement(), Kind.DAYS);
        AreaColumns.figure(grid, format, getTranslation("indicator.placementWithin6Months"),
                f -> f.rates().get(Indicator.PLACEMENT_WITHIN_6_MONTHS.key()), Kind.RATE);
        AreaColumns.figure(grid, format, getTranslation("indicator.pending"),
                f -> f.chain().pending() == null ? null : BigDecimal.valueOf(f.chain().pending()), Kind.COUNT);
        AreaColumns.figure(grid, format, getTranslation("indicator.fundingGapRate"),
                f -> f.fundingGaps().gapRate(), Kind.RATE);
        AreaColumns.figure(grid, format, getTranslation("indicator.fundingGapsOpen"),
                f -> f.fundingGaps().open() == null ? null : BigDecimal.valueOf(f.fundingGaps().open()), Kind.COUNT);
        Paragraph intro = new Paragraph(getTranslation("chain.intro"));
        intro.addClassName("muted");
        Paragraph flowAbout = new Paragraph(getTranslation("chain.flow.about"));
        flowAbout.addClassName("muted");
        flowArea.setId("funding-flow-area");
        flowArea.setLabel(getTranslation("chain.flow.area"));
        flowArea.setPlaceholder(getTranslation("chain.flow.region"));
        flowArea.setItems(District.values());
        flowArea.setItemLabelGenerator(District::displayName);
        flowArea.setClearButtonVisible(true);
        flowArea.addValueChangeListener(e -> render());
        add(new H2(getTranslation("chain.title")), intro, filters, grid, flowTitle, flowAbout, flowArea, flow.grid(),
                exportLinks("foerderkette", () -> getTranslation("chain.title"), () -> List.of(GridExport.section("", grid),
                        GridExport.section(flowTitle.getText(), flow.grid()))), legend());
    }

    @Override
    protected void render() {
        ViewState s = state();
        IndicatorReport report = queries.report(s.from(), s.to(), Set.of(), s.courseType());
        grid.setItems(AreaColumns.rows(report));
        AreaFigures shown = flowArea.getValue() == null ? report.region() : report.districts().stream()
                .filter(d -> d.district().equals(flowArea.getValue().ags())).findFirst().orElseThrow();
        flowTitle.setText(getTranslation("chain.flow.title", shown.name()));
        flow.show(shown, new FigureFormat(this));
    }
}
