package de.weserems.integration.dashboard.indicators.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/indicators}: the region and each district over a period, and how
 * its figures are protected.
 */
public record IndicatorReport(YearMonth from, YearMonth to, Instant generatedAt, Protection protection,
                              AreaFigures region, List<AreaFigures> districts) {
}
