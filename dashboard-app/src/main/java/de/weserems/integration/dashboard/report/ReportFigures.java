package de.weserems.integration.dashboard.report;

import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.query.MonthlyReport;
import de.weserems.integration.dashboard.indicators.query.Protection;
import de.weserems.integration.events.District;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one report shows, all of it published figures from {@link IndicatorQueries} (never a raw count): the month's
 * figures of the area and of the region (the same as {@code GET /api/v1/indicators?from=M&to=M}), the twelve months up
 * to it as one period (the chain, waiting and funding figures of a single month are mostly still open or too few to
 * show) and one by one, and for the region's report its districts.
 *
 * @param district  the district reported on, {@code null} for the region's report
 * @param area      the month's figures of the district, or of the region
 * @param region    the month's figures of the region, beside the district's
 * @param areaYear   the figures of the district (or region) over the twelve months up to {@code month} as one period
 * @param regionYear the region's over the same twelve months
 * @param series    the twelve months up to {@code month}, each month published on its own
 * @param districts the 17 districts in the month (the region's report lists them), else empty
 */
record ReportFigures(District district, YearMonth month, Instant generatedAt, Protection protection,
                     boolean provisional, YearMonth provisionalFrom, AreaFigures area, AreaFigures region,
                     AreaFigures areaYear, AreaFigures regionYear, List<SeriesMonth> series,
                     List<AreaFigures> districts) {

    /** How many months the charts show, the report's month the last. */
    static final int SERIES_MONTHS = 12;

    /** One month of a chart: the area's figures in it, and whether they may still change. */
    record SeriesMonth(YearMonth month, boolean provisional, AreaFigures figures) {
    }

    boolean isRegion() {
        return district == null;
    }

    /** The report of {@code district} in {@code month}. */
    static ReportFigures of(IndicatorQueries queries, District district, YearMonth month) {
        IndicatorReport report = queries.report(month, month, Set.of(district), null);
        MonthlyReport monthly = queries.monthly(district, month.minusMonths(SERIES_MONTHS - 1), month, null);
        List<SeriesMonth> series = monthly.months().stream()
                .map(m -> new SeriesMonth(m.month(), m.provisional(), m.figures())).toList();
        IndicatorReport year = queries.report(month.minusMonths(SERIES_MONTHS - 1), month, Set.of(district), null);
        return new ReportFigures(district, month, report.generatedAt(), report.protection(), report.provisional(),
                report.provisionalFrom(), report.districts().getFirst(), report.region(), year.districts().getFirst(),
                year.region(), series, List.of());
    }

    /** The region's report in {@code month}, with its districts. */
    static ReportFigures ofRegion(IndicatorQueries queries, YearMonth month) {
        IndicatorReport report = queries.report(month, month, Set.of(), null);
        // every month's region figures, as the read API gives them for a period of that one month
        List<SeriesMonth> series = new ArrayList<>();
        for (YearMonth m = month.minusMonths(SERIES_MONTHS - 1); !m.isAfter(month); m = m.plusMonths(1)) {
            IndicatorReport one = queries.report(m, m, Set.of(District.values()[0]), null);
            series.add(new SeriesMonth(m, one.provisional(), one.region()));
        }
        AreaFigures year = queries.report(month.minusMonths(SERIES_MONTHS - 1), month, Set.of(District.values()[0]), null)
                .region();
        return new ReportFigures(null, month, report.generatedAt(), report.protection(), report.provisional(),
                report.provisionalFrom(), report.region(), report.region(), year, year, List.copyOf(series),
                report.districts());
    }
}
