package de.weserems.integration.dashboard.targets.judging;

import de.weserems.integration.dashboard.base.live.Alerts.Alert;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.dashboard.targets.model.Unit;
import de.weserems.integration.events.Region;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Judges targets on published figures and remembers which are missed: a target is breached while its
 * figure, as published for its window, lies beyond its threshold. A withheld figure is not judged and
 * never a breach (a breach it stood for ends, with no value). The starts and ends found are returned and
 * kept in a bounded list, the newest first.
 *
 * <p>The first judgement only takes stock: what is missed then is a current breach, but no start. Every
 * instance judges for itself and keeps its breaches in memory, so a restart (or a second instance) would
 * otherwise announce every standing breach again. A target set later is judged like any change: if it is
 * missed from the start, its breach starts.
 *
 * <p>Not thread-safe: one thread judges.
 */
final class TargetJudge {

    private final int keep;
    private final Map<String, Alert> current = new LinkedHashMap<>();
    private final Deque<Alert> recent = new ArrayDeque<>();
    private boolean judgedOnce;

    /** {@code keep}: how many starts and ends are remembered. */
    TargetJudge(int keep) {
        this.keep = keep;
    }

    /**
     * Judges {@code targets} on the figures {@code report} gives for a period ({@code from}, {@code to}, both
     * inclusive), each target's window ending with {@code month}.
     *
     * @return the breaches that started or ended, in the order of {@code targets}
     */
    List<Alert> judge(List<Target> targets, BiFunction<YearMonth, YearMonth, IndicatorReport> report,
                             YearMonth month, Instant now) {
        Map<Integer, IndicatorReport> byWindow = new HashMap<>();
        List<Alert> changes = new ArrayList<>();
        for (Target target : targets) {
            IndicatorReport figures = byWindow.computeIfAbsent(target.months(),
                    m -> report.apply(target.from(month), month));
            BigDecimal value = target.indicator().value(area(figures, target.area()));
            Alert was = current.get(target.key());
            if (target.breachedBy(value)) {
                Alert breach = alert(target, value, true, was == null ? now : was.at());
                current.put(target.key(), breach);
                if (was == null && judgedOnce) {
                    changes.add(breach);
                }
            } else if (was != null) {
                current.remove(target.key());
                changes.add(alert(target, value, false, now));
            }
        }
        // a deleted target's breach goes with it: an admin's decision, not a change of the figures
        Set<String> keys = targets.stream().map(Target::key).collect(Collectors.toSet());
        current.keySet().retainAll(keys);
        judgedOnce = true;
        for (Alert change : changes) {
            recent.addFirst(change);
            if (recent.size() > keep) {
                recent.removeLast();
            }
        }
        return changes;
    }

    /** The targets missed at the last judgement, by area (the region first) and indicator. */
    List<Alert> current() {
        return current.values().stream()
                .sorted(Comparator.comparing((Alert a) -> !a.area().equals(Region.AGS))
                        .thenComparing(Alert::area).thenComparing(Alert::indicator))
                .toList();
    }

    /** The latest starts and ends, the newest first. */
    List<Alert> recent() {
        return List.copyOf(recent);
    }

    /** Whether a judgement has taken stock yet. */
    boolean judgedOnce() {
        return judgedOnce;
    }

    private static AreaFigures area(IndicatorReport report, String area) {
        if (report.region() != null && area.equals(report.region().district())) {
            return report.region();
        }
        return report.districts().stream().filter(f -> f.district().equals(area)).findFirst().orElse(null);
    }

    private static Alert alert(Target target, BigDecimal value, boolean started, Instant at) {
        return new Alert(at, started, target.area(), target.indicator().figure(),
                target.indicator().unit() == Unit.PERCENT, value, target.comparison() == Comparison.AT_MOST,
                target.threshold(), target.months());
    }
}
