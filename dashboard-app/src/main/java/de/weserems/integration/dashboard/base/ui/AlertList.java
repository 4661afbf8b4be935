package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.Alerts.Alert;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * "Hinweise": the latest breaches of targets that started or ended, the newest first, updated by push
 * while the page is open. {@link #describe} writes one breach in words for every page that marks one
 * (the map's tooltip, the table, the district page), so they all say it alike.
 */
public class AlertList extends Div {

    private final Alerts alerts;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph();

    public AlertList(Alerts alerts, Duration pushInterval) {
        this.alerts = alerts;
        setId("alerts");
        addClassName("alerts");
        list.setId("alert-list");
        list.getElement().setAttribute("aria-live", "polite");
        empty.setId("alerts-empty");
        empty.addClassName("muted");
        empty.setText(getTranslation("alerts.empty"));
        add(new H3(getTranslation("alerts.title")), empty, list);
        refresh();
        PushThrottle.whileAttached(this, pushInterval, alerts::subscribe, this::refresh);
    }

    private void refresh() {
        List<Alert> recent = alerts.recent();
        Locale locale = locale();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale).withZone(Region.ZONE);
        list.removeAll();
        for (Alert alert : recent) {
            ListItem item = new ListItem(time.format(alert.at()) + " · "
                    + getTranslation(alert.started() ? "alerts.started" : "alerts.ended") + ": " + describe(this, alert));
            item.addClassName(alert.started() ? "alert-started" : "alert-ended");
            item.getElement().setAttribute("data-area", alert.area());
            list.add(item);
        }
        list.setVisible(!recent.isEmpty());
        empty.setVisible(recent.isEmpty());
    }

    /**
     * A breach in words, in the page's language: "Cloppenburg: Abschlussquote 50,0 % (Ziel: mindestens 99 %,
     * letzte 3 Monate)"; a value no longer judged (withheld) says so.
     */
    public static String describe(Component page, Alert alert) {
        Locale locale = locale();
        String area = District.byAgs(alert.area()).map(District::displayName).orElse(Region.NAME);
        String value = alert.value() == null ? page.getTranslation("alerts.withheld") : number(alert.value(), alert.percent(), page, locale);
        return page.getTranslation("alerts.breach", area, page.getTranslation("target.indicator." + alert.indicator()),
                value, page.getTranslation(alert.atMost() ? "target.comparison.AT_MOST" : "target.comparison.AT_LEAST"),
                number(alert.threshold(), alert.percent(), page, locale), alert.months());
    }

    /** A value as targets are written: percent or days, at most one decimal. */
    public static String number(BigDecimal value, boolean percent, Component page, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return page.getTranslation(percent ? "target.unit.percent" : "target.unit.days", format.format(value));
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.GERMANY : ui.getLocale();
    }
}
