package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.events.IntegrationEvent;

/**
 * What the chain part of the engine ({@link ChainTopology}) is told about one event of a participant, as
 * the repartition topic "events-by-participant" carries it.
 *
 * @param event  the event (for {@link Change#REMOVE} as far as the engine kept it: what the chain needs)
 * @param change what to do with it
 */
record ChainEvent(IntegrationEvent event, Change change) {

    /** What an event does to its participant's history. */
    enum Change {
        /** It counts: into the history. */
        ADD,
        /** It counted and has been retracted: out of the history again. */
        REMOVE,
        /**
         * It arrived after its retraction: it never enters the history, but the pseudonym stood for it all
         * the same, so the limit of events per pseudonym reaches the same verdict in whichever order event
         * and retraction come.
         */
        RETRACTED_ON_ARRIVAL
    }
}
