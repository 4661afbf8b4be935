package de.weserems.integration.dashboard.indicators.model;

import de.weserems.integration.events.CourseType;

/**
 * What one completion (outcome {@code PASSED} or {@code FAILED}, with a participant) adds to the chain
 * counters of its own district and month, given everything known about its participant so far.
 *
 * @param dayOfMonth      the completion's day in its month: with the month of the key it gives the date,
 *                        from which the query decides whether the 183-day window has ended
 * @param passed          outcome {@code PASSED}: only those count for "placement within 6 months"
 * @param daysToPlacement days from the completion to the participant's first placement 0–365 days after,
 *                        or {@code null} when there is none (yet)
 * @param waitingDays     days from the completion to the participant's first enrolment 1–365 days after,
 *                        or {@code null} when there is none (yet)
 * @param funding         the {@link FundingFlow#bucket funding bucket} of the completed measure
 * @param nextMeasure     what came first within {@link FundingFlow#WINDOW_DAYS} days after: the funding bucket of
 *                        the next enrolment, or {@link FundingFlow#PLACEMENT}; {@code null} when nothing came (yet)
 * @param sex             the sex bucket of the completion ({@link Breakdown#sexBucket}: 0 not stated)
 */
public record ChainContribution(CourseType courseType, int dayOfMonth, boolean passed, Integer daysToPlacement,
                         Integer waitingDays, int funding, Integer nextMeasure, int sex) {

    /** A contribution without a funding source and without a next measure (the chain's figures before funding gaps). */
    public ChainContribution(CourseType courseType, int dayOfMonth, boolean passed, Integer daysToPlacement,
                             Integer waitingDays) {
        this(courseType, dayOfMonth, passed, daysToPlacement, waitingDays, FundingFlow.NOT_STATED, null, 0);
    }

    /** Placement within 6 months: a placement 0–183 days after the completion (inclusive). */
    public static final int PLACEMENT_WINDOW_DAYS = 183;
    /** Days to placement and waiting days look at most this many days ahead. */
    public static final int HORIZON_DAYS = 365;
    /**
     * A pseudonym with more events than this stands for more than one person (a placeholder reference
     * such as "0" sent by a provider): its completions leave the chain figures and are counted as
     * excluded, and its further events cost nothing. No one person has that many enrolments, completions
     * and placements. Changing it changes what the engine's state means: a new engine generation.
     */
    public static final int MAX_EVENTS_PER_PARTICIPANT = 100;

    public boolean placedWithin6Months() {
        return passed && daysToPlacement != null && daysToPlacement <= PLACEMENT_WINDOW_DAYS;
    }
}
