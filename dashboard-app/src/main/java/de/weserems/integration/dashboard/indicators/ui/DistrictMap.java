package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * A choropleth of the 17 districts (Apache ECharts, {@code district-map.js}), drawn from BKG's
 * VG250 boundaries. The figures come from the server as one JSON attribute, so the element can
 * draw them again by itself when Flow re-attaches it. Clicking a district fires a
 * {@link DistrictClickEvent}.
 */
@Tag("district-map")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./district-map.js")
public class DistrictMap extends Component implements HasSize {

    /** The credit the boundary data's licence (GeoNutzV) asks for; shown on the map. */
    public static final String CREDIT = "© GeoBasis-DE / BKG, Daten verändert";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One district on the map.
     *
     * @param ags      its AGS (names the region on the map)
     * @param label    its display name
     * @param value    the figure that colours it; {@code null} when withheld or not reported
     * @param display  the figure as text for the tooltip ("–" when withheld, "keine Meldungen", ...)
     * @param reported whether any provider reported for it in the period
     * @param breached whether it misses a target now: outlined in red (the label says so too, for the tooltip
     *                 and screen readers, so the mark does not rest on colour alone)
     */
    public record Area(String ags, String label, Double value, String display, boolean reported, boolean breached) {
    }

    /**
     * What the map shows. Every number the map writes comes from the server already formatted for
     * the page's locale, except the value the legend shows while the pointer is on it, which the
     * element formats with {@code Intl.NumberFormat} in {@code locale} with {@code digits}.
     *
     * @param indicator   the indicator's name, for the tooltip
     * @param description a sentence for screen readers (ECharts aria)
     * @param format      {@code count}, {@code per10k} or {@code rate} (a fraction, shown in percent)
     * @param locale      BCP 47 language tag of the page's locale
     * @param digits      fraction digits of a value as the page writes it
     * @param min         the value of the legend's low end
     * @param max         the value of the legend's high end
     * @param low         legend text at the low end, with its value ("niedrig: 0,9"; "–" when nothing is shown)
     * @param high        legend text at the high end, with the highest value shown (0 on a map of zeros, whose
     *                    scale still ends at 1)
     * @param credit      the boundary data's credit
     * @param areas       the 17 districts
     */
    public record Data(String indicator, String description, String format, String locale, int digits, double min,
                       double max, String low, String high, String credit, List<Area> areas) {
    }

    public DistrictMap() {
        setWidthFull();
        setHeight("520px");
        getElement().setAttribute("role", "img");
    }

    public void setData(Data data) {
        getElement().setAttribute("data", JSON.writeValueAsString(data));
        getElement().setAttribute("aria-label", data.description());
    }

    public Registration addDistrictClickListener(ComponentEventListener<DistrictClickEvent> listener) {
        return addListener(DistrictClickEvent.class, listener);
    }

    /** A district was clicked on the map. */
    @DomEvent("district-click")
    public static class DistrictClickEvent extends ComponentEvent<DistrictMap> {
        private final String ags;

        public DistrictClickEvent(DistrictMap source, boolean fromClient, @EventData("event.detail.ags") String ags) {
            super(source, fromClient);
            this.ags = ags;
        }

        public String ags() {
            return ags;
        }
    }
}
