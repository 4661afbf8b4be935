package de.weserems.integration.events;

import java.util.Arrays;
import java.util.List;

/**
 * The variant of a language course (contract v2): for an integration course the general course or one
 * of the special courses of the integration course ordinance, for a job-related language course (DeuFöV)
 * a basic module, named by the level it leads to, or a special module. Other course types have none.
 * New values go at the end (see {@link CourseType}).
 */
public enum CourseVariant {
    GENERAL(CourseType.INTEGRATION_COURSE, null),
    YOUTH(CourseType.INTEGRATION_COURSE, null),
    PARENTS(CourseType.INTEGRATION_COURSE, null),
    WOMEN(CourseType.INTEGRATION_COURSE, null),
    LITERACY(CourseType.INTEGRATION_COURSE, null),
    SECOND_SCRIPT(CourseType.INTEGRATION_COURSE, null),
    INTENSIVE(CourseType.INTEGRATION_COURSE, null),
    BASIC_B2(CourseType.JOB_LANGUAGE_COURSE, LanguageLevel.B2),
    BASIC_C1(CourseType.JOB_LANGUAGE_COURSE, LanguageLevel.C1),
    BASIC_C2(CourseType.JOB_LANGUAGE_COURSE, LanguageLevel.C2),
    SPECIAL_A2(CourseType.JOB_LANGUAGE_COURSE, LanguageLevel.A2),
    SPECIAL_B1(CourseType.JOB_LANGUAGE_COURSE, LanguageLevel.B1),
    SPECIAL_APPRENTICES(CourseType.JOB_LANGUAGE_COURSE, null),
    SPECIAL_VOCATIONAL(CourseType.JOB_LANGUAGE_COURSE, null);

    private final CourseType courseType;
    private final LanguageLevel level;

    CourseVariant(CourseType courseType, LanguageLevel level) {
        this.courseType = courseType;
        this.level = level;
    }

    /** The course type this is a variant of. */
    public CourseType courseType() {
        return courseType;
    }

    /**
     * The level a module leads to by its very name ({@code BASIC_B2}: B2), which an event's
     * {@code targetLevel} may not contradict; {@code null} for a variant without a fixed level.
     */
    public LanguageLevel level() {
        return level;
    }

    /** The variants of {@code type}, in this order; empty for a course type without variants. */
    public static List<CourseVariant> of(CourseType type) {
        return Arrays.stream(values()).filter(v -> v.courseType == type).toList();
    }
}
