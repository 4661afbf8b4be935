package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.IntegrationEvent;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
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
 * The chain part of the indicator topology (docs/design.md, "Chain indicators"): it follows one
 * participant across providers and districts and counts per completion, in the completion's district
 * and month.
 *
 * <pre>
 * deduplicated events with a participant
 *   → re-key by participant → repartition "events-by-participant"
 *   → store "participant-history": the participant's completions, placement days, enrolment days
 *   → on each event, recompute the contribution of each of the participant's completions; for each one
 *     that changed, a change of the chain counters (old out, new in) of the completion's AGS|YYYY-MM
 *   → {@link DeltaBuffer} "chain-changes": the changes of an interval added up per AGS|YYYY-MM
 * </pre>
 *
 * <p>Events may come in any order: a placement known before its completion is found when the
 * completion comes; a late placement or enrolment changes the completions whose first placement or
 * first enrolment it becomes. A completion never moves district or month, so its old and new
 * contribution always land on the same key, in one change.
 */
final class ChainTopology {

    static final String PARTICIPANT_HISTORY = "participant-history";
    static final String CHAIN_CHANGES = "chain-changes";

    private ChainTopology() {
    }

    /** Adds the chain part; {@code unique} are the deduplicated events. Returns the chain changes per {@code AGS|YYYY-MM}. */
    static KStream<String, MonthlyCounters> build(StreamsBuilder builder, KStream<UUID, IntegrationEvent> unique,
                                                  TopologySettings settings) {
        // no record cache: a participant's events seldom fall into one commit interval, and the cache is better
        // spent on the stores of changes, whose keys repeat
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTICIPANT_HISTORY),
                Serdes.String(), InternalFormats.PARTICIPANT_HISTORY).withCachingDisabled());
        builder.addStateStore(IndicatorTopology.changesStore(CHAIN_CHANGES));
        return unique
                .filter((eventId, event) -> event.participant() != null, Named.as("with-participant"))
                .selectKey((eventId, event) -> event.participant(), Named.as("key-by-participant"))
                .repartition(Repartitioned.with(Serdes.String(), InternalFormats.EVENT).withName("events-by-participant"))
                .process(() -> new ParticipantChains(settings.excludedParticipants(), settings.recordKeys()),
                        Named.as("chain-by-participant"),
                        PARTICIPANT_HISTORY)
                .process(() -> new DeltaBuffer(CHAIN_CHANGES, settings.pace()), Named.as("add-up-chain-changes"),
                        CHAIN_CHANGES);
    }

    /** Keeps a participant's history and emits the changes an event makes to its completions' contributions. */
    static final class ParticipantChains implements Processor<String, IntegrationEvent, String, MonthlyCounters> {

        private final Counter excludedParticipants;
        private final RecordKeys recordKeys;
        private ProcessorContext<String, MonthlyCounters> context;
        private KeyValueStore<String, ParticipantHistory> histories;

        ParticipantChains(Counter excludedParticipants, RecordKeys recordKeys) {
            this.excludedParticipants = excludedParticipants;
            this.recordKeys = recordKeys;
        }

        @Override
        public void init(ProcessorContext<String, MonthlyCounters> context) {
            this.context = context;
            this.histories = context.getStateStore(PARTICIPANT_HISTORY);
        }

        @Override
        public void process(Record<String, IntegrationEvent> record) {
            ParticipantHistory before = Objects.requireNonNullElse(histories.get(record.key()), ParticipantHistory.EMPTY);
            long recordKey = recordKeys.keyOf(record.value().eventId());
            ParticipantHistory after = before.with(record.value(), recordKey);
            if (after.excluded()) {
                exclude(record, before, recordKey);
                return;
            }
            if (after.equals(before)) {
                return;
            }
            histories.put(record.key(), after);
            List<ChainContribution> old = before.contributions();
            List<ChainContribution> now = after.contributions();
            for (int i = 0; i < now.size(); i++) {
                ChainContribution was = i < old.size() ? old.get(i) : null;
                if (!now.get(i).equals(was)) {
                    ChainCounters change = ChainCounters.ZERO.plus(now.get(i), 1);
                    forward(record, after.completions().get(i),
                            was == null ? change : change.plus(ChainCounters.ZERO.plus(was, -1)));
                }
            }
        }

        /**
         * The pseudonym stands for too many events: its completions leave the chain figures and count as
         * excluded, and so does every completion of it that comes later; nothing else of it is kept.
         */
        private void exclude(Record<String, IntegrationEvent> record, ParticipantHistory before, long recordKey) {
            if (!before.excluded()) {
                histories.put(record.key(), ParticipantHistory.EXCLUDED);
                excludedParticipants.increment();
                List<ChainContribution> contributions = before.contributions();
                for (int i = 0; i < contributions.size(); i++) {
                    forward(record, before.completions().get(i),
                            ChainCounters.ZERO.plus(contributions.get(i), -1).plusExcluded(1));
                }
            }
            ParticipantHistory.Completion completion = ParticipantHistory.completion(record.value(), recordKey);
            if (completion != null) {
                forward(record, completion, ChainCounters.ZERO.plusExcluded(1));
            }
        }

        private void forward(Record<String, IntegrationEvent> record, ParticipantHistory.Completion completion,
                             ChainCounters change) {
            context.forward(record.withKey(DistrictMonth.key(completion.district(), YearMonth.from(completion.date())))
                    .withValue(MonthlyCounters.ofChain(completion.courseType(), change, completion.recordKey())));
        }
    }
}
