package de.weserems.integration.demo;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;

import java.util.SplittableRandom;

import static de.weserems.integration.demo.RandomDraws.pick;

/**
 * What the simulated courses are like: how long they take, how many drop out or pass, which level they certify.
 * The simulation draws the course types of contract v1 only; the first orientation course of v2 is taken to
 * be like the orientation course, so that every course type has an answer.
 */
final class Courses {

    static int courseDays(CourseType t, SplittableRandom r) {
        return switch (t) {
            case INTEGRATION_COURSE -> 150 + r.nextInt(70) + r.nextInt(70);        // about 5-9 months
            case JOB_LANGUAGE_COURSE -> 90 + r.nextInt(60) + r.nextInt(60);        // 3-7 months
            case VOCATIONAL_QUALIFICATION -> 120 + r.nextInt(130) + r.nextInt(130); // 4-16 months
            case ORIENTATION_COURSE, FIRST_ORIENTATION_COURSE -> 21 + r.nextInt(30); // 3-7 weeks
        };
    }

    static double dropoutRate(CourseType t) {
        return switch (t) {
            case INTEGRATION_COURSE -> 0.13;
            case JOB_LANGUAGE_COURSE -> 0.12;
            case VOCATIONAL_QUALIFICATION -> 0.14;
            case ORIENTATION_COURSE, FIRST_ORIENTATION_COURSE -> 0.05;
        };
    }

    static double passRate(CourseType t) {
        return switch (t) {
            case INTEGRATION_COURSE -> 0.78;
            case JOB_LANGUAGE_COURSE -> 0.74;
            case VOCATIONAL_QUALIFICATION -> 0.82;
            case ORIENTATION_COURSE, FIRST_ORIENTATION_COURSE -> 0.92;
        };
    }

    /** The certified level: only for language courses, and not always reported. */
    static LanguageLevel languageLevel(CourseType t, Outcome o, SplittableRandom r) {
        if (o == Outcome.DROPPED_OUT || r.nextDouble() < 0.08) return null;
        if (t == CourseType.INTEGRATION_COURSE) {
            if (o == Outcome.FAILED) return r.nextDouble() < 0.6 ? LanguageLevel.A1 : null;
            return pick(r, new double[] {0.30, 0.63, 0.07},
                    new LanguageLevel[] {LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.B2});
        }
        if (t == CourseType.JOB_LANGUAGE_COURSE) {
            if (o == Outcome.FAILED) return r.nextDouble() < 0.5 ? LanguageLevel.B1 : null;
            return pick(r, new double[] {0.06, 0.20, 0.62, 0.12},
                    new LanguageLevel[] {LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.B2, LanguageLevel.C1});
        }
        return null;
    }

    private Courses() {
    }
}
