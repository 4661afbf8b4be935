package de.weserems.integration.dashboard.indicators.model;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * All counters of one district and month, as stored on {@code integration.indicators.v1}.
 * Kept by course type and placement type so that any filter and any period can be summed exactly.
 *
 * @param chain          the chain counters of the completions of this district and month, by course type
 *                       (empty in a record written before the chain indicators existed)
 * @param lastReceivedAt when ingest received the newest event counted here; the read model measures
 *                       freshness (receipt to visible figure) with it. {@code null} in older records
 */
public record MonthlyCounters(Map<CourseType, CourseCounters> courses, Map<PlacementType, Long> placements,
                              Map<CourseType, ChainCounters> chain, Instant lastReceivedAt) {

    public static MonthlyCounters empty() {
        return new MonthlyCounters(Map.of(), Map.of(), Map.of(), null);
    }

    public MonthlyCounters {
        courses = courses == null ? Map.of() : Map.copyOf(courses);
        placements = placements == null ? Map.of() : Map.copyOf(placements);
        chain = chain == null ? Map.of() : Map.copyOf(chain);
    }

    /** These counters with one more (deduplicated) event counted. */
    public MonthlyCounters add(IntegrationEvent event) {
        Map<CourseType, CourseCounters> c = new EnumMap<>(CourseType.class);
        c.putAll(courses);
        Map<PlacementType, Long> p = new EnumMap<>(PlacementType.class);
        p.putAll(placements);
        switch (event.type()) {
            case COURSE_ENROLMENT -> c.merge(event.courseType(), new CourseCounters(1, 0, 0, 0, 0), CourseCounters::plus);
            case COURSE_COMPLETION -> c.merge(event.courseType(), completion(event), CourseCounters::plus);
            case JOB_PLACEMENT -> p.merge(event.placementType(), 1L, Long::sum);
        }
        Instant received = event.receivedAt();
        Instant newest = lastReceivedAt == null || (received != null && received.isAfter(lastReceivedAt))
                ? received : lastReceivedAt;
        return new MonthlyCounters(c, p, chain, newest);
    }

    static CourseCounters completion(IntegrationEvent e) {
        boolean passed = e.outcome() == Outcome.PASSED;
        boolean b1 = passed && e.courseType().languageCourse() && e.languageLevel() != null
                && e.languageLevel().b1OrHigher();
        return new CourseCounters(0, passed ? 1 : 0, e.outcome() == Outcome.FAILED ? 1 : 0,
                e.outcome() == Outcome.DROPPED_OUT ? 1 : 0, b1 ? 1 : 0);
    }

    /** The sum over course types, or only {@code filter} when it is not {@code null}. */
    public CourseCounters courseTotal(CourseType filter) {
        CourseCounters sum = CourseCounters.ZERO;
        for (Map.Entry<CourseType, CourseCounters> e : courses.entrySet()) {
            if (filter == null || filter == e.getKey()) {
                sum = sum.plus(e.getValue());
            }
        }
        return sum;
    }

    /** Passed plus failed in language courses: the denominator of the language success rate. */
    public long languageCompletions(CourseType filter) {
        long n = 0;
        for (Map.Entry<CourseType, CourseCounters> e : courses.entrySet()) {
            if (e.getKey().languageCourse() && (filter == null || filter == e.getKey())) {
                n += e.getValue().passed() + e.getValue().failed();
            }
        }
        return n;
    }

    public long placementTotal() {
        return placements.values().stream().mapToLong(Long::longValue).sum();
    }
}
