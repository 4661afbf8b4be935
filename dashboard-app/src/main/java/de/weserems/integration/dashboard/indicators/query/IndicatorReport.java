package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.dashboard.reference.ForeignResidents;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/indicators}: the region and each district over a period, and how
 * its figures are protected.
 *
 * @param provisional     whether the period reaches into the provisional months: its figures may still change
 * @param provisionalFrom the first provisional month (the current month and the two before it)
 * @param bySex           whether each area's breakdowns include those by sex: only when the period is exactly
 *                        one calendar quarter or one calendar year ({@link BreakdownFigures#bySex})
 * @param foreignResidentsReference year and source of the residents of foreign nationality behind
 *                                  {@code per10kForeign}; absent when the operator supplied none
 */
public record IndicatorReport(YearMonth from, YearMonth to, Instant generatedAt, Protection protection,
                              boolean provisional, YearMonth provisionalFrom, boolean bySex,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              ForeignResidents.Reference foreignResidentsReference,
                              AreaFigures region, List<AreaFigures> districts) {
}
