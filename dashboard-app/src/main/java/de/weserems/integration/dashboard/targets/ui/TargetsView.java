package de.weserems.integration.dashboard.targets.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.base.ui.AlertList;
import de.weserems.integration.dashboard.base.ui.PushThrottle;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.dashboard.targets.model.Unit;
import de.weserems.integration.dashboard.targets.store.TargetStore;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Ziele (admins only): sets a target per indicator and area and deletes one; lists the targets set, each
 * marked while it is missed. A target is judged on the published figures of its window; its breaches
 * start and end in the overview's "Hinweise". Other admins' changes arrive by push.
 */
@Route("ziele")
@PageTitle("nav.targets")
@Menu(title = "nav.targets", order = 6, icon = "vaadin:flag-checkered")
@RolesAllowed(Roles.ADMIN)
public class TargetsView extends VerticalLayout {

    private final TargetStore targets;
    private final Alerts alerts;
    private final DashboardProperties properties;
    private final Clock clock;
    private final Select<JudgedIndicator> indicator = new Select<>();
    private final Select<String> area = new Select<>();
    private final Select<Comparison> comparison = new Select<>();
    private final BigDecimalField threshold = new BigDecimalField();
    private final IntegerField months = new IntegerField();
    private final Paragraph problems = new Paragraph();
    private final Grid<Target> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final List<Subscription> subscriptions = new ArrayList<>();

    public TargetsView(TargetStore targets, Alerts alerts, DashboardProperties properties, Clock clock) {
        this.targets = targets;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;

        indicator.setId("target-indicator");
        indicator.setLabel(getTranslation("targets.indicator"));
        indicator.setItems(JudgedIndicator.values());
        indicator.setItemLabelGenerator(i -> getTranslation("target.indicator." + i.figure()));
        area.setId("target-area");
        area.setLabel(getTranslation("targets.area"));
        area.setItems(Stream.concat(Stream.of(Region.AGS), Stream.of(District.values()).map(District::ags)).toList());
        area.setItemLabelGenerator(TargetsView::areaName);
        comparison.setId("target-comparison");
        comparison.setLabel(getTranslation("targets.comparison"));
        comparison.setItems(Comparison.values());
        comparison.setItemLabelGenerator(c -> getTranslation("target.comparison." + c.name()));
        threshold.setId("target-threshold");
        threshold.setLabel(getTranslation("targets.threshold"));
        threshold.setHelperText(getTranslation("targets.threshold.help"));
        months.setId("target-months");
        months.setLabel(getTranslation("targets.months"));
        months.setMin(1);
        months.setMax(Target.MAX_MONTHS);
        months.setStepButtonsVisible(true);
        months.setValue(3);
        Button set = new Button(getTranslation("targets.set"), e -> set());
        set.setId("target-set");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        problems.setId("target-problems");
        problems.addClassName("error");
        problems.setVisible(false);

        HorizontalLayout form = new HorizontalLayout(indicator, area, comparison, threshold, months, set);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("target-table");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", getTranslation("targets.list"));
        GridExport.column(grid, t -> areaName(t.area())).setHeader(getTranslation("targets.area")).setAutoWidth(true);
        GridExport.column(grid, t -> getTranslation("target.indicator." + t.indicator().figure()))
                .setHeader(getTranslation("targets.indicator")).setAutoWidth(true);
        GridExport.column(grid, t -> getTranslation("target.comparison." + t.comparison().name()) + " "
                        + AlertList.number(t.threshold(), t.indicator().unit() == Unit.PERCENT, this, locale()))
                .setHeader(getTranslation("targets.target")).setAutoWidth(true);
        GridExport.column(grid, t -> getTranslation("targets.window", t.months())).setHeader(getTranslation("targets.months"))
                .setAutoWidth(true);
        GridExport.column(grid, this::status).setHeader(getTranslation("targets.status")).setAutoWidth(true);
        GridExport.column(grid, t -> t.setBy() + ", " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(Region.ZONE).format(t.setAt())).setHeader(getTranslation("targets.setBy"))
                .setAutoWidth(true);
        GridExport.omit(grid.addComponentColumn(t -> {
            Button delete = new Button(getTranslation("targets.delete"), e -> delete(t));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.getElement().setAttribute("data-target", t.key());
            return delete;
        }));
        grid.setPartNameGenerator(t -> breached().contains(t.key()) ? "breached" : null);
        empty.setId("targets-empty");
        empty.setText(getTranslation("targets.empty"));

        add(new H2(getTranslation("targets.title")), new Paragraph(getTranslation("targets.intro")), form, problems,
                new H3(getTranslation("targets.list")), empty, grid,
                new ExportLinks("ziele", () -> new ShownTable(getTranslation("targets.title"), List.of(),
                        LocalDate.now(clock.withZone(Region.ZONE)).toString(),
                        GridExport.shown(GridExport.titled(getTranslation("targets.list"), grid)))));
        refresh();
    }

    private static String areaName(String ags) {
        return District.byAgs(ags).map(District::displayName).orElse(Region.NAME + " (Region)");
    }

    private void set() {
        int window = months.getValue() == null ? 0 : months.getValue();
        List<String> wrong = Target.problems(indicator.getValue(), area.getValue(), comparison.getValue(),
                threshold.getValue(), window);
        if (months.isInvalid() || threshold.isInvalid()) {
            wrong = Stream.concat(wrong.stream(), Stream.of(months.isInvalid() ? "target.problem.months"
                    : "target.problem.threshold")).distinct().toList();
        }
        if (!wrong.isEmpty()) {
            problems.setText(wrong.stream().map(this::getTranslation).collect(Collectors.joining(" ")));
            problems.setVisible(true);
            return;
        }
        Target target = new Target(indicator.getValue(), area.getValue(), comparison.getValue(), threshold.getValue(),
                window, user(), clock.instant());
        try {
            targets.set(target);
            problems.setVisible(false);
            threshold.clear();
            refresh(); // this admin sees it at once if this instance has read it already; else the push brings it
        } catch (TargetStore.TargetsUnavailable e) {
            problems.setText(getTranslation("targets.unavailable"));
            problems.setVisible(true);
        }
    }

    private void delete(Target target) {
        try {
            targets.delete(target);
            problems.setVisible(false);
            refresh();
        } catch (TargetStore.TargetsUnavailable e) {
            problems.setText(getTranslation("targets.unavailable"));
            problems.setVisible(true);
        }
    }

    /** Who sets the target: the login name of the admin signed in. */
    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "?" : authentication.getName();
    }

    private Set<String> breached() {
        return alerts.current().stream().map(a -> a.indicator() + "|" + a.area()).collect(Collectors.toSet());
    }

    private String status(Target target) {
        return alerts.current().stream().filter(a -> (a.indicator() + "|" + a.area()).equals(target.key())).findFirst()
                .map(a -> getTranslation("targets.status.breached",
                        AlertList.number(a.value(), a.percent(), this, locale())))
                .orElseGet(() -> getTranslation("targets.status.met"));
    }

    private Locale locale() {
        return getLocale() == null ? Locale.GERMANY : getLocale();
    }

    private void refresh() {
        List<Target> all = targets.all();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }

    /** Live: targets set in any instance and breaches judged redraw the list, at most once per push interval. */
    @Override
    protected void onAttach(AttachEvent event) {
        PushThrottle throttle = new PushThrottle(event.getUI(), properties.pushInterval(), this::refresh);
        subscriptions.add(targets.subscribe(changed -> throttle.request()));
        subscriptions.add(alerts.subscribe(changed -> throttle.request()));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
    }
}
