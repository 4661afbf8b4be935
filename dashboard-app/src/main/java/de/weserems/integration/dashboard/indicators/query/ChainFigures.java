package de.weserems.integration.dashboard.indicators.query;

import java.math.BigDecimal;

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
 */
public record ChainFigures(BigDecimal medianDaysToPlacement, BigDecimal medianWaitingDays, Long pending) {

    static final ChainFigures NOT_REPORTED = new ChainFigures(null, null, null);
}
