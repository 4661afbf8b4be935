package de.weserems.integration.dashboard.indicators.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;

import java.util.HashMap;
import java.util.Map;

/**
 * One cell of a {@link Breakdown}: a course type, a breakdown and a bucket. {@link #of} says which cells
 * one event adds 1 to; the definitions of the v2 indicators live here and nowhere else. In the indicator
 * topic's JSON a cell is the key {@code COURSE_TYPE|BREAKDOWN|bucket} ({@link #toString}, {@link #parse}).
 *
 * @param courseType the course type; {@code null} for a breakdown of placements ({@link Breakdown#ofPlacements}),
 *                   which have none (its key then starts with {@code |})
 */
public record Tally(CourseType courseType, Breakdown breakdown, int bucket) {

    /** The cell a map key of the indicator topic's JSON names. */
    @JsonCreator
    public static Tally parse(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a breakdown cell COURSE_TYPE|BREAKDOWN|bucket: " + key);
        }
        return new Tally(parts[0].isEmpty() ? null : CourseType.valueOf(parts[0]), Breakdown.valueOf(parts[1]),
                Integer.parseInt(parts[2]));
    }

    @Override
    public String toString() {
        return (courseType == null ? "" : courseType.name()) + "|" + breakdown.name() + "|" + bucket;
    }

    /** The cells one event counts in (a placement's by sex only: its types are counted on their own). */
    public static Map<Tally, Long> of(IntegrationEvent e) {
        Map<Tally, Long> cells = new HashMap<>();
        CourseType type = e.courseType();
        switch (e.type()) {
            case COURSE_ENROLMENT -> {
                if (!CourseVariant.of(type).isEmpty()) {
                    cells.put(cell(type, Breakdown.ENROLMENTS_BY_COURSE_VARIANT, e.courseVariant()), 1L);
                }
                cells.put(cell(type, Breakdown.ENROLMENTS_BY_FUNDING_SOURCE, e.fundingSource()), 1L);
                cells.put(cell(type, Breakdown.ENROLMENTS_BY_SEX, e.sex()), 1L);
            }
            case COURSE_COMPLETION -> {
                if (e.outcome() == Outcome.DROPPED_OUT) {
                    break;
                }
                cells.put(cell(type, Breakdown.COMPLETIONS_BY_FUNDING_SOURCE, e.fundingSource()), 1L);
                cells.put(cell(type, Breakdown.COMPLETIONS_BY_SEX, e.sex()), 1L);
                if (e.outcome() == Outcome.PASSED) {
                    cells.put(cell(type, Breakdown.PASSED_BY_SEX, e.sex()), 1L);
                }
                if (type == CourseType.INTEGRATION_COURSE) {
                    cells.put(new Tally(type, Breakdown.INTEGRATION_COURSE_EXAM_LEVELS, examLevel(e.languageLevel())), 1L);
                }
                if (type.languageCourse() && e.targetLevel() != null && e.languageLevel() != null) {
                    cells.put(cell(type, Breakdown.TARGET_LEVEL_EXAMINED_BY_ATTEMPT, e.attempt()), 1L);
                    cells.put(cell(type, Breakdown.TARGET_LEVEL_EXAMINED_BY_COURSE_VARIANT, e.courseVariant()), 1L);
                    if (reached(e.languageLevel(), e.targetLevel())) {
                        cells.put(cell(type, Breakdown.TARGET_LEVEL_REACHED_BY_ATTEMPT, e.attempt()), 1L);
                        cells.put(cell(type, Breakdown.TARGET_LEVEL_REACHED_BY_COURSE_VARIANT, e.courseVariant()), 1L);
                    }
                }
            }
            case JOB_PLACEMENT -> cells.put(cell(null, Breakdown.PLACEMENTS_BY_SEX, e.sex()), 1L);
            // retractions count nothing; entitlements and course starts count in no figure yet (their
            // indicators come next)
            case RETRACTION, ENTITLEMENT, COURSE_START -> {
            }
        }
        return cells;
    }

    /** Whether the level certified is at least the level the course leads to. */
    static boolean reached(LanguageLevel certified, LanguageLevel target) {
        return LanguageLevel.CEFR.indexOf(certified) >= LanguageLevel.CEFR.indexOf(target);
    }

    /** B1 or higher, A2, below A2 (A1 or no level reached), or not stated. */
    private static int examLevel(LanguageLevel level) {
        if (level == null) {
            return 0;
        }
        String bucket = level.b1OrHigher() ? "B1_OR_HIGHER" : level == LanguageLevel.A2 ? "A2" : "BELOW_A2";
        return Breakdown.INTEGRATION_COURSE_EXAM_LEVELS.buckets().indexOf(bucket);
    }

    private static Tally cell(CourseType type, Breakdown breakdown, Enum<?> value) {
        return new Tally(type, breakdown, breakdown.bucket(value));
    }
}
