package de.weserems.integration.dashboard.base.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Targets missed on the published figures: those missed now, and the latest starts and ends of such
 * breaches ("Hinweise"). What judges the targets implements this, so the overview, the map, the table and
 * the district page can mark breaches without knowing that feature; {@link #NONE} where nothing judges.
 */
public interface Alerts {

    /**
     * A breach of one target, or its start or end.
     *
     * @param at         when it was found (for a current breach: when it started)
     * @param started    {@code true}: the breach started (or stands); {@code false}: it ended
     * @param area       a district's AGS or the region's key
     * @param indicator  the figure's name as the read API writes it ({@code rates.completionRate})
     * @param percent    whether value and threshold are in percent (else in days)
     * @param value      the published value that decided; {@code null} when it is now withheld (ends a breach)
     * @param atMost     {@code true}: the target is a ceiling; {@code false}: a floor
     * @param threshold  the target's threshold
     * @param months     the target's window: the last so many months, the current one included
     */
    record Alert(Instant at, boolean started, String area, String indicator, boolean percent, BigDecimal value,
                 boolean atMost, BigDecimal threshold, int months) {
    }

    /** The targets missed now, by area and indicator. */
    List<Alert> current();

    /** The latest starts and ends of breaches, the newest first; a bounded list. */
    List<Alert> recent();

    /** Calls {@code listener} (on a background thread, coalesced) after breaches started or ended. */
    Subscription subscribe(Consumer<Instant> listener);

    /** Nothing judged: no breaches, ever. */
    Alerts NONE = new Alerts() {
        @Override
        public List<Alert> current() {
            return List.of();
        }

        @Override
        public List<Alert> recent() {
            return List.of();
        }

        @Override
        public Subscription subscribe(Consumer<Instant> listener) {
            return () -> {
            };
        }
    };
}
