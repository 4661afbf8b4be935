package de.weserems.integration.events;

import de.weserems.integration.events.EventFields.Violation;
import de.weserems.integration.events.EventFields.Violation.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CourseFieldsTest {

    @Test
    void eachLanguageCourseHasItsOwnVariantsAndTheOthersNone() {
        assertThat(CourseVariant.of(CourseType.INTEGRATION_COURSE)).containsExactly(CourseVariant.GENERAL,
                CourseVariant.YOUTH, CourseVariant.PARENTS, CourseVariant.WOMEN, CourseVariant.LITERACY,
                CourseVariant.SECOND_SCRIPT, CourseVariant.INTENSIVE);
        assertThat(CourseVariant.of(CourseType.JOB_LANGUAGE_COURSE)).containsExactly(CourseVariant.BASIC_B2,
                CourseVariant.BASIC_C1, CourseVariant.BASIC_C2, CourseVariant.SPECIAL_A2, CourseVariant.SPECIAL_B1,
                CourseVariant.SPECIAL_APPRENTICES, CourseVariant.SPECIAL_VOCATIONAL);
        assertThat(CourseVariant.of(CourseType.VOCATIONAL_QUALIFICATION)).isEmpty();
        assertThat(CourseVariant.of(CourseType.ORIENTATION_COURSE)).isEmpty();
        assertThat(CourseVariant.of(CourseType.FIRST_ORIENTATION_COURSE)).isEmpty();
    }

    @Test
    void aModuleNamedByItsLevelLeadsToThatLevelAndTheOthersToNoFixedOne() {
        assertThat(List.of(CourseVariant.BASIC_B2, CourseVariant.BASIC_C1, CourseVariant.BASIC_C2,
                CourseVariant.SPECIAL_A2, CourseVariant.SPECIAL_B1)).extracting(CourseVariant::level)
                .containsExactly(LanguageLevel.B2, LanguageLevel.C1, LanguageLevel.C2, LanguageLevel.A2, LanguageLevel.B1);
        assertThat(CourseVariant.values()).filteredOn(v -> v.level() != null).hasSize(5);
    }

    @Test
    void belowA1IsNoLevelOfTheScaleAndNoLanguageSuccess() {
        assertThat(LanguageLevel.CEFR).containsExactly(LanguageLevel.A1, LanguageLevel.A2, LanguageLevel.B1,
                LanguageLevel.B2, LanguageLevel.C1, LanguageLevel.C2);
        assertThat(LanguageLevel.BELOW_A1.b1OrHigher()).isFalse();
        assertThat(LanguageLevel.values()).filteredOn(LanguageLevel::b1OrHigher)
                .containsExactly(LanguageLevel.B1, LanguageLevel.B2, LanguageLevel.C1, LanguageLevel.C2);
    }

    @Test
    void fittingCourseFieldsBreakNothing() {
        assertThat(check(CourseType.INTEGRATION_COURSE, CourseVariant.YOUTH, LanguageLevel.B1)).isEmpty();
        assertThat(check(CourseType.INTEGRATION_COURSE, CourseVariant.LITERACY, LanguageLevel.A2)).isEmpty();
        assertThat(check(CourseType.JOB_LANGUAGE_COURSE, CourseVariant.BASIC_C1, LanguageLevel.C1)).isEmpty();
        assertThat(check(CourseType.JOB_LANGUAGE_COURSE, CourseVariant.SPECIAL_VOCATIONAL, LanguageLevel.B2)).isEmpty();
        assertThat(check(CourseType.JOB_LANGUAGE_COURSE, null, LanguageLevel.C2)).isEmpty();
        assertThat(check(CourseType.JOB_LANGUAGE_COURSE, CourseVariant.SPECIAL_A2, null)).isEmpty();
        assertThat(check(CourseType.VOCATIONAL_QUALIFICATION, null, null)).isEmpty();
    }

    @Test
    void aVariantOfAnotherCourseTypeIsWrongAndItsLevelIsNotHeldAgainstTheTarget() {
        assertThat(check(CourseType.JOB_LANGUAGE_COURSE, CourseVariant.WOMEN, null))
                .containsExactly(new Violation("courseVariant", Problem.OTHER_COURSE_TYPE, EventType.COURSE_ENROLMENT));
        assertThat(check(CourseType.FIRST_ORIENTATION_COURSE, CourseVariant.GENERAL, null))
                .containsExactly(new Violation("courseVariant", Problem.OTHER_COURSE_TYPE, EventType.COURSE_ENROLMENT));
        assertThat(check(CourseType.INTEGRATION_COURSE, CourseVariant.BASIC_C2, LanguageLevel.B1))
                .containsExactly(new Violation("courseVariant", Problem.OTHER_COURSE_TYPE, EventType.COURSE_ENROLMENT));
    }

    @Test
    void aTargetLevelIsForLanguageCoursesOnlyAndMayNotContradictTheModule() {
        assertThat(check(CourseType.ORIENTATION_COURSE, null, LanguageLevel.A1))
                .containsExactly(new Violation("targetLevel", Problem.NOT_A_LANGUAGE_COURSE, EventType.COURSE_ENROLMENT));
        assertThat(check(CourseType.VOCATIONAL_QUALIFICATION, CourseVariant.YOUTH, LanguageLevel.B1)).extracting(
                Violation::field, Violation::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple("courseVariant", Problem.OTHER_COURSE_TYPE),
                org.assertj.core.groups.Tuple.tuple("targetLevel", Problem.NOT_A_LANGUAGE_COURSE));
        for (CourseVariant module : List.of(CourseVariant.BASIC_B2, CourseVariant.BASIC_C1, CourseVariant.BASIC_C2,
                CourseVariant.SPECIAL_A2, CourseVariant.SPECIAL_B1)) {
            for (LanguageLevel target : LanguageLevel.CEFR) {
                assertThat(check(CourseType.JOB_LANGUAGE_COURSE, module, target)).as("%s %s", module, target)
                        .isEqualTo(target == module.level() ? List.of()
                                : List.of(new Violation("targetLevel", Problem.CONTRADICTS_VARIANT, EventType.COURSE_ENROLMENT)));
            }
        }
        assertThat(check(CourseType.JOB_LANGUAGE_COURSE, null, LanguageLevel.BELOW_A1))
                .containsExactly(new Violation("targetLevel", Problem.NOT_A_LEVEL, EventType.COURSE_ENROLMENT));
    }

    @Test
    void withoutACourseTypeThereIsNothingToJudgeBy() {
        assertThat(CourseFields.violations(EventType.JOB_PLACEMENT, null, CourseVariant.YOUTH, LanguageLevel.BELOW_A1))
                .isEmpty();
    }

    private static List<Violation> check(CourseType courseType, CourseVariant variant, LanguageLevel targetLevel) {
        return CourseFields.violations(EventType.COURSE_ENROLMENT, courseType, variant, targetLevel);
    }
}
