package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.events.CourseType;

import java.util.EnumMap;
import java.util.Map;

/**
 * The chain counters of one district and month by course type of the completion, as the store
 * {@value ChainTopology#DISTRICT_MONTH_CHAIN} keeps them; the course type lets the read API filter the
 * chain figures like the counts.
 */
record MonthlyChain(Map<CourseType, ChainCounters> courses) {

    static MonthlyChain empty() {
        return new MonthlyChain(Map.of());
    }

    MonthlyChain {
        courses = courses == null ? Map.of() : Map.copyOf(courses);
    }

    /** These counters with one completion's old contribution taken out and its new one put in. */
    MonthlyChain apply(ChainChange change) {
        Map<CourseType, ChainCounters> c = new EnumMap<>(CourseType.class);
        c.putAll(courses);
        apply(c, change.before(), -1);
        apply(c, change.after(), 1);
        return new MonthlyChain(c);
    }

    private static void apply(Map<CourseType, ChainCounters> courses, ChainContribution contribution, int sign) {
        if (contribution != null) {
            ChainCounters updated = courses.getOrDefault(contribution.courseType(), ChainCounters.ZERO)
                    .plus(contribution, sign);
            if (updated.isEmpty()) {
                courses.remove(contribution.courseType());
            } else {
                courses.put(contribution.courseType(), updated);
            }
        }
    }
}
