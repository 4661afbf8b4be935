package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.DistrictMonth;
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
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/**
 * The indicator topology, built by a plain method so tests drive it without Spring
 * ({@code TopologyTestDriver}). Every stateful operator and repartition topic is named, so a later
 * change of the topology keeps its state.
 *
 * <pre>
 * integration.events.v1 (key AGS, read as bytes)
 *   → read and check the event contract; what cannot count → integration.events.dlq.v1 ({@link DeadLetters})
 *   → re-key by eventId → repartition "events-by-id"
 *   → dedupe against store "seen-event-ids" (all time: a resend a year later still counts once)
 *   ├→ group by "AGS|YYYY-MM" → repartition "by-district-month"
 *   │    → aggregate into store "district-month-counters"
 *   └→ chain indicators per participant ({@link ChainTopology}) → store "district-month-chain"
 *   → outer join of both per AGS|YYYY-MM → integration.indicators.v1 (compacted)
 * </pre>
 *
 * <p>The chain counters travel in the same record as the counts ({@link MonthlyCounters#chain()}), so
 * every dashboard instance's read model gets both from the one compacted topic, and a record written
 * before the chain existed still reads (with no chain).
 */
public final class IndicatorTopology {

    public static final String SEEN_EVENT_IDS = "seen-event-ids";
    public static final String DISTRICT_MONTH_COUNTERS = "district-month-counters";

    private IndicatorTopology() {
    }

    /** Adds the indicator topology to {@code builder}; returns the counters per {@code AGS|YYYY-MM}. */
    public static KTable<String, MonthlyCounters> build(StreamsBuilder builder, JsonMapper json,
                                                         DeadLetters deadLetters) {
        // the engine's own topics and stores are binary (InternalFormats); the indicators topic is a contract: JSON
        Serde<IntegrationEvent> events = InternalFormats.EVENT;
        Serde<MonthlyCounters> countersSerde = new JsonSerde<>(json, MonthlyCounters.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_EVENT_IDS), Serdes.Bytes(), Serdes.ByteArray())); // SeenEventIds

        EventReader reader = new EventReader(json);
        Map<String, KStream<String, EventReader.Result>> read = builder.stream(Topics.EVENTS,
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events"))
                .mapValues(reader::read, Named.as("read-event"))
                .split(Named.as("read-"))
                .branch((ags, result) -> result.valid(), Branched.as("valid"))
                .defaultBranch(Branched.as("rejected"));
        read.get("read-rejected")
                .processValues(deadLetters::processor, Named.as("dead-letter-reason"))
                .to(Topics.EVENTS_DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("dead-letters"));

        KStream<UUID, IntegrationEvent> unique = read.get("read-valid")
                .mapValues(EventReader.Result::event, Named.as("valid-event"))
                .selectKey((ags, event) -> event.eventId(), Named.as("key-by-event-id"))
                .repartition(Repartitioned.with(InternalFormats.EVENT_ID, events).withName("events-by-id"))
                .process(FirstSeen::new, Named.as("dedupe-by-event-id"), SEEN_EVENT_IDS);
        KTable<String, MonthlyCounters> counters = unique
                .groupBy((eventId, event) -> DistrictMonth.key(event.district(), event.month()),
                        Grouped.with("by-district-month", Serdes.String(), events))
                .aggregate(MonthlyCounters::empty, (key, event, sum) -> sum.add(event),
                        Named.as("count-district-month"),
                        Materialized.<String, MonthlyCounters, KeyValueStore<Bytes, byte[]>>as(
                                DISTRICT_MONTH_COUNTERS).withKeySerde(Serdes.String())
                                .withValueSerde(InternalFormats.MONTHLY_COUNTERS));
        KTable<String, MonthlyChain> chain = ChainTopology.build(builder, unique, events);
        // both tables are keyed AGS|YYYY-MM from repartition topics Streams sizes alike, so they join locally
        KTable<String, MonthlyCounters> indicators = counters.outerJoin(chain,
                IndicatorTopology::withChain,
                Named.as("counters-with-chain"));
        indicators.toStream(Named.as("indicator-changes"))
                .to(Topics.INDICATORS, Produced.with(Serdes.String(), countersSerde).withName("indicators"));
        return indicators;
    }

    /** The counts of a district and month with the chain counters of the same district and month. */
    private static MonthlyCounters withChain(MonthlyCounters counts, MonthlyChain chain) {
        MonthlyCounters c = counts == null ? MonthlyCounters.empty() : counts;
        return new MonthlyCounters(c.courses(), c.placements(), chain == null ? Map.of() : chain.courses(),
                c.lastReceivedAt());
    }

    /** Forwards an event only the first time its eventId is seen; the first content stands. */
    static final class FirstSeen implements Processor<UUID, IntegrationEvent, UUID, IntegrationEvent> {

        private ProcessorContext<UUID, IntegrationEvent> context;
        private SeenEventIds seen;

        @Override
        public void init(ProcessorContext<UUID, IntegrationEvent> context) {
            this.context = context;
            this.seen = new SeenEventIds(context.getStateStore(SEEN_EVENT_IDS));
        }

        @Override
        public void process(Record<UUID, IntegrationEvent> record) {
            if (seen.firstSighting(record.key(), record.timestamp())) {
                context.forward(record);
            }
        }
    }
}
