package de.weserems.integration.dashboard.indicators.engine;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;

/**
 * The chain part of the indicator topology (docs/design.md, "Chain indicators"): it follows one
 * participant across providers and districts and counts per completion, in the completion's district
 * and month.
 *
 * <pre>
 * events with a participant, keyed by it ({@link RetractionDecider}: to add, to remove, or retracted on arrival)
 *   → repartition "events-by-participant"
 *   → store "participant-history": the participant's completions, placements, enrolments, entitlements, starts
 *   → on each event, the participant's figures per AGS|YYYY-MM ({@link ParticipantFigures}) after the event
 *     less those before: a change of the chain counters for each AGS|YYYY-MM where they differ
 *   → {@link DeltaBuffer} "chain-changes": the changes of an interval added up per AGS|YYYY-MM
 * </pre>
 *
 * <p>Events may come in any order: a placement known before its completion is found when the
 * completion comes; a late placement, enrolment or start changes the figures it now decides (a completion's
 * next step, a start's waiting time, where a participant waits since). Whatever moves, the old figure
 * leaves its key and the new one enters its own, so the counters always equal those of the history as it
 * stands, whatever the order.
 */
final class ChainTopology {

    static final String PARTICIPANT_HISTORY = "participant-history";
    static final String CHAIN_CHANGES = "chain-changes";

    private ChainTopology() {
    }

    /** Adds the chain part; {@code events} are keyed by participant. Returns the chain changes per {@code AGS|YYYY-MM}. */
    static KStream<String, MonthlyCounters> build(StreamsBuilder builder, KStream<String, ChainEvent> events,
                                                  TopologySettings settings) {
        // no record cache: a participant's events seldom fall into one commit interval, and the cache is better
        // spent on the stores of changes, whose keys repeat
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARTICIPANT_HISTORY),
                Serdes.String(), InternalFormats.PARTICIPANT_HISTORY).withCachingDisabled());
        builder.addStateStore(IndicatorTopology.changesStore(CHAIN_CHANGES));
        return events
                .repartition(Repartitioned.with(Serdes.String(), InternalFormats.CHAIN_EVENT)
                        .withName("events-by-participant"))
                .process(() -> new ParticipantChains(settings.excludedParticipants(), settings.recordKeys()),
                        Named.as("chain-by-participant"),
                        PARTICIPANT_HISTORY)
                .process(() -> new DeltaBuffer(CHAIN_CHANGES, settings.pace()), Named.as("add-up-chain-changes"),
                        CHAIN_CHANGES);
    }

    /** Keeps a participant's history and emits the changes an event makes to its completions' contributions. */
    static final class ParticipantChains implements Processor<String, ChainEvent, String, MonthlyCounters> {

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
        public void process(Record<String, ChainEvent> record) {
            ParticipantHistory before = Objects.requireNonNullElse(histories.get(record.key()), ParticipantHistory.EMPTY);
            IntegrationEvent event = record.value().event();
            long recordKey = recordKeys.keyOf(event.eventId());
            ParticipantHistory after = switch (record.value().change()) {
                case ADD -> before.with(event, recordKey);
                case REMOVE -> before.without(event, recordKey);
                case RETRACTED_ON_ARRIVAL -> before.stoodFor();
            };
            if (after.excluded()) {
                exclude(record, before, recordKey);
                return;
            }
            if (after.equals(before)) {
                return;
            }
            histories.put(record.key(), after);
            forwardChanges(record, ParticipantFigures.of(before), ParticipantFigures.of(after));
        }

        /** Per {@code AGS|YYYY-MM} the participant's figures after the event less those before, where they differ. */
        private void forwardChanges(Record<String, ChainEvent> record, Map<String, MonthlyCounters> before,
                                    Map<String, MonthlyCounters> after) {
            Set<String> keys = new TreeSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                MonthlyCounters change = after.getOrDefault(key, MonthlyCounters.empty());
                if (before.containsKey(key)) {
                    change = change.plus(before.get(key).negated());
                }
                if (!change.chain().isEmpty() || (change.keySums() != null && !change.keySums().chain().isEmpty())) {
                    context.forward(record.withKey(key).withValue(change));
                }
            }
        }

        /**
         * The pseudonym stands for too many events: its figures leave the chain and its completions count as
         * excluded, and so does every completion of it that comes later; nothing else of it is kept. A
         * retracted completion of it leaves the excluded count again; one retracted before it arrived
         * never enters it.
         */
        private void exclude(Record<String, ChainEvent> record, ParticipantHistory before, long recordKey) {
            if (!before.excluded()) {
                histories.put(record.key(), ParticipantHistory.EXCLUDED);
                excludedParticipants.increment();
                forwardChanges(record, ParticipantFigures.of(before), Map.of());
                for (ParticipantHistory.Completion completion : before.completions()) {
                    forward(record, completion, ChainCounters.ZERO.plusExcluded(1));
                }
            }
            ParticipantHistory.Completion completion = ParticipantHistory.completion(record.value().event(), recordKey);
            if (completion != null) {
                switch (record.value().change()) {
                    case ADD -> forward(record, completion, ChainCounters.ZERO.plusExcluded(1));
                    case REMOVE -> forward(record, completion, ChainCounters.ZERO.plusExcluded(-1));
                    case RETRACTED_ON_ARRIVAL -> { }
                }
            }
        }

        private void forward(Record<String, ChainEvent> record, ParticipantHistory.Completion completion,
                             ChainCounters change) {
            context.forward(record.withKey(DistrictMonth.key(completion.district(), YearMonth.from(completion.date())))
                    .withValue(MonthlyCounters.ofChain(completion.courseType(), change, completion.recordKey())));
        }
    }
}
