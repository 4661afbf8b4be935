package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.Alerts.Alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The targets missed now for the areas a page shows (a district page: the district and the region), as a
 * marked box that is hidden while none is missed and follows the breaches by push. The static helpers
 * mark breaches elsewhere (the overview's table and map) in the same words.
 */
public class CurrentBreaches extends Div {

    private final Alerts alerts;
    private final UnorderedList list = new UnorderedList();
    private Set<String> areas = Set.of();

    public CurrentBreaches(Alerts alerts, Duration pushInterval) {
        this.alerts = alerts;
        setId("current-breaches");
        addClassName("breaches");
        getElement().setAttribute("role", "status");
        add(new Span(getTranslation("alerts.current")), list);
        setVisible(false);
        PushThrottle.whileAttached(this, pushInterval, alerts::subscribe, this::refresh);
    }

    /** Shows the breaches of these areas (AGS, or the region's key). */
    public void show(Set<String> shown) {
        areas = Set.copyOf(shown);
        refresh();
    }

    private void refresh() {
        List<Alert> missed = alerts.current().stream().filter(a -> areas.contains(a.area())).toList();
        list.removeAll();
        missed.forEach(a -> list.add(new ListItem(AlertList.describe(this, a))));
        setVisible(!missed.isEmpty());
    }

    /** The targets missed now, by area. */
    public static Map<String, List<Alert>> byArea(Alerts alerts) {
        return alerts.current().stream().collect(Collectors.groupingBy(Alert::area, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** Breaches in words, one after the other ("; "), for a tooltip. */
    public static String text(Component page, List<Alert> breaches) {
        return breaches.stream().map(a -> AlertList.describe(page, a)).collect(Collectors.joining("; "));
    }
}
