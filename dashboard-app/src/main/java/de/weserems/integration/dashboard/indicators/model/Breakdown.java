package de.weserems.integration.dashboard.indicators.model;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.FundingSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A breakdown of contract v2 counted per course type, district and month ({@link Tally}): what the
 * federal programmes report by (course variant, funding source, exam level, target level reached).
 * Bucket 0 of every breakdown is {@link #NOT_STATED}, events without the field (every v1 event): shown as
 * "ohne Angabe", never put in a wrong bucket. The other buckets follow their enum by position, so a
 * value appended to the enum appends a bucket (the engine stores buckets by position).
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
    TARGET_LEVEL_REACHED_BY_COURSE_VARIANT("targetLevelReachedByCourseVariant", names(CourseVariant.values()));

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

    /** The bucket of an enum value, or of {@link #NOT_STATED} for {@code null}. */
    int bucket(Enum<?> value) {
        return value == null ? 0 : buckets.indexOf(value.name());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
