package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.FundingFlow;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.Outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one participant's history adds to the chain counters, per {@code AGS|YYYY-MM} (with key sums):
 * the definitions of docs/design.md ("Chain indicators", "Access and waiting", "Funding gaps") in one place.
 * {@link ChainTopology} passes on the difference between a participant's figures before and after an event,
 * so any order of events, and any retraction, ends in the figures of the final history.
 *
 * <ul>
 *   <li>each completion, in its district and month: placement within 6 months (also by the sex stated on the
 *       completion), days to placement, days to the next enrolment, and whether (and into what) the chain went
 *       on within 90 days;</li>
 *   <li>each course start, in its district and month: its waiting time, from the latest enrolment in the same
 *       course type on or before the start; the first integration-course start also its access time, from
 *       the first entitlement on or before it;</li>
 *   <li>a participant still waiting, once, in the district and month of the earliest entitlement or enrolment
 *       that no course start has followed (an entitlement is followed by an integration-course start on or
 *       after its day, an enrolment by a start in its course type on or after its day).</li>
 * </ul>
 */
final class ParticipantFigures {

    private ParticipantFigures() {
    }

    static Map<String, MonthlyCounters> of(ParticipantHistory h) {
        Map<String, MonthlyCounters> figures = new HashMap<>();
        List<LocalDate> enrolmentDays = h.enrolments().stream().map(ParticipantHistory.Report::date).toList();
        for (ParticipantHistory.Completion c : h.completions()) {
            add(figures, c.district(), c.date(), c.courseType(),
                    ChainCounters.ZERO.plus(contribution(c, h.placements(), h.enrolments(), enrolmentDays), 1),
                    c.recordKey());
        }
        boolean integrationCourseStarted = false;
        for (ParticipantHistory.Report start : h.starts()) {
            ChainCounters counters = ChainCounters.ZERO;
            ParticipantHistory.Report enrolment = latestEnrolment(h.enrolments(), start);
            if (enrolment != null) {
                counters = counters.plusWaitingTime(days(enrolment.date(), start.date()));
            }
            if (start.courseType() == CourseType.INTEGRATION_COURSE && !integrationCourseStarted) {
                integrationCourseStarted = true;
                if (!h.entitlements().isEmpty() && !h.entitlements().getFirst().date().isAfter(start.date())) {
                    counters = counters.plusAccessTime(days(h.entitlements().getFirst().date(), start.date()));
                }
            }
            if (!counters.isEmpty()) {
                add(figures, start.district(), start.date(), start.courseType(), counters, start.recordKey());
            }
        }
        ParticipantHistory.Report waiting = waitingSince(h);
        if (waiting != null) {
            add(figures, waiting.district(), waiting.date(), courseType(waiting),
                    ChainCounters.ZERO.plusWaitingSince(waiting.date().getDayOfMonth()), waiting.recordKey());
        }
        return figures;
    }

    private static ChainContribution contribution(ParticipantHistory.Completion c, List<LocalDate> placements,
                                                  List<ParticipantHistory.Report> enrolments,
                                                  List<LocalDate> enrolmentDays) {
        Integer toPlacement = daysToFirst(placements, c.date(), 0);
        Integer toEnrolment = daysToFirst(enrolmentDays, c.date(), 1);
        Integer next = null;
        if (toPlacement != null && toPlacement <= FundingFlow.WINDOW_DAYS
                && (toEnrolment == null || toPlacement <= toEnrolment)) {
            next = FundingFlow.PLACEMENT;
        } else if (toEnrolment != null && toEnrolment <= FundingFlow.WINDOW_DAYS) {
            next = FundingFlow.bucket(enrolments.get(enrolmentDays.indexOf(c.date().plusDays(toEnrolment)))
                    .fundingSource());
        }
        return new ChainContribution(c.courseType(), c.date().getDayOfMonth(), c.outcome() == Outcome.PASSED,
                toPlacement, toEnrolment,
                FundingFlow.bucket(c.fundingSource()), next, Breakdown.sexBucket(c.sex()));
    }

    /** The latest enrolment in the start's course type on or before its day, or {@code null}. */
    private static ParticipantHistory.Report latestEnrolment(List<ParticipantHistory.Report> enrolments,
                                                             ParticipantHistory.Report start) {
        ParticipantHistory.Report latest = null;
        for (ParticipantHistory.Report e : enrolments) {
            if (e.date().isAfter(start.date())) {
                break;
            }
            if (e.courseType() == start.courseType()) {
                latest = e;
            }
        }
        return latest;
    }

    /** The earliest entitlement or enrolment no course start has followed (an entitlement first on the same day). */
    private static ParticipantHistory.Report waitingSince(ParticipantHistory h) {
        ParticipantHistory.Report earliest = null;
        for (ParticipantHistory.Report e : h.entitlements()) {
            if (!started(h.starts(), CourseType.INTEGRATION_COURSE, e.date())) {
                earliest = e;
                break;
            }
        }
        for (ParticipantHistory.Report e : h.enrolments()) {
            if (earliest != null && !e.date().isBefore(earliest.date())) {
                break;
            }
            // an enrolment read from a history written before engine generation v7 has no course type
            if (e.courseType() != null && !started(h.starts(), e.courseType(), e.date())) {
                return e;
            }
        }
        return earliest;
    }

    private static boolean started(List<ParticipantHistory.Report> starts, CourseType courseType, LocalDate from) {
        for (ParticipantHistory.Report s : starts) {
            if (s.courseType() == courseType && !s.date().isBefore(from)) {
                return true;
            }
        }
        return false;
    }

    /** An entitlement is to an integration course. */
    private static CourseType courseType(ParticipantHistory.Report report) {
        return report.courseType() == null ? CourseType.INTEGRATION_COURSE : report.courseType();
    }

    /** Days from {@code from} to the first of {@code days} (sorted) that is {@code minDays}–365 days after it, or {@code null}. */
    private static Integer daysToFirst(List<LocalDate> days, LocalDate from, int minDays) {
        for (LocalDate day : days) {
            long between = ChronoUnit.DAYS.between(from, day);
            if (between >= minDays) {
                return between <= ChainContribution.HORIZON_DAYS ? (int) between : null;
            }
        }
        return null;
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    private static void add(Map<String, MonthlyCounters> figures, District district, LocalDate date,
                            CourseType courseType, ChainCounters counters, long recordKey) {
        figures.merge(DistrictMonth.key(district, YearMonth.from(date)),
                MonthlyCounters.ofChain(courseType, counters, recordKey), MonthlyCounters::plus);
    }
}
