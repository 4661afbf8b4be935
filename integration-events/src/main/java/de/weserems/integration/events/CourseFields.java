package de.weserems.integration.events;

import de.weserems.integration.events.EventFields.Violation;
import de.weserems.integration.events.EventFields.Violation.Problem;

import java.util.List;

/**
 * Which {@code courseVariant} and {@code targetLevel} of contract v2 fit the event's {@code courseType}:
 * a variant only of its own course type ({@link CourseVariant#courseType()}), a target level only on a
 * language course, only a level of the CEFR scale, and never another than the one a module's name gives
 * ({@code BASIC_B2} leads to B2).
 *
 * <p>It sits beside {@link EventFields} for the same reason: ingest refuses a submission that breaks it
 * (and publishes it in its JSON Schema), the engine sets aside a stored event that breaks it. Whether a
 * field may be there at all is {@link EventFields}' rule; this one judges only the fields that are there.
 */
public final class CourseFields {

    private CourseFields() {
    }

    /**
     * How the course fields of an event of {@code type} break the rules, {@code courseVariant} before
     * {@code targetLevel}; empty when they do not, or when there is no course type to judge them by (the
     * type-bound rules report that).
     */
    public static List<Violation> violations(EventType type, CourseType courseType, CourseVariant variant,
                                             LanguageLevel targetLevel) {
        if (courseType == null || (variant == null && targetLevel == null)) {
            return List.of();
        }
        List<Violation> found = List.of();
        if (variant != null && variant.courseType() != courseType) {
            found = EventFields.add(found, new Violation(EventFields.COURSE_VARIANT, Problem.OTHER_COURSE_TYPE, type));
        }
        if (targetLevel != null) {
            Problem problem = targetProblem(courseType, variant, targetLevel);
            if (problem != null) {
                found = EventFields.add(found, new Violation(EventFields.TARGET_LEVEL, problem, type));
            }
        }
        return EventFields.done(found);
    }

    private static Problem targetProblem(CourseType courseType, CourseVariant variant, LanguageLevel targetLevel) {
        if (!courseType.languageCourse()) {
            return Problem.NOT_A_LANGUAGE_COURSE;
        }
        if (!LanguageLevel.CEFR.contains(targetLevel)) {
            return Problem.NOT_A_LEVEL;
        }
        // a variant of another course type is wrong itself; its level says nothing about this course
        if (variant != null && variant.courseType() == courseType && variant.level() != null
                && variant.level() != targetLevel) {
            return Problem.CONTRADICTS_VARIANT;
        }
        return null;
    }
}
