package de.weserems.integration.dashboard.indicators.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The answer of {@code GET /api/v1/indicators}: the region and each district over a period. */
public record IndicatorReport(YearMonth from, YearMonth to, Instant generatedAt, AreaFigures region,
                              List<AreaFigures> districts) {
}
