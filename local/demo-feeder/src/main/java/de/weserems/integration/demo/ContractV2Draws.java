package de.weserems.integration.demo;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.PlacementType;

import java.util.SplittableRandom;

import static de.weserems.integration.demo.RandomDraws.pick;

/**
 * What contract v2 adds to the simulated events: the course as the federal programmes name it (variant,
 * target level), its funding, the first orientation course and full vocational training. The shares are
 * rounded from BAMF's published course statistics or assumed (docs/demo-data.md says which). Drawn from a
 * random stream of their own, so the history of contract v1 (who, when, where, which course type) stays
 * what a seed always meant.
 */
final class ContractV2Draws {

    /** Courses whose provider still sends contract v1: no variant, level or funding ("ohne Angabe"). */
    static final double V1_PROVIDERS = 0.12;
    /** Enrolments first sent wrong, then retracted and sent again correctly: a few a month region-wide. */
    static final double CORRECTED_ENROLMENTS = 0.004;

    /** A course as a v2 provider reports it; all but the type {@code null} for a v1 provider. */
    record Course(CourseType type, CourseVariant variant, LanguageLevel targetLevel, FundingSource funding) {

        boolean v2() {
            return funding != null;
        }
    }

    /** The random stream of the v2 fields of the step with key {@code key}, apart from the v1 draws. */
    static SplittableRandom stream(long key) {
        return new SplittableRandom(key * 0x9E37_79B9_7F4A_7C15L + 0x2);
    }

    static Course course(CourseType drawn, SplittableRandom r) {
        if (r.nextDouble() < V1_PROVIDERS) {
            return new Course(drawn, null, null, null);
        }
        // about a third of orientation offers are BAMF's first orientation courses for asylum seekers
        CourseType type = drawn == CourseType.ORIENTATION_COURSE && r.nextDouble() < 0.35
                ? CourseType.FIRST_ORIENTATION_COURSE : drawn;
        CourseVariant variant = switch (type) {
            case INTEGRATION_COURSE -> pick(r, new double[] {0.64, 0.03, 0.03, 0.03, 0.21, 0.05, 0.01},
                    new CourseVariant[] {CourseVariant.GENERAL, CourseVariant.YOUTH, CourseVariant.PARENTS,
                            CourseVariant.WOMEN, CourseVariant.LITERACY, CourseVariant.SECOND_SCRIPT,
                            CourseVariant.INTENSIVE});
            case JOB_LANGUAGE_COURSE -> pick(r, new double[] {0.52, 0.06, 0.01, 0.07, 0.17, 0.03, 0.14},
                    new CourseVariant[] {CourseVariant.BASIC_B2, CourseVariant.BASIC_C1, CourseVariant.BASIC_C2,
                            CourseVariant.SPECIAL_A2, CourseVariant.SPECIAL_B1, CourseVariant.SPECIAL_APPRENTICES,
                            CourseVariant.SPECIAL_VOCATIONAL});
            default -> null;
        };
        LanguageLevel target = switch (type) {
            case INTEGRATION_COURSE -> LanguageLevel.B1;
            case JOB_LANGUAGE_COURSE -> variant.level() != null ? variant.level() : LanguageLevel.B2;
            default -> null;
        };
        FundingSource funding = switch (type) {
            case INTEGRATION_COURSE -> pick(r, new double[] {0.95, 0.03, 0.02},
                    new FundingSource[] {FundingSource.BAMF_INTV, FundingSource.SELF_PAID, FundingSource.OTHER});
            case JOB_LANGUAGE_COURSE -> pick(r, new double[] {0.93, 0.04, 0.03},
                    new FundingSource[] {FundingSource.BAMF_DEUFOEV, FundingSource.ESF_PLUS, FundingSource.OTHER});
            case VOCATIONAL_QUALIFICATION -> pick(r, new double[] {0.45, 0.30, 0.10, 0.10, 0.05},
                    new FundingSource[] {FundingSource.JOBCENTER_SGB2, FundingSource.EMPLOYMENT_AGENCY_SGB3,
                            FundingSource.ESF_PLUS, FundingSource.LAND_NIEDERSACHSEN, FundingSource.SELF_PAID});
            case ORIENTATION_COURSE -> pick(r, new double[] {0.50, 0.35, 0.15},
                    new FundingSource[] {FundingSource.MUNICIPALITY, FundingSource.LAND_NIEDERSACHSEN,
                            FundingSource.OTHER});
            case FIRST_ORIENTATION_COURSE -> FundingSource.BAMF_INTV;
        };
        return new Course(type, variant, target, funding);
    }

    /**
     * The level certified, as a v2 provider reports it: a failed integration-course exam that reached no
     * level is {@code BELOW_A1}; a passed job-language module mostly certifies the level it leads to.
     */
    static LanguageLevel level(Course course, boolean passed, LanguageLevel drawn, SplittableRandom r) {
        if (!course.v2()) {
            return drawn;
        }
        if (course.type() == CourseType.INTEGRATION_COURSE && !passed && drawn == null && r.nextDouble() < 0.4) {
            return LanguageLevel.BELOW_A1;
        }
        if (course.type() == CourseType.JOB_LANGUAGE_COURSE && passed && drawn != null) {
            return r.nextDouble() < 0.8 ? course.targetLevel() : drawn;
        }
        return drawn;
    }

    /** A quarter of apprenticeships are full vocational training outside the dual system. */
    static PlacementType placement(PlacementType drawn, SplittableRandom r) {
        return drawn == PlacementType.APPRENTICESHIP && r.nextDouble() < 0.25
                ? PlacementType.FULL_VOCATIONAL_TRAINING : drawn;
    }

    private ContractV2Draws() {
    }
}
