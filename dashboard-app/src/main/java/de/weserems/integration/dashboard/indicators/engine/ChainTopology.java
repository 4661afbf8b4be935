package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.IntegrationEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The chain part of the indicator topology (docs/design.md, "Chain indicators"): it follows one participant
 * across providers and districts and counts per completion, in the completion's district and month.
 *
 * <pre>
 * deduplicated events with a participant
 *   → re-key by participant → repartition "events-by-participant"
 *   → store "participant-history": the participant's completions, placement days, enrolment days
 *   → on each event, recompute the contribution of each of the participant's completions and emit a
 *     {@link ChainChange} (old out, new in) for each one that changed, keyed by the completion's AGS|YYYY-MM
 *   → repartition "chain-by-district-month" → aggregate into store "district-month-chain"
 * </pre>
 *
 * <p>Events may come in any order: a placement known before its completion is found when the
 * completion comes; a late placement or enrolment re-emits the completions whose first placement or
 * first enrolment it becomes. A completion never moves district or month, so its old and new
 * contribution always land on the same key, in one change.
 */
final class ChainTopology {

    static final String PARTICIPANT_HISTORY = "participant-history";
    static final String DISTRICT_MONTH_CHAIN = "district-month-chain";

    private ChainTopology() {
    }

    /** Adds the chain part; {@code unique} are the deduplicated events. Returns the chain per {@code AGS|YYYY-MM}. */
    static KTable<String, MonthlyChain> build(StreamsBuilder builder, KStream<UUID, IntegrationEvent> unique,
                                              Serde<IntegrationEvent> events) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTICIPANT_HISTORY),
                Serdes.String(), InternalFormats.PARTICIPANT_HISTORY));
        return unique
                .filter((eventId, event) -> event.participant() != null, Named.as("with-participant"))
                .selectKey((eventId, event) -> event.participant(), Named.as("key-by-participant"))
                .repartition(Repartitioned.with(Serdes.String(), events).withName("events-by-participant"))
                .process(ParticipantChains::new, Named.as("chain-by-participant"), PARTICIPANT_HISTORY)
                .groupByKey(Grouped.with("chain-by-district-month", Serdes.String(), InternalFormats.CHAIN_CHANGE))
                .aggregate(MonthlyChain::empty, (key, change, chain) -> chain.apply(change),
                        Named.as("sum-chain-district-month"),
                        Materialized.<String, MonthlyChain, KeyValueStore<Bytes, byte[]>>as(DISTRICT_MONTH_CHAIN)
                                .withKeySerde(Serdes.String()).withValueSerde(InternalFormats.MONTHLY_CHAIN));
    }

    /** Keeps a participant's history and emits the changes an event makes to its completions' contributions. */
    static final class ParticipantChains implements Processor<String, IntegrationEvent, String, ChainChange> {

        private ProcessorContext<String, ChainChange> context;
        private KeyValueStore<String, ParticipantHistory> histories;

        @Override
        public void init(ProcessorContext<String, ChainChange> context) {
            this.context = context;
            this.histories = context.getStateStore(PARTICIPANT_HISTORY);
        }

        @Override
        public void process(Record<String, IntegrationEvent> record) {
            ParticipantHistory before = Objects.requireNonNullElse(histories.get(record.key()), ParticipantHistory.EMPTY);
            ParticipantHistory after = before.with(record.value());
            if (after.equals(before)) {
                return;
            }
            histories.put(record.key(), after);
            List<ChainContribution> old = before.contributions();
            List<ChainContribution> now = after.contributions();
            for (int i = 0; i < now.size(); i++) {
                ChainContribution was = i < old.size() ? old.get(i) : null;
                if (!now.get(i).equals(was)) {
                    ParticipantHistory.Completion c = after.completions().get(i);
                    context.forward(record.withKey(DistrictMonth.key(c.district(), YearMonth.from(c.date())))
                            .withValue(new ChainChange(was, now.get(i))));
                }
            }
        }
    }
}
