package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * In front of the final counters: live, a change that arrives asks for a commit (as often as
 * {@link Pace#mayRequestCommit} allows, and again at the next interval if it may not yet), so the counters
 * it moves are written to the indicator topic at once rather than at the engine's (long) commit interval.
 */
final class CommitWhenLive implements FixedKeyProcessor<String, MonthlyCounters, MonthlyCounters> {

    private final Pace pace;
    private FixedKeyProcessorContext<String, MonthlyCounters> context;
    /** Forwarded something that no commit request has followed yet. */
    private boolean unrequested;

    CommitWhenLive(Pace pace) {
        this.pace = pace;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MonthlyCounters> context) {
        this.context = context;
        context.schedule(pace.liveInterval(), PunctuationType.WALL_CLOCK_TIME, this::maybeRequestCommit);
    }

    @Override
    public void process(FixedKeyRecord<String, MonthlyCounters> record) {
        context.forward(record);
        unrequested = true;
        maybeRequestCommit(context.currentSystemTimeMs());
    }

    private void maybeRequestCommit(long now) {
        if (unrequested && pace.live() && pace.mayRequestCommit(now)) {
            context.commit();
            unrequested = false;
        }
    }
}
