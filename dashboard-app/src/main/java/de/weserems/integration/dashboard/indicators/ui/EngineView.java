package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.indicators.generation.CatchUpProgress;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.generation.EngineProperties;
import de.weserems.integration.dashboard.indicators.generation.GenerationMarkers;
import de.weserems.integration.dashboard.indicators.generation.GenerationProgress;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.events.Region;
import jakarta.annotation.security.RolesAllowed;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * Berechnung (admins): which engine generation every instance serves, and how far the generation this
 * instance runs has got through the event log — processed of total, rate, time left — so an admin who
 * deployed a new generation watches it catch up and sees the switch happen. Refreshed every few seconds.
 */
@Route("berechnung")
@PageTitle("nav.engine")
@Menu(title = "nav.engine", order = 6, icon = "vaadin:cogs")
@RolesAllowed(Roles.ADMIN)
public class EngineView extends VerticalLayout {

    private final IndicatorReadModel readModel;
    private final GenerationProgress monitor;
    private final GenerationMarkers markers;
    private final EngineProperties properties;
    private final Paragraph serving = new Paragraph();
    private final Paragraph progress = new Paragraph();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Grid<Map.Entry<EngineGeneration, Instant>> caughtUp = new Grid<>();
    private final NumberFormat number;
    private Registration poll;
    private final DateTimeFormatter time;

    public EngineView(IndicatorReadModel readModel, GenerationProgress monitor, GenerationMarkers markers,
                      EngineProperties properties) {
        this.readModel = readModel;
        this.monitor = monitor;
        this.markers = markers;
        this.properties = properties;
        Locale locale = getLocale() == null ? Locale.GERMANY : getLocale();
        number = NumberFormat.getIntegerInstance(locale);
        time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(Region.ZONE);
        serving.setId("engine-serving");
        progress.setId("engine-progress");
        bar.setId("engine-progress-bar");
        bar.getElement().setAttribute("aria-labelledby", "engine-progress");
        caughtUp.setId("engine-generations");
        caughtUp.setAllRowsVisible(true);
        caughtUp.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        caughtUp.getElement().setAttribute("aria-label", getTranslation("engine.generations"));
        caughtUp.addColumn(e -> e.getKey().name()).setHeader(getTranslation("engine.generation"));
        caughtUp.addColumn(e -> time.format(e.getValue())).setHeader(getTranslation("engine.caughtUpAt"));
        caughtUp.addColumn(e -> e.getKey().indicatorsTopic()).setHeader(getTranslation("engine.topic")).setFlexGrow(2);
        Paragraph intro = new Paragraph(getTranslation("engine.intro"));
        intro.addClassName("muted");
        add(new H2(getTranslation("engine.title")), intro, serving,
                new H3(getTranslation("engine.own", monitor.generation().name())), progress, bar,
                new H3(getTranslation("engine.generations")), caughtUp,
                new Paragraph(getTranslation("engine.remove")));
        refresh();
    }

    /** Fills the page from what this instance knows now. */
    void refresh() {
        serving.setText(readModel.serving().map(g -> getTranslation("engine.serving", g.name()))
                .orElse(getTranslation("engine.servingNone")));
        caughtUp.setItems(markers.caughtUp().entrySet().stream().toList());
        CatchUpProgress p = monitor.progress();
        if (p == null) {
            progress.setText(getTranslation("engine.measuring"));
            bar.setIndeterminate(true);
            return;
        }
        bar.setIndeterminate(false);
        bar.setValue(p.fraction());
        String percent = NumberFormat.getPercentInstance(getLocale()).format(p.fraction());
        if (markers.isCaughtUp(p.generation())) {
            progress.setText(getTranslation("engine.caughtUp", number.format(p.processed()), number.format(p.total()),
                    percent));
            return;
        }
        Duration left = p.timeLeft();
        progress.setText(getTranslation("engine.catchingUp", number.format(p.processed()), number.format(p.total()),
                percent, number.format(Math.round(p.perSecond())),
                left == null ? getTranslation("engine.leftUnknown") : minutes(left),
                number.format(properties.caughtUpLag()), properties.caughtUpFor().toSeconds()));
    }

    private String minutes(Duration d) {
        return d.toMinutes() < 1 ? getTranslation("engine.leftSeconds", d.toSeconds())
                : getTranslation("engine.leftMinutes", d.toMinutes());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // progress is measured every few seconds; a poll is enough and needs no subscription
        event.getUI().setPollInterval((int) properties.progressInterval().toMillis());
        poll = event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
            poll = null;
        }
    }
}
