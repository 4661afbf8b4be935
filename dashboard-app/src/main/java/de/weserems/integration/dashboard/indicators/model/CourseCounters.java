package de.weserems.integration.dashboard.indicators.model;

/**
 * Counts of one course type in one district and month.
 *
 * @param passedB1OrHigher passed language-course completions certifying B1 or higher
 */
public record CourseCounters(long enrolments, long passed, long failed, long dropouts, long passedB1OrHigher) {

    public static final CourseCounters ZERO = new CourseCounters(0, 0, 0, 0, 0);

    /** Every count times {@code k}: what a record with key {@code k} adds to the key sums. */
    public CourseCounters times(long k) {
        return new CourseCounters(enrolments * k, passed * k, failed * k, dropouts * k, passedB1OrHigher * k);
    }

    public CourseCounters plus(CourseCounters o) {
        return new CourseCounters(enrolments + o.enrolments, passed + o.passed, failed + o.failed,
                dropouts + o.dropouts, passedB1OrHigher + o.passedB1OrHigher);
    }
}
