package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds up the changes a task makes to each district and month, and passes them on together once per
 * interval ({@link Pace}) instead of one record per event. Thousands of events of one district and month
 * in an interval become one record on the way to the final counters.
 *
 * <p>The pending changes live in a store of their own, written to its changelog with the task's offsets
 * in one transaction: after a crash they are restored and passed on at the next interval, neither lost
 * nor passed on twice (a change passed on is deleted from the store in the same transaction). Live, it
 * asks for a commit as soon as it has passed something on, so the engine's commit interval can stay
 * long for catching up.
 */
final class DeltaBuffer implements Processor<String, MonthlyCounters, String, MonthlyCounters> {

    private final String storeName;
    private final Pace pace;
    private ProcessorContext<String, MonthlyCounters> context;
    private KeyValueStore<String, MonthlyCounters> pending;
    private long lastPassedOn;
    /** Passed something on that no commit request has followed yet. */
    private boolean unrequested;

    DeltaBuffer(String storeName, Pace pace) {
        this.storeName = storeName;
        this.pace = pace;
    }

    @Override
    public void init(ProcessorContext<String, MonthlyCounters> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        context.schedule(pace.liveInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, MonthlyCounters> record) {
        MonthlyCounters sum = pending.get(record.key());
        pending.put(record.key(), sum == null ? record.value() : sum.plus(record.value()));
    }

    private void punctuate(long now) {
        boolean live = pace.live();
        if (live || now - lastPassedOn >= pace.catchUpInterval().toMillis()) {
            lastPassedOn = now;
            unrequested |= passOn(now);
        }
        if (live && unrequested && pace.mayRequestCommit(now)) {
            context.commit();
            unrequested = false;
        }
    }

    /** Passes every pending change on; says whether there was any. */
    private boolean passOn(long now) {
        List<KeyValue<String, MonthlyCounters>> changes = new ArrayList<>();
        try (KeyValueIterator<String, MonthlyCounters> all = pending.all()) {
            all.forEachRemaining(changes::add);
        }
        for (KeyValue<String, MonthlyCounters> change : changes) {
            context.forward(new Record<>(change.key, change.value, now));
            pending.delete(change.key);
        }
        return !changes.isEmpty();
    }
}
