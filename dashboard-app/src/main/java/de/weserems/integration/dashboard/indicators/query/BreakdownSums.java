package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.PlacementType;

import java.util.EnumMap;
import java.util.Map;

/** Raw sums of the breakdowns of one area over a period, with their key sums, as {@link IndicatorQueries} adds them up. */
final class BreakdownSums {

    private static final PlacementType[] PLACEMENT_TYPES = PlacementType.values();

    final Map<Breakdown, long[]> counts = new EnumMap<>(Breakdown.class);
    final Map<Breakdown, long[]> keys = new EnumMap<>(Breakdown.class);
    final long[] placements = new long[PLACEMENT_TYPES.length];
    final long[] placementKeys = new long[PLACEMENT_TYPES.length];

    BreakdownSums() {
        for (Breakdown b : Breakdown.values()) {
            counts.put(b, new long[b.buckets().size()]);
            keys.put(b, new long[b.buckets().size()]);
        }
    }

    /** Adds one district-month; placements are never filtered by course type (they carry none). */
    void add(MonthlyCounters m, CourseType courseType) {
        for (Breakdown b : Breakdown.values()) {
            add(counts.get(b), m.tally(b, courseType));
            if (m.keySums() != null) {
                add(keys.get(b), m.keySums().tally(b, courseType));
            }
        }
        m.placements().forEach((type, n) -> placements[type.ordinal()] += n);
        if (m.keySums() != null) {
            m.keySums().placements().forEach((type, k) -> placementKeys[type.ordinal()] += k);
        }
    }

    void add(BreakdownSums other) {
        for (Breakdown b : Breakdown.values()) {
            add(counts.get(b), other.counts.get(b));
            add(keys.get(b), other.keys.get(b));
        }
        add(placements, other.placements);
        add(placementKeys, other.placementKeys);
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < values.length; i++) {
            into[i] += values[i];
        }
    }
}
