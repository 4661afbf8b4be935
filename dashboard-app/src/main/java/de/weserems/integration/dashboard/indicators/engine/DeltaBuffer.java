package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Adds up the changes a task makes to each district and month, and passes them on together once per
 * {@code interval} instead of one record per event. Thousands of events of one district and month in
 * an interval become one record on the way to the final counters: the repartition topic behind it
 * carries one record per district-month and interval, not one per event.
 *
 * <p>The pending changes live in a store of their own, written to its changelog with the task's offsets
 * in one transaction: after a crash they are restored and passed on at the next interval, neither lost
 * nor passed on twice (a change passed on is deleted from the store in the same transaction).
 */
final class DeltaBuffer implements Processor<String, MonthlyCounters, String, MonthlyCounters> {

    private final String storeName;
    private final Supplier<Duration> interval;
    private ProcessorContext<String, MonthlyCounters> context;
    private KeyValueStore<String, MonthlyCounters> pending;

    DeltaBuffer(String storeName, Supplier<Duration> interval) {
        this.storeName = storeName;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, MonthlyCounters> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        context.schedule(interval.get(), PunctuationType.WALL_CLOCK_TIME, this::passOn);
    }

    @Override
    public void process(Record<String, MonthlyCounters> record) {
        MonthlyCounters sum = pending.get(record.key());
        pending.put(record.key(), sum == null ? record.value() : sum.plus(record.value()));
    }

    private void passOn(long now) {
        List<KeyValue<String, MonthlyCounters>> changes = new ArrayList<>();
        try (KeyValueIterator<String, MonthlyCounters> all = pending.all()) {
            all.forEachRemaining(changes::add);
        }
        for (KeyValue<String, MonthlyCounters> change : changes) {
            context.forward(new Record<>(change.key, change.value, now));
            pending.delete(change.key);
        }
    }
}
