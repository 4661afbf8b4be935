package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.retraction.RetractionOutcome;

/**
 * What {@link RetractionDecider} passes on for an event or a retraction; the topology sends each kind its
 * own way.
 */
sealed interface Decision {

    /** A change of the counts of one district and month (keyed {@code AGS|YYYY-MM}); negative for a retraction. */
    record Count(MonthlyCounters change) implements Decision {
    }

    /** An event for the chain of its participant (keyed by the participant). */
    record Chain(ChainEvent event) implements Decision {
    }

    /** What became of a retraction (keyed {@link RetractionOutcome#key()}). */
    record Outcome(RetractionOutcome outcome) implements Decision {
    }
}
