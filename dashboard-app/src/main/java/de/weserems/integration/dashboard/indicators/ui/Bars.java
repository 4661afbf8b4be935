package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;

import java.math.BigDecimal;
import java.util.List;

/**
 * A simple horizontal bar chart in plain HTML and CSS. It is hidden from screen readers: every
 * chart stands next to a table with the same figures.
 */
class Bars extends Div {

    /** One bar: its label, its value ({@code null}: no bar) and the value as text. */
    record Bar(String label, BigDecimal value, String text) {
    }

    Bars(String title, List<Bar> bars) {
        addClassName("bars");
        getElement().setAttribute("aria-hidden", "true");
        add(new H4(title));
        double max = bars.stream().filter(b -> b.value() != null).mapToDouble(b -> b.value().doubleValue())
                .max().orElse(0);
        for (Bar bar : bars) {
            Div fill = new Div();
            fill.addClassName("bar-fill");
            double share = bar.value() == null || max <= 0 ? 0 : bar.value().doubleValue() / max;
            fill.setWidth(String.format(java.util.Locale.ROOT, "%.1f%%", share * 100));
            Div track = new Div(fill);
            track.addClassName("bar-track");
            Div row = new Div(AreaColumns.text(bar.label(), "bar-label"), track,
                    AreaColumns.text(bar.text(), "bar-value"));
            row.addClassName("bar-row");
            add(row);
        }
    }
}
