package de.weserems.integration.demo;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.Sex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import static de.weserems.integration.demo.RandomDraws.lognormal;
import static de.weserems.integration.demo.RandomDraws.pick;

/**
 * How people get into courses and between them, as the figures of waiting, access and funding gaps see it:
 * entitlements before the integration course, the wait from enrolment to the course's start, who never
 * starts, the participant's sex, and how a change of funder between two measures delays or loses people.
 * The shares and medians are assumptions (docs/demo-data.md says which). Drawn from a random stream of their
 * own, like {@link ContractV2Draws}, so that the draws of the older parts of the model stay what they were.
 */
final class AccessDraws {

    /** The longest time from an entitlement to the enrolment it precedes. */
    static final int MAX_DAYS_ENTITLEMENT_BEFORE = 365;
    /** Districts with long waiting lists for language courses: the dashboard has to show them. */
    static final int LONG_WAIT_DISTRICTS = 3;
    /** Districts where the entitlement typically comes months before the course. */
    static final int EARLY_ENTITLEMENT_DISTRICTS = 3;
    /** Enrolments whose course never starts for the participant (withdrawn, moved away, still waiting). */
    static final double NEVER_STARTS = 0.04;
    /** In a district with long waiting lists more give up or are still waiting when the demo ends. */
    static final double NEVER_STARTS_LONG_WAIT = 0.10;
    /** Integration-course participants whose entitlement reaches the monitor before their first course. */
    static final double ENTITLEMENT_REPORTED = 0.85;
    /** Orientation-course graduates who go no further but are entitled to an integration course. */
    static final double ENTITLED_WITHOUT_COURSE = 0.35;

    /** A district's waiting: the median days from enrolment to start and from entitlement to enrolment. */
    record Waits(double startMedian, boolean longWaits, double entitlementMedian) {}

    /**
     * The districts' waits, fixed by the seed: a few with long waiting lists for language courses, a few
     * others where entitlements come months before the course, the rest around three weeks. Only districts
     * large enough that a monthly median is published are chosen, so the dashboard shows the difference.
     */
    static Map<District, Waits> waits(long seed) {
        Random r = new Random(seed * 31 + 13);
        List<District> large = new ArrayList<>();
        for (District d : District.values()) {
            if (d.residents2018() >= 120_000) large.add(d);
        }
        Collections.shuffle(large, r);
        Map<District, Waits> waits = new EnumMap<>(District.class);
        for (District d : District.values()) {
            int rank = large.indexOf(d);
            boolean longWaits = rank >= 0 && rank < LONG_WAIT_DISTRICTS;
            boolean earlyEntitlements = rank >= LONG_WAIT_DISTRICTS
                    && rank < LONG_WAIT_DISTRICTS + EARLY_ENTITLEMENT_DISTRICTS;
            waits.put(d, new Waits(longWaits ? 100 + 40 * r.nextDouble() : 14 + 12 * r.nextDouble(), longWaits,
                    earlyEntitlements ? 110 + 50 * r.nextDouble() : 20 + 25 * r.nextDouble()));
        }
        return waits;
    }

    /** The random stream of the step with key {@code key} for these draws, apart from the v1 and v2 ones. */
    static SplittableRandom stream(long key) {
        return new SplittableRandom(key * 0xC2B2_AE3D_27D4_EB4FL + 0x3);
    }

    /**
     * The participant's sex as the providers record it, the same on all their events; {@code null} for those
     * whose providers record none. Women are somewhat more than half of the integration courses' participants.
     */
    static Sex sex(SplittableRandom r) {
        return pick(r, new double[] {0.50, 0.43, 0.005, 0.025, 0.04},
                new Sex[] {Sex.FEMALE, Sex.MALE, Sex.DIVERSE, Sex.UNSPECIFIED, null});
    }

    /**
     * Days from the enrolment to the course's start, or -1 for a course the participant never starts. The
     * long waiting lists are for language courses; other measures start within weeks everywhere.
     */
    static int daysToStart(CourseType course, Waits w, SplittableRandom r) {
        boolean language = course == CourseType.INTEGRATION_COURSE || course == CourseType.JOB_LANGUAGE_COURSE;
        boolean longWait = language && w.longWaits();
        if (r.nextDouble() < (longWait ? NEVER_STARTS_LONG_WAIT : NEVER_STARTS)) {
            return -1;
        }
        double median = language ? w.startMedian() : 12;
        return Math.max(1, (int) Math.round(lognormal(r, median, longWait ? 0.45 : 0.7)));
    }

    /** Days from the entitlement to the enrolment in the integration course. */
    static int daysEntitlementBefore(Waits w, SplittableRandom r) {
        return Math.clamp(Math.round(lognormal(r, w.entitlementMedian(), 0.6)), 1, MAX_DAYS_ENTITLEMENT_BEFORE);
    }

    /** Who issued the entitlement. */
    static Issuer issuer(SplittableRandom r) {
        return pick(r, new double[] {0.45, 0.30, 0.22, 0.03},
                new Issuer[] {Issuer.FOREIGNERS_AUTHORITY, Issuer.JOBCENTER, Issuer.BAMF, Issuer.OTHER});
    }

    /**
     * Entitled or obliged: the jobcentre mostly obliges those it supports, the foreigners' authority obliges
     * some, BAMF admits on application.
     */
    static Entitlement entitlement(Issuer issuer, SplittableRandom r) {
        double obliged = switch (issuer) {
            case JOBCENTER -> 0.70;
            case FOREIGNERS_AUTHORITY -> 0.25;
            case BAMF -> 0.0;
            case OTHER -> 0.10;
        };
        return r.nextDouble() < obliged ? Entitlement.OBLIGED : Entitlement.ENTITLED;
    }

    /**
     * What a change of funder between two measures does: a new application to another office takes longer,
     * and some are lost on the way. From BAMF's integration course to its job-language course is a new
     * application to the same office; to the jobcentre or the employment agency is a new office.
     *
     * @param delay the factor on the waiting gap
     * @param lost  the share of those planned for the next measure who never enrol in it
     */
    record Switch(double delay, double lost) {}

    static Switch fundingSwitch(FundingSource before, FundingSource after) {
        if (before == null || after == null || before == after) {
            return new Switch(1, 0);
        }
        boolean bamf = before == FundingSource.BAMF_INTV || before == FundingSource.BAMF_DEUFOEV;
        return switch (after) {
            case JOBCENTER_SGB2, EMPLOYMENT_AGENCY_SGB3 -> bamf ? new Switch(1.8, 0.22) : new Switch(1.3, 0.08);
            case BAMF_DEUFOEV -> before == FundingSource.BAMF_INTV ? new Switch(1.5, 0.12) : new Switch(1.2, 0.05);
            default -> new Switch(1.2, 0.05);
        };
    }

    private AccessDraws() {
    }
}
