package de.weserems.integration.dashboard.indicators.testing;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;

import java.time.Duration;
import java.util.List;

/** Dashboard settings and report lookups that tests of the queries, the API and the views share. */
public final class TestSettings {

    private TestSettings() {
    }

    /** The documented defaults: counts 1 and 2 never shown as themselves, deviations up to 3, rates on 10 cases. */
    public static DashboardProperties properties() {
        return properties(3, 10);
    }

    public static DashboardProperties properties(int minCount, int minCases) {
        return new DashboardProperties(false, new DashboardProperties.Confidentiality(minCount, minCases, null, 3, 1.0),
                new DashboardProperties.Kafka(3, (short) 1, 1), List.of(), Duration.ofSeconds(1));
    }

    /** The figures of one district in a report. */
    public static AreaFigures byAgs(IndicatorReport report, String ags) {
        return report.districts().stream().filter(d -> d.district().equals(ags)).findFirst().orElseThrow();
    }
}
