package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * A line or bar chart with axes and tooltips (Apache ECharts, {@code series-chart.js}): months of a district,
 * or districts side by side with the region as a reference line. It draws the published figures as the page's
 * tables show them: a value the page shows as "–" or "keine Meldungen" is a gap here, and the tooltip says so
 * in the same words. It is focusable and walks its categories with the arrow keys; its label lists every
 * value for screen readers, and every view shows the same values in a table beside it.
 */
@Tag("series-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./series-chart.js")
public class SeriesChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The chart's type: lines for months, bars for districts side by side. */
    public enum Type {
        LINE, BAR
    }

    /**
     * One series.
     *
     * @param name   its name (legend and tooltip)
     * @param values one value per category in the chart's unit; {@code null} draws a gap (withheld, no reports)
     * @param texts  one text per category as the page writes it ("12", "–", "keine Meldungen")
     */
    public record Series(String name, List<Double> values, List<String> texts) {
    }

    /**
     * A reference line across the chart (the region's figure).
     *
     * @param name  what it stands for ("Weser-Ems")
     * @param value its value in the chart's unit; {@code null}: no line, only the text in the tooltip
     * @param text  its value as the page writes it
     */
    public record Reference(String name, Double value, String text) {
    }

    /**
     * What the chart shows.
     *
     * @param type        lines or bars
     * @param horizontal  bars running from left to right, the categories down the side (long district names)
     * @param description a sentence for screen readers that names every value (ECharts aria, {@code aria-label})
     * @param locale      BCP 47 language tag of the page's locale, for the axis ticks
     * @param digits      at most this many fraction digits on the axis ticks
     * @param unit        the unit written after a tick ("%"), empty for none
     * @param axisName    the value axis's title
     * @param categories  the labels along the category axis
     * @param series      the series, each with one value per category
     * @param reference   the reference line, or {@code null}
     */
    public record Data(Type type, boolean horizontal, String description, String locale, int digits, String unit,
                       String axisName, List<String> categories, List<Series> series, Reference reference) {

        public Data {
            for (Series s : series) {
                if (s.values().size() != categories.size() || s.texts().size() != categories.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " does not have one value and one text"
                            + " per category");
                }
            }
        }
    }

    /**
     * A sentence that names every value, for screen readers: "{title}. {category}: {series} {text}, …; {reference}:
     * {text}." Withheld values are named as the page writes them ("–", "keine Meldungen").
     */
    static String describe(String title, List<String> categories, List<Series> series, Reference reference) {
        StringBuilder text = new StringBuilder(title).append('.');
        for (int i = 0; i < categories.size(); i++) {
            text.append(i == 0 ? " " : "; ").append(categories.get(i)).append(':');
            for (int s = 0; s < series.size(); s++) {
                text.append(s == 0 ? " " : ", ")
                        .append(series.size() > 1 ? series.get(s).name() + " " : "").append(series.get(s).texts().get(i));
            }
        }
        if (reference != null) {
            text.append("; ").append(reference.name()).append(": ").append(reference.text());
        }
        return text.append('.').toString();
    }

    private Data data;

    public SeriesChart() {
        setWidthFull();
        setHeight("320px");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("tabindex", "0");
    }

    public void setData(Data data) {
        this.data = data;
        getElement().setAttribute("data", JSON.writeValueAsString(data));
        getElement().setAttribute("aria-label", data.description());
    }

    /** What the chart shows now; {@code null} before the first {@link #setData}. */
    public Data getData() {
        return data;
    }
}
