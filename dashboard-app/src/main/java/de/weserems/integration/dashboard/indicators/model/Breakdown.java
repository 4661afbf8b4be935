package de.weserems.integration.dashboard.indicators.model;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Sex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A breakdown of contract v2 counted per course type, district and month ({@link Tally}): what the
 * federal programmes report by (course variant, funding source, exam level, target level reached).
 * Bucket 0 of every breakdown is {@link #NOT_STATED}, events without the field (every v1 event): shown as
 * "ohne Angabe", never put in a wrong bucket. The other buckets follow their enum by position, so a
 * value appended to the enum appends a bucket (the engine stores buckets by position), and a new breakdown
 * goes at the end.
 */
public enum Breakdown {
    /** Enrolments in integration and job-language courses, by course variant. */
    ENROLMENTS_BY_COURSE_VARIANT("enrolmentsByCourseVariant", names(CourseVariant.values())),
    /** Enrolments by funding source. */
    ENROLMENTS_BY_FUNDING_SOURCE("enrolmentsByFundingSource", names(FundingSource.values())),
    /** Completions (passed or failed) by the funding source of the completed measure. */
    COMPLETIONS_BY_FUNDING_SOURCE("completionsByFundingSource", names(FundingSource.values())),
    /** Completions of integration courses (passed or failed) by the level certified. */
    INTEGRATION_COURSE_EXAM_LEVELS("integrationCourseExamLevels", List.of("B1_OR_HIGHER", "A2", "BELOW_A2")),
    /** Language-course completions with a target level and an exam result, by attempt. */
    TARGET_LEVEL_EXAMINED_BY_ATTEMPT("targetLevelExaminedByAttempt", names(Attempt.values())),
    /** Of those, the ones that reached the target level, by attempt. */
    TARGET_LEVEL_REACHED_BY_ATTEMPT("targetLevelReachedByAttempt", names(Attempt.values())),
    /** Language-course completions with a target level and an exam result, by course variant. */
    TARGET_LEVEL_EXAMINED_BY_COURSE_VARIANT("targetLevelExaminedByCourseVariant", names(CourseVariant.values())),
    /** Of those, the ones that reached the target level, by course variant. */
    TARGET_LEVEL_REACHED_BY_COURSE_VARIANT("targetLevelReachedByCourseVariant", names(CourseVariant.values())),
    /** Enrolments by the participant's sex. */
    ENROLMENTS_BY_SEX("enrolmentsBySex", Buckets.SEX),
    /** Completions (passed or failed) by the participant's sex. */
    COMPLETIONS_BY_SEX("completionsBySex", Buckets.SEX),
    /** Passed completions by the participant's sex. */
    PASSED_BY_SEX("passedBySex", Buckets.SEX),
    /** Placements by the participant's sex: counted without a course type (a placement has none). */
    PLACEMENTS_BY_SEX("placementsBySex", Buckets.SEX);

    /**
     * The buckets of the breakdowns by sex after {@link #NOT_STATED}. DIVERSE and UNSPECIFIED ("ohne Angabe"
     * as the provider recorded it) share one bucket: each alone would be a handful of people in a district,
     * and counted apart nowhere, they can never be told apart by differencing.
     */
    private static final class Buckets {
        static final List<String> SEX = List.of("FEMALE", "MALE", "DIVERSE_OR_UNSPECIFIED");
    }

    /** Bucket 0 of every breakdown: the event did not state the field. */
    public static final String NOT_STATED = "NOT_STATED";

    private final String key;
    private final List<String> buckets;

    Breakdown(String key, List<String> values) {
        this.key = key;
        List<String> all = new ArrayList<>();
        all.add(NOT_STATED);
        all.addAll(values);
        this.buckets = List.copyOf(all);
    }

    /** The name in the read API and the CSV. */
    public String key() {
        return key;
    }

    /** The buckets by position: {@link #NOT_STATED} first, then the field's values. */
    public List<String> buckets() {
        return buckets;
    }

    /** The bucket of {@code sex} in every breakdown by sex (0: not stated; DIVERSE and UNSPECIFIED together). */
    public static int sexBucket(Sex sex) {
        return ENROLMENTS_BY_SEX.bucket(sex);
    }

    /** The bucket of an enum value, or of {@link #NOT_STATED} for {@code null}. */
    int bucket(Enum<?> value) {
        if (value instanceof Sex sex && (sex == Sex.DIVERSE || sex == Sex.UNSPECIFIED)) {
            return buckets.indexOf("DIVERSE_OR_UNSPECIFIED");
        }
        return value == null ? 0 : buckets.indexOf(value.name());
    }

    /**
     * Whether this is a breakdown by sex: published only for a calendar quarter or a calendar year
     * (docs/design.md), so that no viewer can difference a month out of it.
     */
    public boolean bySex() {
        return switch (this) {
            case ENROLMENTS_BY_SEX, COMPLETIONS_BY_SEX, PASSED_BY_SEX, PLACEMENTS_BY_SEX -> true;
            default -> false;
        };
    }

    /** Whether its cells carry no course type: placements, which are never filtered by one. */
    public boolean ofPlacements() {
        return this == PLACEMENTS_BY_SEX;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
