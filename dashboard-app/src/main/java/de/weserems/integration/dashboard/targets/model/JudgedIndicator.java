package de.weserems.integration.dashboard.targets.model;

import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.ChainFigures;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * The figures a target can be set on. Each reads its value from the published figures of an area
 * ({@link AreaFigures}, as {@code IndicatorQueries.report} gives them, never the exact ones), so a target
 * is judged on what everyone sees. A new figure of the read API is one more constant here (and its name
 * in the translations, {@code target.indicator.<name>}).
 *
 * <p>A value of {@code null} means withheld (too few cases) or not reported: such a figure is not judged.
 */
public enum JudgedIndicator {

    COMPLETION_RATE("rates.completionRate", Unit.PERCENT, f -> percent(f.rates().get("completionRate"))),
    LANGUAGE_SUCCESS_RATE("rates.languageSuccessRate", Unit.PERCENT, f -> percent(f.rates().get("languageSuccessRate"))),
    PLACEMENT_WITHIN_6_MONTHS("rates.placementWithin6Months", Unit.PERCENT,
            f -> percent(f.rates().get("placementWithin6Months"))),
    MEDIAN_DAYS_TO_PLACEMENT("chain.medianDaysToPlacement", Unit.DAYS, f -> chain(f, ChainFigures::medianDaysToPlacement)),
    MEDIAN_WAITING_DAYS("chain.medianWaitingDays", Unit.DAYS, f -> chain(f, ChainFigures::medianWaitingDays)),
    MEDIAN_WAITING_TIME("access.medianWaitingTime", Unit.DAYS,
            f -> f.access() == null ? null : f.access().medianWaitingTime()),
    WAITING_TIME_OVER_6_WEEKS("access.waitingTimeOver6Weeks", Unit.PERCENT,
            f -> f.access() == null ? null : percent(f.access().waitingTimeOver6Weeks())),
    MEDIAN_ACCESS_TIME("access.medianAccessTime", Unit.DAYS,
            f -> f.access() == null ? null : f.access().medianAccessTime()),
    FUNDING_GAP_RATE("fundingGaps.gapRate", Unit.PERCENT,
            f -> f.fundingGaps() == null ? null : percent(f.fundingGaps().gapRate()));

    private final String figure;
    private final Unit unit;
    private final Function<AreaFigures, BigDecimal> value;

    JudgedIndicator(String figure, Unit unit, Function<AreaFigures, BigDecimal> value) {
        this.figure = figure;
        this.unit = unit;
        this.value = value;
    }

    /** The figure's name as the read API writes it ({@code rates.completionRate}); also in the translations' keys. */
    public String figure() {
        return figure;
    }

    public Unit unit() {
        return unit;
    }

    /** The published value in {@link #unit()}; {@code null} when withheld or not reported. */
    public BigDecimal value(AreaFigures figures) {
        return figures == null ? null : value.apply(figures);
    }

    /** The indicator of a figure's name, as stored on the targets topic. */
    public static Optional<JudgedIndicator> byFigure(String figure) {
        for (JudgedIndicator i : values()) {
            if (i.figure.equals(figure)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2);
    }

    private static BigDecimal chain(AreaFigures f, Function<ChainFigures, BigDecimal> median) {
        return f.chain() == null ? null : median.apply(f.chain());
    }
}
