package de.weserems.integration.dashboard.indicators.model;

import de.weserems.integration.events.FundingSource;

/**
 * How the chain counters key the funding gap (docs/design.md, "Funding gaps"): a completed measure's funding
 * source and what came next, packed with the completion's day of month into one histogram key, so that the
 * counters stay plain histograms (summable over months, districts and course types, and negatable) and the
 * query decides with its own clock whether a completion's 90 days have ended.
 *
 * <p>A funding bucket is 0 for a measure without a funding source ("ohne Angabe") and the source's position
 * plus one otherwise; what came next is such a bucket for an enrolment, or {@link #PLACEMENT}.
 */
public final class FundingFlow {

    /** A completion goes on when a next enrolment comes 1–90 days or a placement 0–90 days after it. */
    public static final int WINDOW_DAYS = 90;
    /** The bucket of a measure without a funding source. */
    public static final int NOT_STATED = 0;
    /** What came next was a placement (an integration in the SGB II sense), not a measure. */
    public static final int PLACEMENT = 15;
    private static final int DAYS = 32;
    private static final int BUCKETS = 16;

    static {
        // the bucket of every funding source must stay below PLACEMENT; appending sources beyond 14 needs a new layout
        if (FundingSource.values().length >= PLACEMENT) {
            throw new ExceptionInInitializerError("too many funding sources for FundingFlow's layout");
        }
    }

    private FundingFlow() {
    }

    public static int bucket(FundingSource source) {
        return source == null ? NOT_STATED : source.ordinal() + 1;
    }

    /** The name of a bucket in the read API: the source's name, {@code NOT_STATED} or {@code PLACEMENT}. */
    public static String name(int bucket) {
        return bucket == PLACEMENT ? "PLACEMENT" : bucket == NOT_STATED ? "NOT_STATED"
                : FundingSource.values()[bucket - 1].name();
    }

    /** The funding buckets a completed measure can have, in the order of the read API: sources, then not stated. */
    public static int[] sourceBuckets() {
        int[] buckets = new int[FundingSource.values().length + 1];
        for (int i = 0; i < FundingSource.values().length; i++) {
            buckets[i] = i + 1;
        }
        buckets[buckets.length - 1] = NOT_STATED;
        return buckets;
    }

    /** What can come next, in the order of the read API: the funding buckets, then {@link #PLACEMENT}. */
    public static int[] afterBuckets() {
        int[] sources = sourceBuckets();
        int[] buckets = java.util.Arrays.copyOf(sources, sources.length + 1);
        buckets[sources.length] = PLACEMENT;
        return buckets;
    }

    /** The key of a completion in {@link ChainCounters#completedByFundingDay()}. */
    static int completedKey(int funding, int dayOfMonth) {
        return funding * DAYS + dayOfMonth;
    }

    /** The key of a completion that went on, in {@link ChainCounters#nextMeasureByFundingDay()}. */
    static int flowKey(int before, int after, int dayOfMonth) {
        return (before * BUCKETS + after) * DAYS + dayOfMonth;
    }

    public static int dayOfMonth(int key) {
        return key % DAYS;
    }

    /** The funding bucket of a completed measure, from either key. */
    public static int before(int key, boolean flowKey) {
        return flowKey ? key / DAYS / BUCKETS : key / DAYS;
    }

    /** What came next, from a flow key. */
    public static int after(int flowKey) {
        return flowKey / DAYS % BUCKETS;
    }
}
