package de.weserems.integration.dashboard.targets.model;

import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A target an admin set: the published {@code indicator} of {@code area} over the last {@code months}
 * months (the current month included) must stay {@code comparison} {@code threshold}, e.g. the median
 * waiting time of the region at most 42 days over the last 3 months. One target per indicator and area
 * ({@link #key()}): setting another replaces it.
 *
 * @param area      a district's AGS, or {@link Region#AGS} for the region as a whole
 * @param threshold in the indicator's {@link Unit}: percent (0–100) or days
 * @param setBy     the admin's login name, shown in the admin view
 */
public record Target(JudgedIndicator indicator, String area, Comparison comparison, BigDecimal threshold,
                     int months, String setBy, Instant setAt) {

    /** The longest window: the dashboard's default period is a year. */
    public static final int MAX_MONTHS = 12;

    public Target {
        List<String> problems = problems(indicator, area, comparison, threshold, months);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Not a target: " + problems);
        }
    }

    /**
     * What is wrong with a target of these parts, as translation keys ({@code target.problem.*}); empty when
     * nothing is. The admin view shows them, and a record on the topic that breaks them is skipped.
     */
    public static List<String> problems(JudgedIndicator indicator, String area, Comparison comparison,
                                        BigDecimal threshold, int months) {
        List<String> problems = new ArrayList<>();
        if (indicator == null) {
            problems.add("target.problem.indicator");
        }
        if (area == null || !(area.equals(Region.AGS) || District.byAgs(area).isPresent())) {
            problems.add("target.problem.area");
        }
        if (comparison == null) {
            problems.add("target.problem.comparison");
        }
        if (threshold == null) {
            problems.add("target.problem.threshold");
        } else if (threshold.signum() < 0
                || (indicator != null && indicator.unit() == Unit.PERCENT && threshold.compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(indicator != null && indicator.unit() == Unit.PERCENT ? "target.problem.percent"
                    : "target.problem.days");
        }
        if (months < 1 || months > MAX_MONTHS) {
            problems.add("target.problem.months");
        }
        return problems;
    }

    /** The key on the targets topic: one target per indicator and area ({@code rates.completionRate|03453}). */
    public String key() {
        return key(indicator, area);
    }

    public static String key(JudgedIndicator indicator, String area) {
        return indicator.figure() + "|" + area;
    }

    /** Whether the target is on the region as a whole rather than a district. */
    public boolean region() {
        return Region.AGS.equals(area);
    }

    /** The first month of the window that ends with {@code current}. */
    public YearMonth from(YearMonth current) {
        return current.minusMonths(months - 1L);
    }

    /** Whether {@code value} (in the indicator's unit) misses the target; a withheld value ({@code null}) never does. */
    public boolean breachedBy(BigDecimal value) {
        return value != null && comparison.breached(value, threshold);
    }
}
