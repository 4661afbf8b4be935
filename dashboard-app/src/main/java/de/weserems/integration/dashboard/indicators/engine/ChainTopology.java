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

/**
 * The chain part of the indicator topology (docs/design.md, "Chain indicators"): it follows one
 * participant across providers and districts and counts per completion, in the completion's district
 * and month.
 *
 * <pre>
 * events with a participant, keyed by it ({@link RetractionDecider}: to add, to remove, or retracted on arrival)
 *   → repartition "events-by-participant"
 *   → store "participant-history": the participant's completions, placement days, enrolment days
 *   → on each event, recompute the contribution of each of the participant's completions; for each one
 *     that changed, a change of the chain counters (old out, new in) of the completion's AGS|YYYY-MM;
 *     a removed completion takes its whole contribution out
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
            forwardChanges(record, before, after);
        }

        /**
         * For each completion whose contribution changed, its old one out and its new one in; a completion
         * that left the history (retracted) takes its whole contribution out.
         */
        private void forwardChanges(Record<String, ChainEvent> record, ParticipantHistory before,
                                    ParticipantHistory after) {
            List<ParticipantHistory.Completion> were = before.completions();
            List<ParticipantHistory.Completion> are = after.completions();
            int removed = are.size() < were.size() ? firstDifference(were, are) : -1;
            List<ChainContribution> old = before.contributions();
            List<ChainContribution> now = after.contributions();
            for (int i = 0; i < now.size(); i++) {
                int j = removed >= 0 && i >= removed ? i + 1 : i;
                ChainContribution was = j < old.size() ? old.get(j) : null;
                if (!now.get(i).equals(was)) {
                    ChainCounters change = ChainCounters.ZERO.plus(now.get(i), 1);
                    forward(record, are.get(i), was == null ? change : change.plus(ChainCounters.ZERO.plus(was, -1)));
                }
            }
            if (removed >= 0) {
                forward(record, were.get(removed), ChainCounters.ZERO.plus(old.get(removed), -1));
            }
        }

        /** The position of the one completion {@code are} lacks of {@code were}. */
        private static int firstDifference(List<ParticipantHistory.Completion> were,
                                           List<ParticipantHistory.Completion> are) {
            int i = 0;
            while (i < are.size() && were.get(i).equals(are.get(i))) {
                i++;
            }
            return i;
        }

        /**
         * The pseudonym stands for too many events: its completions leave the chain figures and count as
         * excluded, and so does every completion of it that comes later; nothing else of it is kept. A
         * retracted completion of it leaves the excluded count again; one retracted before it arrived
         * never enters it.
         */
        private void exclude(Record<String, ChainEvent> record, ParticipantHistory before, long recordKey) {
            if (!before.excluded()) {
                histories.put(record.key(), ParticipantHistory.EXCLUDED);
                excludedParticipants.increment();
                List<ChainContribution> contributions = before.contributions();
                for (int i = 0; i < contributions.size(); i++) {
                    forward(record, before.completions().get(i),
                            ChainCounters.ZERO.plus(contributions.get(i), -1).plusExcluded(1));
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
