package de.weserems.integration.dashboard.indicators.testing;

import de.weserems.integration.dashboard.indicators.query.AccessFigures;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.ChainFigures;
import de.weserems.integration.dashboard.indicators.query.FundingGapFigures;
import de.weserems.integration.dashboard.indicators.query.WaitingNowFigures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Figures of an area made up for a test that reads only some of them: the rest empty. */
public final class TestFigures {

    private TestFigures() {
    }

    /** An area with the given counts, rates and chain figures, and nothing else. */
    public static AreaFigures area(String ags, String name, int population, Boolean reported, Map<String, Long> counts,
                                   Map<String, BigDecimal> rates, BigDecimal medianDaysToPlacement,
                                   BigDecimal medianWaitingDays) {
        return new AreaFigures(ags, name, population, null, reported, counts, rates, Map.of(), null, Map.of(),
                Map.of(), new ChainFigures(medianDaysToPlacement, medianWaitingDays, 0L, null),
                new AccessFigures(null, null, null, null, null, null), new WaitingNowFigures(null, null, null, null),
                new FundingGapFigures(null, null, null, null, Map.of(), Map.of()), List.of());
    }
}
