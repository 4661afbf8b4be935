package de.weserems.integration.dashboard.indicators.model;

/**
 * Counts of one course type in one district and month.
 *
 * @param passedB1OrHigher passed language-course completions certifying B1 or higher
 */
public record CourseCounters(long enrolments, long passed, long failed, long dropouts, long passedB1OrHigher) {

    public static final CourseCounters ZERO = new CourseCounters(0, 0, 0, 0, 0);

    public CourseCounters plus(CourseCounters o) {
        return new CourseCounters(enrolments + o.enrolments, passed + o.passed, failed + o.failed,
                dropouts + o.dropouts, passedB1OrHigher + o.passedB1OrHigher);
    }
}
