package de.weserems.integration.dashboard.indicators.query;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/indicators/{ags}/monthly}: one district month by month, each
 * month beside the region's figures of the same month (as the district page shows them).
 */
public record MonthlyReport(String district, String name, YearMonth from, YearMonth to, Instant generatedAt,
                            List<Month> months) {

    /**
     * One month: the figures of the district and of the region, each under the confidentiality of
     * that month's table of all districts.
     */
    public record Month(YearMonth month, AreaFigures figures, AreaFigures region) {
    }
}
