package de.weserems.integration.dashboard.indicators.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.events.PlacementType;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The breakdowns of contract v2 for one area over a period, each cell published on its own
 * ({@link Confidentiality}); the read API shows them as {@code breakdowns} and {@code targetLevelReached}
 * of each area (docs/read-api.md):
 *
 * @param counts             per breakdown ({@code enrolmentsByCourseVariant}, {@code enrolmentsByFundingSource},
 *                           {@code completionsByFundingSource}, {@code integrationCourseExamLevels},
 *                           {@code placementsByType}, and for a calendar quarter or year only
 *                           {@code enrolmentsBySex}, {@code completionsBySex}, {@code passedBySex},
 *                           {@code placementsBySex}) the published count of each bucket, {@code NOT_STATED}
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

    /** The breakdowns shown as counts, in the read API's order ({@code placementsByType} follows them). */
    private static final List<Breakdown> COUNTED = List.of(Breakdown.ENROLMENTS_BY_COURSE_VARIANT,
            Breakdown.ENROLMENTS_BY_FUNDING_SOURCE, Breakdown.COMPLETIONS_BY_FUNDING_SOURCE,
            Breakdown.INTEGRATION_COURSE_EXAM_LEVELS);
    /** The breakdowns by sex, after {@code placementsByType}: only for a calendar quarter or year. */
    private static final List<Breakdown> BY_SEX = List.of(Breakdown.ENROLMENTS_BY_SEX, Breakdown.COMPLETIONS_BY_SEX,
            Breakdown.PASSED_BY_SEX, Breakdown.PLACEMENTS_BY_SEX);

    /**
     * Whether the period {@code from}..{@code to} is exactly one calendar quarter or one calendar year: the
     * only periods with breakdowns by sex. Quarters and years never overlap but by containment, so no two
     * answers by sex differ by a month or two that a viewer could single out; monthly series never carry
     * them.
     */
    public static boolean bySex(YearMonth from, YearMonth to) {
        boolean quarter = from.getMonthValue() % 3 == 1 && to.equals(from.plusMonths(2));
        boolean year = from.getMonthValue() == 1 && to.equals(from.plusMonths(11));
        return quarter || year;
    }

    /** Every breakdown with {@code null} cells: for a district without reports ({@code bySex}: with those by sex). */
    static BreakdownFigures notReported(boolean bySex) {
        return new BreakdownFigures(counts((b, bucket) -> null, type -> null, bySex),
                Map.of("byAttempt", Map.of(), "byCourseVariant", Map.of()));
    }

    /** The published breakdowns of {@code s}; those by sex too when {@code bySex} ({@link #bySex(YearMonth, YearMonth)}). */
    static BreakdownFigures publish(Confidentiality rules, BreakdownSums s, boolean bySex) {
        Map<String, Map<String, Long>> counts = counts(
                (b, bucket) -> rules.publish(s.counts.get(b)[bucket], s.keys.get(b)[bucket]),
                type -> rules.publish(s.placements[type.ordinal()], s.placementKeys[type.ordinal()]), bySex);
        Map<String, Map<String, TargetLevel>> target = new LinkedHashMap<>();
        target.put("byAttempt", targetLevels(rules, s, Breakdown.TARGET_LEVEL_EXAMINED_BY_ATTEMPT,
                Breakdown.TARGET_LEVEL_REACHED_BY_ATTEMPT));
        target.put("byCourseVariant", targetLevels(rules, s, Breakdown.TARGET_LEVEL_EXAMINED_BY_COURSE_VARIANT,
                Breakdown.TARGET_LEVEL_REACHED_BY_COURSE_VARIANT));
        return new BreakdownFigures(counts, target);
    }

    /** Each counted breakdown's buckets and each placement type, with the value {@code cell} gives it. */
    private static Map<String, Map<String, Long>> counts(BiFunction<Breakdown, Integer, Long> cell,
                                                         Function<PlacementType, Long> placement, boolean bySex) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        COUNTED.forEach(b -> counts.put(b.key(), cells(b, cell)));
        Map<String, Long> placements = new LinkedHashMap<>();
        for (PlacementType type : PlacementType.values()) {
            placements.put(type.name(), placement.apply(type));
        }
        counts.put("placementsByType", placements);
        if (bySex) {
            BY_SEX.forEach(b -> counts.put(b.key(), cells(b, cell)));
        }
        return counts;
    }

    private static Map<String, Long> cells(Breakdown b, BiFunction<Breakdown, Integer, Long> cell) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int bucket : shownOrder(b)) {
            cells.put(b.buckets().get(bucket), cell.apply(b, bucket));
        }
        return cells;
    }

    /** The buckets in the order shown: the field's values, then NOT_STATED (bucket 0) last. */
    private static int[] shownOrder(Breakdown b) {
        int size = b.buckets().size();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (i + 1) % size;
        }
        return order;
    }

    /** Reached and not reached published on their own, the rate from the two: no small complement shows. */
    private static Map<String, TargetLevel> targetLevels(Confidentiality rules, BreakdownSums s, Breakdown examined,
                                                         Breakdown reached) {
        Map<String, TargetLevel> levels = new LinkedHashMap<>();
        long[] exam = s.counts.get(examined);
        long[] examKeys = s.keys.get(examined);
        long[] hit = s.counts.get(reached);
        long[] hitKeys = s.keys.get(reached);
        for (int bucket : shownOrder(examined)) {
            long publishedReached = rules.publish(hit[bucket], hitKeys[bucket]);
            long publishedMissed = rules.publish(exam[bucket] - hit[bucket], examKeys[bucket] - hitKeys[bucket]);
            levels.put(examined.buckets().get(bucket), new TargetLevel(publishedReached + publishedMissed,
                    publishedReached, rules.rate(publishedReached, publishedMissed)));
        }
        return levels;
    }
}
