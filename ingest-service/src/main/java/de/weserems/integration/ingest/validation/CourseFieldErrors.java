package de.weserems.integration.ingest.validation;

import de.weserems.integration.events.CourseFields;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Words the contract's rules on which {@code courseVariant} and {@code targetLevel} fit a course type
 * ({@link CourseFields}) for a provider: the rule's code, and a reason that names the values sent and what
 * would have fitted. The rules themselves are the contract module's; only the wording is ingest's.
 */
final class CourseFieldErrors {

    /** The course types a target level is for, as a provider reads them (the schema says them alike). */
    static final String LANGUAGE_COURSES = Arrays.stream(CourseType.values()).filter(CourseType::languageCourse)
            .map(Enum::name).collect(Collectors.joining(", "));

    private CourseFieldErrors() {
    }

    /** The errors of an event's course fields; empty when they fit, or when there is no valid course type to judge them by. */
    static List<FieldError> of(EventType type, CourseType courseType, CourseVariant variant, LanguageLevel targetLevel) {
        return CourseFields.violations(type, courseType, variant, targetLevel).stream()
                .map(v -> error(v, courseType, variant, targetLevel)).toList();
    }

    private static FieldError error(EventFields.Violation v, CourseType courseType, CourseVariant variant,
                                    LanguageLevel targetLevel) {
        return switch (v.problem()) {
            case OTHER_COURSE_TYPE -> variantsOf(v.field(), variant, courseType);
            case NOT_A_LANGUAGE_COURSE -> FieldError.of(v.field(), Rule.NOT_A_LANGUAGE_COURSE,
                    "v.targetLevel.not-a-language-course", LANGUAGE_COURSES, courseType.name());
            case CONTRADICTS_VARIANT -> FieldError.of(v.field(), Rule.LEVEL_CONTRADICTS_VARIANT,
                    "v.targetLevel.contradicts-variant", variant.name(), variant.level().name(), targetLevel.name());
            // NOT_A_LEVEL: the validator has refused such a target level as an invalid value already; the
            // others are the type-bound rules, not CourseFields'
            case NOT_A_LEVEL, MISSING, NOT_ALLOWED, BLANK -> new FieldError(v.field(), Rule.INVALID_VALUE, v.reason());
        };
    }

    private static FieldError variantsOf(String field, CourseVariant variant, CourseType courseType) {
        List<CourseVariant> variants = CourseVariant.of(courseType);
        return variants.isEmpty()
                ? FieldError.of(field, Rule.VARIANT_NOT_FOR_COURSE_TYPE, "v.courseVariant.none", variant.name(),
                variant.courseType().name(), courseType.name())
                : FieldError.of(field, Rule.VARIANT_NOT_FOR_COURSE_TYPE, "v.courseVariant.other", variant.name(),
                variant.courseType().name(), courseType.name(),
                variants.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
}
