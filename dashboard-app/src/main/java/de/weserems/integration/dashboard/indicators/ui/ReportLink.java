package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Anchor;

import java.time.YearMonth;
import java.util.Locale;

/**
 * The link to a monthly report (PDF) as the pages show it: a plain link the browser follows with the page's login
 * (served by {@code report.ReportController} at {@code berichte/{ags or region}/{yyyy-MM}.pdf}, named here as text
 * because the report feature reads the indicators and may not be read by them), opened beside the page.
 */
final class ReportLink {

    private ReportLink() {
    }

    /** A link with {@code id}; its text and target follow with {@link #point}. */
    static Anchor anchor(String id) {
        Anchor link = new Anchor();
        link.setId(id);
        // not a route of the UI: the browser fetches it
        link.setRouterIgnore(true);
        link.setTarget("_blank");
        return link;
    }

    /** Points {@code link}, named {@code text}, at the report of {@code area} (an AGS, or {@code region}) in {@code month}. */
    static void point(Anchor link, String text, String area, YearMonth month, Locale locale) {
        link.setText(text);
        link.setHref("berichte/" + area + "/" + month + ".pdf?lang=" + locale.getLanguage());
    }
}
