package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.dashboard.indicators.model.Breakdown;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain figures of one area over a period, as the read API returns them under {@code chain};
 * a withheld value is {@code null} and listed in {@link AreaFigures#withheld()}.
 *
 * @param medianDaysToPlacement median days from a passed or failed completion to the first placement
 *                              within 365 days: whole days as published, 1 decimal when exact
 * @param medianWaitingDays     median days from a passed or failed completion to the first enrolment
 *                              1–365 days after: whole days as published, 1 decimal when exact
 * @param pending               passed completions whose 183-day window has not ended yet, so they are
 *                              not in {@code rates.placementWithin6Months}
 * @param placementWithin6MonthsBySex placement within 6 months by the sex stated on the completion, only for a
 *                              calendar quarter or year (absent otherwise, as the breakdowns by sex are)
 */
public record ChainFigures(BigDecimal medianDaysToPlacement, BigDecimal medianWaitingDays, Long pending,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Placed> placementWithin6MonthsBySex) {

    /** Of the passed completions whose window has ended ({@code ended}), those placed, and the rate. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Placed(Long ended, Long placed, BigDecimal rate) {
    }

    /** Every figure {@code null}; by sex too when {@code bySex}: for a district without reports. */
    static ChainFigures notReported(boolean bySex) {
        Map<String, Placed> none = null;
        if (bySex) {
            none = new LinkedHashMap<>();
            for (int sex : shownOrder()) {
                none.put(Breakdown.ENROLMENTS_BY_SEX.buckets().get(sex), new Placed(null, null, null));
            }
        }
        return new ChainFigures(null, null, null, none);
    }

    /** Placed and not placed published on their own, the rate from the two, per sex bucket. */
    static Map<String, Placed> bySex(Confidentiality rules, ChainSums s, ChainSums keys) {
        Map<String, Placed> bySex = new LinkedHashMap<>();
        for (int sex : shownOrder()) {
            long placed = rules.publish(s.placedBySex[sex], keys.placedBySex[sex]);
            long notPlaced = rules.publish(s.endedBySex[sex] - s.placedBySex[sex],
                    keys.endedBySex[sex] - keys.placedBySex[sex]);
            bySex.put(Breakdown.ENROLMENTS_BY_SEX.buckets().get(sex),
                    new Placed(placed + notPlaced, placed, rules.rate(placed, notPlaced)));
        }
        return bySex;
    }

    /** The sex buckets as the breakdowns by sex show them: the values, then NOT_STATED. */
    private static List<Integer> shownOrder() {
        return List.of(1, 2, 3, 0);
    }
}
