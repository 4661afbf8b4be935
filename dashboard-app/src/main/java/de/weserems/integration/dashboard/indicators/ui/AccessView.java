package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
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
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Zugang und Wartezeit: per district who is waiting for a course today (and for how long), and how long the
 * course starts of the period waited after the enrolment and after the entitlement, measured against BAMF's
 * own target of 6 weeks.
 */
@Route("zugang")
@PageTitle("nav.access")
@Menu(title = "nav.access", order = 3.5, icon = "vaadin:hourglass")
@RolesAllowed(Roles.VIEWER)
public class AccessView extends IndicatorView {

    private final Grid<AreaFigures> grid;

    public AccessView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        super(queries, readModel, properties);
        FigureFormat format = new FigureFormat(this);
        grid = AreaColumns.table("access-table", getTranslation("access.title"), getTranslation("overview.column.district"),
                this::state);
        // who waits today does not depend on the period, nor on whether the district reported in it
        waitingNow(format, "indicator.waitingNow", f -> value(f.waitingNow().waiting()), Kind.COUNT);
        waitingNow(format, "indicator.waitingNowOver6Weeks", f -> f.waitingNow().over6Weeks(), Kind.RATE);
        waitingNow(format, "indicator.medianDaysWaited", f -> f.waitingNow().medianDaysWaited(), Kind.DAYS);
        waitingNow(format, "indicator.noStartAfter2Years", f -> value(f.waitingNow().noStartAfter2Years()),
                Kind.COUNT);
        AreaColumns.figure(grid, format, getTranslation("indicator.medianWaitingTime"),
                f -> f.access().medianWaitingTime(), Kind.DAYS);
        AreaColumns.figure(grid, format, getTranslation("indicator.waitingTimeOver6Weeks"),
                f -> f.access().waitingTimeOver6Weeks(), Kind.RATE);
        AreaColumns.figure(grid, format, getTranslation("indicator.medianAccessTime"),
                f -> f.access().medianAccessTime(), Kind.DAYS);
        AreaColumns.figure(grid, format, getTranslation("indicator.accessTimeOver6Weeks"),
                f -> f.access().accessTimeOver6Weeks(), Kind.RATE);
        Paragraph intro = new Paragraph(getTranslation("access.intro"));
        intro.addClassName("muted");
        add(new H2(getTranslation("access.title")), intro, filters, grid,
                exportLinks("zugang", () -> getTranslation("access.title"), () -> List.of(GridExport.section("", grid))), legend());
    }

    private void waitingNow(FigureFormat format, String header, Function<AreaFigures, BigDecimal> value, Kind kind) {
        GridExport.column(grid, area -> format.live(value.apply(area), kind))
                .setHeader(getTranslation(header)).setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(Comparator.comparing(area -> AreaColumns.sortValue(value.apply(area))));
    }

    private static BigDecimal value(Long n) {
        return n == null ? null : BigDecimal.valueOf(n);
    }

    @Override
    protected void render() {
        ViewState s = state();
        IndicatorReport report = queries.report(s.from(), s.to(), Set.of(), s.courseType());
        grid.setItems(AreaColumns.rows(report));
    }
}
