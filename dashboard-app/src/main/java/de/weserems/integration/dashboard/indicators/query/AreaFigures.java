package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The figures of one district (or of the region) over a period, as the read API returns them.
 * Counts are published (perturbed by the cell key method, {@link Confidentiality}); a rate or median on
 * too few cases is {@code null} and its name ({@code rates.completionRate}, {@code chain.medianWaitingDays})
 * is listed in {@code withheld}.
 *
 * @param breakdowns         the breakdowns of contract v2, each bucket a published count ({@link BreakdownFigures})
 * @param targetLevelReached target level reached, by attempt and by course variant ({@link BreakdownFigures})
 * @param access             waiting and access times of the course starts in the period ({@link AccessFigures})
 * @param waitingNow         who is waiting today, whatever the period ({@link WaitingNowFigures}); shown also
 *                           for a district without reports in the period
 * @param fundingGaps        funding gaps of the completions in the period ({@link FundingGapFigures})
 * @param reported {@code false} when no provider reported for the district in the period
 *                 ("no reports", not zero); absent for the region
 * @param foreignResidents the residents of foreign nationality ({@link PerForeignResidents}); absent when the
 *                         operator supplied none
 * @param per10kForeign    enrolments, completions, placements per 10,000 of them, from the published counts;
 *                         absent when off, its values {@code null} when the district has no reports
 */
public record AreaFigures(
        String district,
        String name,
        int population,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer foreignResidents,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reported,
        Map<String, Long> counts,
        Map<String, BigDecimal> rates,
        Map<String, BigDecimal> per10k,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, BigDecimal> per10kForeign,
        Map<String, Map<String, Long>> breakdowns,
        Map<String, Map<String, BreakdownFigures.TargetLevel>> targetLevelReached,
        ChainFigures chain,
        AccessFigures access,
        WaitingNowFigures waitingNow,
        FundingGapFigures fundingGaps,
        List<String> withheld) {

    /** These figures with the residents of foreign nationality and the figures per 10,000 of them. */
    AreaFigures withForeign(int foreignResidents, Map<String, BigDecimal> per10kForeign) {
        return new AreaFigures(district, name, population, foreignResidents, reported, counts, rates, per10k,
                per10kForeign, breakdowns, targetLevelReached, chain, access, waitingNow, fundingGaps, withheld);
    }

    /** A count as published, or {@code null} when the district has no reports. */
    public Long count(String name) {
        return counts.get(name);
    }
}
