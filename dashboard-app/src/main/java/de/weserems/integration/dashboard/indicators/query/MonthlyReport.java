package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.dashboard.reference.ForeignResidents;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/indicators/{ags}/monthly}: one district month by month, each
 * month beside the region's figures of the same month (as the district page shows them).
 *
 * @param foreignResidentsReference year and source behind {@code per10kForeign}; absent when off
 */
public record MonthlyReport(String district, String name, YearMonth from, YearMonth to, Instant generatedAt,
                            Protection protection,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            ForeignResidents.Reference foreignResidentsReference,
                            List<Month> months) {

    /**
     * One month: the figures of the district and of the region, each month's cells published on their own;
     * {@code provisional} for the current month and the two before it, whose figures may still change.
     */
    public record Month(YearMonth month, boolean provisional, AreaFigures figures, AreaFigures region) {
    }
}
