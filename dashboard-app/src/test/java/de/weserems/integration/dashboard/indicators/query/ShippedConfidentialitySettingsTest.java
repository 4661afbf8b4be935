package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The confidentiality settings the dashboard ships with (its application.yml) are the documented
 * defaults the tests use, and they make a perturbation table the dashboard accepts: a setting the
 * unit tests never load cannot stop the start unnoticed.
 */
class ShippedConfidentialitySettingsTest {

    @Test
    @SuppressWarnings("unchecked")
    void application_yml_sets_the_documented_defaults_and_they_start() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml")));
        Map<String, Object> shipped = (Map<String, Object>) ((Map<String, Object>) yaml.get("dashboard"))
                .get("confidentiality");
        DashboardProperties.Confidentiality documented = TestSettings.properties().confidentiality();

        assertThat(shipped.get("min-count")).isEqualTo(documented.minCount());
        assertThat(shipped.get("min-cases")).isEqualTo(documented.minCases());
        assertThat(shipped.get("max-deviation")).isEqualTo(documented.maxDeviation());
        assertThat(((Number) shipped.get("variance")).doubleValue()).isEqualTo(documented.variance());
        PerturbationTable table = new PerturbationTable((Integer) shipped.get("max-deviation"),
                ((Number) shipped.get("variance")).doubleValue(), (Integer) shipped.get("min-count") - 1);
        assertThat(table.maxDeviation()).isGreaterThan(table.hidden());
    }
}
