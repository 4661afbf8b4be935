package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import de.weserems.integration.dashboard.DashboardProperties;
import com.vaadin.flow.function.SerializableSupplier;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.base.ui.PushThrottle;
import de.weserems.integration.dashboard.indicators.query.Confidentiality;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;

import java.time.YearMonth;
import java.util.List;

/**
 * What the indicator views share: the {@link ViewState} read from the URL, the {@link FilterBar},
 * and live updates by server push (throttled) while the page is open. A subclass draws its figures
 * in {@link #render()}, from {@link #state()}.
 */
abstract class IndicatorView extends VerticalLayout implements BeforeEnterObserver {

    protected final IndicatorQueries queries;
    protected final IndicatorReadModel readModel;
    protected final DashboardProperties properties;
    protected final FilterBar filters;
    private ViewState state;
    private Subscription subscription;
    /** "Vorläufig": shown below the legend while the period reaches into the provisional months. */
    private final Paragraph provisional = new Paragraph();

    protected IndicatorView(IndicatorQueries queries, IndicatorReadModel readModel, DashboardProperties properties) {
        this.queries = queries;
        this.readModel = readModel;
        this.properties = properties;
        this.filters = new FilterBar(queries.defaultPeriod()[1], this::navigate);
        this.state = ViewState.defaults(queries.defaultPeriod());
        provisional.setId("provisional-note");
        provisional.addClassName("muted");
        provisional.setVisible(false);
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(ViewState.of(event.getLocation().getQueryParameters(), queries.defaultPeriod()));
    }

    /** Shows {@code shown}: what {@link #beforeEnter} does with the URL's state. */
    void show(ViewState shown) {
        state = shown;
        filters.show(shown);
        refresh();
    }

    ViewState state() {
        return state;
    }

    /** Goes to {@code changed} through the router, so the URL and the history follow. */
    protected void navigate(ViewState changed) {
        getUI().ifPresentOrElse(ui -> ui.navigate(getClass(), changed.toQuery()), () -> show(changed));
    }

    /** Draws the figures of {@link #state()}; also called on every (throttled) change of the read model. */
    protected abstract void render();

    /** {@link #render()}, and the provisional note for the period shown (the current month moves on too). */
    private void refresh() {
        render();
        YearMonth from = queries.provisionalFrom();
        provisional.setVisible(!state.to().isBefore(from));
        provisional.setText(getTranslation("figures.provisional", new FigureFormat(this).month(from)));
    }

    /**
     * The page's download links: what {@code sections} show now, under the page's title, the period, the
     * course type and the legend, named {@code baseName} and {@link #exportTag()}.
     */
    protected ExportLinks exportLinks(String baseName, SerializableSupplier<String> title,
                                      SerializableSupplier<List<ShownTable.Section>> sections) {
        return new ExportLinks(baseName, () -> {
            FigureFormat format = new FigureFormat(this);
            Confidentiality published = queries.confidentiality();
            List<String> context = List.of(
                    getTranslation("overview.period", format.month(state.from()), format.month(state.to())),
                    getTranslation("export.courseType", state.courseType() == null ? getTranslation("filter.course.all")
                            : getTranslation("courseType." + state.courseType().name())),
                    getTranslation("figures.legend", published.maxDeviation(), published.minCases(),
                            getTranslation("figures.smallCounts", properties.confidentiality().minCount())));
            return new ShownTable(title.get(), context, exportTag(), sections.get());
        });
    }

    /** What an export's file name says besides the page: the period shown. */
    protected String exportTag() {
        return state.from() + "-" + state.to();
    }

    /**
     * The legend: counts are published slightly changed (the cell key method), by at most the
     * configured deviation, small counts never as themselves; "–" and "keine Meldungen"; and, while the
     * period reaches into them, that the last months are provisional.
     */
    protected Div legend() {
        Confidentiality published = queries.confidentiality();
        Paragraph legend = new Paragraph(getTranslation("figures.legend", published.maxDeviation(),
                published.minCases(), getTranslation("figures.smallCounts", properties.confidentiality().minCount())));
        legend.addClassName("muted");
        return new Div(legend, provisional);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        PushThrottle throttle = new PushThrottle(event.getUI(), properties.pushInterval(), this::refresh);
        subscription = readModel.subscribe(changedAt -> throttle.request());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }
}
