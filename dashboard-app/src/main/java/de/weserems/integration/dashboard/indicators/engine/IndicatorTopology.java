package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The indicator topology, built by a plain method so tests drive it without Spring
 * ({@code TopologyTestDriver}). Every stateful operator and repartition topic is named, so a later
 * change of the topology keeps its state.
 *
 * <pre>
 * integration.events.v1 (key: eventId, as ingest writes it; read as bytes)
 *   → read and check the event contract; what cannot count → integration.events.dlq.v1 ({@link DeadLetters})
 *   → a record keyed otherwise (by an older ingest: its district) → repartition "events-by-id"
 *   → dedupe against store "seen-event-ids" (all time: a resend a year later still counts once)
 *   → retractions also re-keyed by the eventId they retract → repartition "retractions-by-target"
 *   → events and retractions meet by eventId: store "retraction-targets" ({@link RetractionDecider})
 *   ├→ what the event adds to (or a retraction takes from) its AGS|YYYY-MM → {@link DeltaBuffer} "count-changes"
 *   ├→ chain indicators per participant ({@link ChainTopology}) → {@link DeltaBuffer} "chain-changes"
 *   └→ what became of each retraction → integration.retraction-outcomes.v1 (compacted)
 *   → repartition "changes-by-district-month" → add up into store "district-month-counters"
 *   → integration.indicators.&lt;generation&gt; (compacted)
 * </pre>
 *
 * <p>Ingest keys an event by its eventId, so every copy of an event arrives in the same partition and
 * the deduplication needs no repartition of its own. The changes are added up per task and interval
 * before they cross a repartition topic, so that topic carries one record per district-month and
 * interval instead of one per event.
 */
public final class IndicatorTopology {

    public static final String SEEN_EVENT_IDS = "seen-event-ids";
    public static final String COUNT_CHANGES = "count-changes";
    public static final String DISTRICT_MONTH_COUNTERS = "district-month-counters";
    /** The stores of changes a task has added up and not yet passed on ({@link DeltaBuffer}). */
    public static final List<String> PENDING_CHANGES = List.of(COUNT_CHANGES, ChainTopology.CHAIN_CHANGES);

    private IndicatorTopology() {
    }

