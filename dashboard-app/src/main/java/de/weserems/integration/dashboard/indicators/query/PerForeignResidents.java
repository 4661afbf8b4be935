package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.events.District;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second denominator: enrolments, completions and placements per 10,000 residents of foreign
 * nationality, beside the figures per 10,000 residents. Computed from the published counts only, as
 * every derived figure, so it reveals nothing the counts do not; the region's denominator is the sum
 * of the 17 districts. When the operator supplied no figures ({@link ForeignResidents#NONE}) the areas
 * stay as they are and the read API shows neither {@code foreignResidents} nor {@code per10kForeign}.
 */
final class PerForeignResidents {

    /** The counts shown per 10,000, the same for both denominators. */
    static final List<String> COUNTS = List.of("enrolments", "completions", "placements");

    private final ForeignResidents reference;

    PerForeignResidents(ForeignResidents reference) {
        this.reference = reference;
    }

    /** A published count per 10,000 of {@code denominator}, 1 decimal, half up. */
    static BigDecimal per10k(long count, int denominator) {
        return BigDecimal.valueOf(count * 10_000.0 / denominator).setScale(1, RoundingMode.HALF_UP);
    }

    /** A district's figures with its foreign residents and the figures per 10,000 of them. */
    AreaFigures add(AreaFigures area, District district) {
        return reference.available() ? add(area, reference.of(district)) : area;
    }

    /** The region's figures, over the sum of the 17 districts. */
    AreaFigures addRegion(AreaFigures region) {
        return reference.available() ? add(region, reference.region()) : region;
    }

    private static AreaFigures add(AreaFigures area, int foreignResidents) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (String count : COUNTS) {
            // a district without reports has no counts: null, as its per-10,000 figures
            Long published = area.count(count);
            figures.put(count, published == null ? null : per10k(published, foreignResidents));
        }
        return area.withForeign(foreignResidents, figures);
    }
}
