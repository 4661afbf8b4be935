package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The figures of one district (or of the region) over a period, as the read API returns them.
 * A withheld value is {@code null} and its name ({@code counts.placements},
 * {@code chain.medianWaitingDays}) is listed in {@code withheld}.
 *
 * @param reported {@code false} when no provider reported for the district in the period
 *                 ("no reports", not zero); absent for the region
 */
public record AreaFigures(
        String district,
        String name,
        int population,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reported,
        Map<String, Long> counts,
        Map<String, BigDecimal> rates,
        Map<String, BigDecimal> per10k,
        ChainFigures chain,
        List<String> withheld) {

    /** A count, or {@code null} when withheld or not reported. */
    public Long count(String name) {
        return counts.get(name);
    }
}
