package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.events.PlacementType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The breakdowns of contract v2 for one area over a period, each cell published on its own
 * ({@link Confidentiality}); the read API shows them as {@code breakdowns} and {@code targetLevelReached}
 * of each area (docs/read-api.md):
 *
 * @param counts             per breakdown ({@code enrolmentsByCourseVariant}, {@code enrolmentsByFundingSource},
 *                           {@code completionsByFundingSource}, {@code integrationCourseExamLevels},
 *                           {@code placementsByType}) the published count of each bucket, {@code NOT_STATED}
 *                           ("ohne Angabe": events without the field) last; {@code null} values without reports
 * @param targetLevelReached language-course completions with a target level and an exam result, by attempt
 *                           ({@code byAttempt}) and by course variant ({@code byCourseVariant})
 */
public record BreakdownFigures(Map<String, Map<String, Long>> counts,
                               Map<String, Map<String, TargetLevel>> targetLevelReached) {

    /**
     * Of the completions with a target level and an exam result ({@code examined}), those that reached it,
     * and the rate, published as every count and rate is.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TargetLevel(Long examined, Long reached, BigDecimal rate) {
    }

    /** The published breakdowns of {@code s}. */
    static BreakdownFigures publish(Confidentiality rules, BreakdownSums s) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Breakdown b : List.of(Breakdown.ENROLMENTS_BY_COURSE_VARIANT, Breakdown.ENROLMENTS_BY_FUNDING_SOURCE,
                Breakdown.COMPLETIONS_BY_FUNDING_SOURCE, Breakdown.INTEGRATION_COURSE_EXAM_LEVELS)) {
            Map<String, Long> cells = new LinkedHashMap<>();
            long[] n = s.counts.get(b);
            long[] k = s.keys.get(b);
            for (int i = 1; i <= n.length; i++) {
                int bucket = i % n.length; // NOT_STATED (bucket 0) last
                cells.put(b.buckets().get(bucket), rules.publish(n[bucket], k[bucket]));
            }
            counts.put(b.key(), cells);
        }
        Map<String, Long> placements = new LinkedHashMap<>();
        for (PlacementType type : PlacementType.values()) {
            placements.put(type.name(), rules.publish(s.placements[type.ordinal()], s.placementKeys[type.ordinal()]));
        }
        counts.put("placementsByType", placements);

        Map<String, Map<String, TargetLevel>> target = new LinkedHashMap<>();
        target.put("byAttempt", targetLevels(rules, s, Breakdown.TARGET_LEVEL_EXAMINED_BY_ATTEMPT,
                Breakdown.TARGET_LEVEL_REACHED_BY_ATTEMPT));
        target.put("byCourseVariant", targetLevels(rules, s, Breakdown.TARGET_LEVEL_EXAMINED_BY_COURSE_VARIANT,
                Breakdown.TARGET_LEVEL_REACHED_BY_COURSE_VARIANT));
        return new BreakdownFigures(counts, target);
    }

    /** Every breakdown with {@code null} cells: for a district without reports. */
    static final BreakdownFigures NOT_REPORTED = notReported();

    private static BreakdownFigures notReported() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (Breakdown b : List.of(Breakdown.ENROLMENTS_BY_COURSE_VARIANT, Breakdown.ENROLMENTS_BY_FUNDING_SOURCE,
                Breakdown.COMPLETIONS_BY_FUNDING_SOURCE, Breakdown.INTEGRATION_COURSE_EXAM_LEVELS)) {
            Map<String, Long> cells = new LinkedHashMap<>();
            for (int i = 1; i <= b.buckets().size(); i++) {
                cells.put(b.buckets().get(i % b.buckets().size()), null);
            }
            counts.put(b.key(), cells);
        }
        Map<String, Long> placements = new LinkedHashMap<>();
        for (PlacementType type : PlacementType.values()) {
            placements.put(type.name(), null);
        }
        counts.put("placementsByType", placements);
        return new BreakdownFigures(counts, Map.of("byAttempt", Map.of(), "byCourseVariant", Map.of()));
    }

    /** Reached and not reached published on their own, the rate from the two: no small complement shows. */
    private static Map<String, TargetLevel> targetLevels(Confidentiality rules, BreakdownSums s, Breakdown examined,
                                                         Breakdown reached) {
        Map<String, TargetLevel> levels = new LinkedHashMap<>();
        long[] exam = s.counts.get(examined);
        long[] examKeys = s.keys.get(examined);
        long[] hit = s.counts.get(reached);
        long[] hitKeys = s.keys.get(reached);
        for (int i = 1; i <= exam.length; i++) {
            int bucket = i % exam.length;
            long publishedReached = rules.publish(hit[bucket], hitKeys[bucket]);
            long publishedMissed = rules.publish(exam[bucket] - hit[bucket], examKeys[bucket] - hitKeys[bucket]);
            levels.put(examined.buckets().get(bucket), new TargetLevel(publishedReached + publishedMissed,
                    publishedReached, rules.rate(publishedReached, publishedMissed)));
        }
        return levels;
    }
}
