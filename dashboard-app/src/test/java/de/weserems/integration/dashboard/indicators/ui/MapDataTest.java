package de.weserems.integration.dashboard.indicators.ui;

import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed map file: the 17 districts, small, with the credit the licence asks for. */
class MapDataTest {

    @Test
    void the_map_holds_exactly_the_17_districts_as_multipolygons_under_200_kb() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/geo/weser-ems.geo.json")) {
            assertThat(in).as("map file on the classpath").isNotNull();
            bytes = in.readAllBytes();
        }
        assertThat(bytes.length).isLessThan(200 * 1024);
        JsonNode map = JsonMapper.builder().build().readTree(bytes);
        assertThat(map.get("credit").asString()).contains("© GeoBasis-DE / BKG").contains("Daten verändert");
        List<String> ags = new ArrayList<>();
        for (JsonNode feature : map.get("features")) {
            ags.add(feature.get("properties").get("ags").asString());
            assertThat(feature.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
            JsonNode outer = feature.get("geometry").get("coordinates").get(0).get(0);
            assertThat(outer.size()).as("outer ring of %s", ags.getLast()).isGreaterThanOrEqualTo(4);
            // WGS84 within north-west Lower Saxony
            double lon = outer.get(0).get(0).asDouble();
            double lat = outer.get(0).get(1).asDouble();
            assertThat(lon).isBetween(6.5, 9.0);
            assertThat(lat).isBetween(52.0, 54.0);
        }
        assertThat(ags).containsExactlyElementsOf(Arrays.stream(District.values()).map(District::ags).sorted().toList());
    }
}