    /** Adds the indicator topology to {@code builder}; returns the counters per {@code AGS|YYYY-MM}. */
    public static KTable<String, MonthlyCounters> build(StreamsBuilder builder, JsonMapper json,
                                                         DeadLetters deadLetters, TopologySettings settings) {
        // the engine's own topics and stores are binary (InternalFormats); the indicators topic is a contract: JSON
        Serde<MonthlyCounters> countersJson = new JsonSerde<>(json, MonthlyCounters.class);
        // no record cache: its keys never repeat, and its entries would push out those of the stores whose do
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_EVENT_IDS), Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(changesStore(COUNT_CHANGES));
        // no record cache either: an eventId is looked up again only when a retraction names it
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                        RetractionDecider.RETRACTION_TARGETS), InternalFormats.EVENT_ID, InternalFormats.RETRACTION_TARGET)
                .withCachingDisabled());

        EventReader reader = new EventReader(json);
        Map<String, KStream<String, EventReader.Result>> read = builder.stream(Topics.EVENTS,
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
                .mapValues(reader::read, Named.as("read-event"))
                .split(Named.as("read-"))
                .branch((key, result) -> result.valid(), Branched.as("valid"))
                .defaultBranch(Branched.as("rejected"));
        read.get("read-rejected")
                .processValues(deadLetters::processor, Named.as("dead-letter-reason"))
                .to(Topics.EVENTS_DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("dead-letters"));

        Map<String, KStream<String, IntegrationEvent>> byKey = read.get("read-valid")
                .mapValues(EventReader.Result::event, Named.as("valid-event"))
                .split(Named.as("keyed-"))
                .branch((key, event) -> event.eventId().toString().equals(key), Branched.as("by-id"))
                .defaultBranch(Branched.as("otherwise"));
        // same key bytes and partitioner as ingest's producer: a re-keyed copy lands where ingest puts the id
        KStream<String, IntegrationEvent> rekeyed = byKey.get("keyed-otherwise")
                .selectKey((key, event) -> event.eventId().toString(), Named.as("key-by-event-id"))
                .repartition(Repartitioned.with(Serdes.String(), InternalFormats.EVENT).withName("events-by-id"));
        // a retraction's eventId is seen like any other (a resend of it changes nothing)
        KStream<UUID, IntegrationEvent> unique = byKey.get("keyed-by-id")
                .merge(rekeyed, Named.as("all-by-event-id"))
                .process(FirstSeen::new, Named.as("dedupe-by-event-id"), SEEN_EVENT_IDS);
        // same key bytes and partitioner again: a retraction lands in the task that holds the event it retracts
        KStream<UUID, IntegrationEvent> atTarget = unique
                .filter((id, event) -> RetractionDecider.goesToItsTarget(event), Named.as("retractions"))
                .selectKey((id, event) -> event.retracts().toString(), Named.as("key-by-retracted-id"))
                .repartition(Repartitioned.with(Serdes.String(), InternalFormats.EVENT).withName("retractions-by-target"))
                .selectKey((key, event) -> event.retracts(), Named.as("retracted-id"));
        Map<String, KStream<String, Decision>> decided = unique
                .merge(atTarget, Named.as("events-and-retractions"))
                .process(() -> new RetractionDecider(settings), Named.as("decide-retractions"),
                        RetractionDecider.RETRACTION_TARGETS)
                .split(Named.as("decided-"))
                .branch((key, d) -> d instanceof Decision.Count, Branched.as("counts"))
                .branch((key, d) -> d instanceof Decision.Chain, Branched.as("chain"))
                .defaultBranch(Branched.as("outcomes"));

        KStream<String, MonthlyCounters> counts = decided.get("decided-counts")
                .mapValues(d -> ((Decision.Count) d).change(), Named.as("count-change"))
                .process(() -> new DeltaBuffer(COUNT_CHANGES, settings.pace()), Named.as("add-up-count-changes"),
                        COUNT_CHANGES);
        KStream<String, MonthlyCounters> chains = ChainTopology.build(builder, decided.get("decided-chain")
                .mapValues(d -> ((Decision.Chain) d).event(), Named.as("chain-event")), settings);
        decided.get("decided-outcomes")
                .mapValues(d -> ((Decision.Outcome) d).outcome().toJson(), Named.as("retraction-outcome"))
                .to(Topics.RETRACTION_OUTCOMES, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("retraction-outcomes"));

        KTable<String, MonthlyCounters> indicators = counts
                .merge(chains, Named.as("all-changes"))
                .repartition(Repartitioned.with(Serdes.String(), InternalFormats.MONTHLY_COUNTERS)
                        .withName("changes-by-district-month"))
                .processValues(() -> new CommitWhenLive(settings.pace()), Named.as("commit-when-live"))
                .groupByKey(Grouped.with(Serdes.String(), InternalFormats.MONTHLY_COUNTERS))
                .aggregate(MonthlyCounters::empty, (key, change, sum) -> sum.plus(change),
                        Named.as("sum-district-month"),
                        Materialized.<String, MonthlyCounters, KeyValueStore<Bytes, byte[]>>as(DISTRICT_MONTH_COUNTERS)
                                .withKeySerde(Serdes.String()).withValueSerde(InternalFormats.MONTHLY_COUNTERS));
        indicators.toStream(Named.as("indicator-changes"))
                .to(settings.indicatorsTopic(), Produced.with(Serdes.String(), countersJson).withName("indicators"));
        return indicators;
    }

    /** A task's store of changes not yet passed on, per {@code AGS|YYYY-MM} (small: only what one interval touched). */
    static StoreBuilder<KeyValueStore<String, MonthlyCounters>> changesStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(),
                InternalFormats.MONTHLY_COUNTERS).withCachingEnabled();
    }

    /** Forwards an event only the first time its eventId is seen; the first content stands. */
    static final class FirstSeen implements Processor<String, IntegrationEvent, UUID, IntegrationEvent> {

        private ProcessorContext<UUID, IntegrationEvent> context;
        private SeenEventIds seen;

        @Override
        public void init(ProcessorContext<UUID, IntegrationEvent> context) {
            this.context = context;
            this.seen = new SeenEventIds(context.getStateStore(SEEN_EVENT_IDS));
        }

        @Override
        public void process(Record<String, IntegrationEvent> record) {
            IntegrationEvent event = record.value();
            if (seen.firstSighting(event.eventId(), record.timestamp())) {
                context.forward(record.withKey(event.eventId()));
            }
        }
    }
}
