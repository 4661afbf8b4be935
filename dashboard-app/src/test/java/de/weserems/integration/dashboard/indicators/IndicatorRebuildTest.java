package de.weserems.integration.dashboard.indicators;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast rebuild hands the engine its state: so what {@link IndicatorRebuild.State} computes in
 * memory must be, store by store, what the topology itself holds after the same records, and the
 * indicators it writes what the topology wrote last per key. The streams are IndicatorRandomizedTest's:
 * resends (some with other content), out-of-order and late events, poison records.
 */
class IndicatorRebuildTest {

    @Test
    void the_rebuild_knows_every_store_of_the_topology() {
        assertThat(IndicatorRebuild.storesOf(TopologyFixture.JSON)).isEqualTo(new TreeSet<>(IndicatorRebuild.STORES));
    }

    @Test
    void store_changelogs_are_named_as_kafka_streams_names_them() {
        assertThat(IndicatorRebuild.changelog("integration-indicators-v3", IndicatorTopology.SEEN_EVENT_IDS))
                .isEqualTo("integration-indicators-v3-seen-event-ids-changelog");
    }

    /** Sized for no ids (it grows), for fewer than are added (it grows later), and for all of them (it never grows). */
    @ParameterizedTest
    @ValueSource(ints = {0, 50_000, 300_000})
    void the_set_of_counted_event_ids_agrees_with_a_hash_set(int expected) {
        Random random = new Random(11);
        IndicatorRebuild.State.EventIdSet set = new IndicatorRebuild.State.EventIdSet(expected);
        Set<UUID> reference = new HashSet<>();
        List<UUID> added = new java.util.ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            UUID id = switch (random.nextInt(4)) {
                case 0 -> new UUID(0, i);                                   // numbered in sequence
                case 1 -> new UUID(i, 0);
                case 2 -> added.isEmpty() ? new UUID(0, 0) : added.get(random.nextInt(added.size())); // resent
                default -> new UUID(random.nextLong(), random.nextLong());
            };
            assertThat(set.add(id)).as("add %s", id).isEqualTo(reference.add(id));
            added.add(id);
        }
        assertThat(set.add(new UUID(0, 0))).isEqualTo(reference.add(new UUID(0, 0)));
        for (UUID id : reference) {
            assertThat(set.contains(id)).isTrue();
        }
        for (int i = 0; i < 10_000; i++) {
            UUID other = new UUID(random.nextLong(), random.nextLong());
            assertThat(set.contains(other)).isEqualTo(reference.contains(other));
        }
    }

    /** More participants than the table of histories starts with room for: each keeps its own history. */
    @Test
    void histories_of_many_participants_stay_apart() {
        IndicatorRebuild.State state = new IndicatorRebuild.State();
        int participants = 100_000;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < participants; i++) {
                state.add(new IntegrationEvent(new UUID(round, i), EventType.COURSE_ENROLMENT,
                        LocalDate.EPOCH.plusDays(i % 1000 + round), District.values()[i % District.values().length],
                        "participant-" + i, CourseType.INTEGRATION_COURSE, null, null, null, "provider", null), i);
            }
        }
        Map<String, IndicatorRebuild.Stamped<ParticipantHistory>> kept = state.participants();
        assertThat(kept).hasSize(participants);
        assertThat(state.participantCount()).isEqualTo(participants);
        for (int i = 0; i < participants; i += 997) {
            assertThat(kept.get("participant-" + i).value().enrolments()).as("participant-%d", i)
                    .containsExactly(LocalDate.EPOCH.plusDays(i % 1000), LocalDate.EPOCH.plusDays(i % 1000 + 1));
        }
    }

    /** District-months as keys, negative ones (before year 0) too, far more than the table starts with. */
    @Test
    void values_by_month_agree_with_a_hash_map() {
        Random random = new Random(3);
        IndicatorRebuild.State.ByMonth<long[]> byMonth = new IndicatorRebuild.State.ByMonth<>();
        Map<Long, long[]> reference = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextInt(3) == 0 ? -random.nextInt(5_000) : random.nextInt(5_000);
            long[] value = byMonth.computeIfAbsent(key, () -> new long[1]);
            assertThat(value).isSameAs(reference.computeIfAbsent(key, k -> value));
            value[0]++;
        }
        assertThat(byMonth.size()).isEqualTo(reference.size()).isGreaterThan(1_000);
        Map<Long, long[]> all = new HashMap<>();
        byMonth.forEach(all::put);
        assertThat(all).isEqualTo(reference);
        assertThat(byMonth.get(10_000)).isNull();
    }

    /**
     * The rebuild keeps a history as numbers ({@code HistoryBuilder}): every district, course type and
     * outcome, and dates from the first to the last a {@code LocalDate} can hold, come back as
     * {@link ParticipantHistory#with} keeps them, with the time of the last event that changed the history.
     */
    @Test
    void a_history_kept_as_numbers_is_the_history_the_topology_keeps() {
        Random random = new Random(5);
        List<LocalDate> days = List.of(LocalDate.MIN, LocalDate.of(-1, 12, 31), LocalDate.of(1969, 12, 31),
                LocalDate.EPOCH, LocalDate.of(2025, 2, 28), LocalDate.of(2026, 11, 26), LocalDate.MAX);
        IndicatorRebuild.State state = new IndicatorRebuild.State();
        Map<String, ParticipantHistory> expected = new HashMap<>();
        Map<String, Long> changedAt = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String participant = "p" + random.nextInt(50);
            EventType type = EventType.values()[random.nextInt(EventType.values().length)];
            IntegrationEvent e = new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()), type,
                    days.get(random.nextInt(days.size())),
                    District.values()[random.nextInt(District.values().length)], participant,
                    type == EventType.JOB_PLACEMENT ? null : CourseType.values()[random.nextInt(CourseType.values().length)],
                    type == EventType.COURSE_COMPLETION ? Outcome.values()[random.nextInt(Outcome.values().length)] : null,
                    null, type == EventType.JOB_PLACEMENT ? PlacementType.EMPLOYMENT : null, "provider", null);
            assertThat(state.add(e, i)).isTrue();
            ParticipantHistory before = expected.getOrDefault(participant, ParticipantHistory.EMPTY);
            ParticipantHistory after = before.with(e);
            if (!after.equals(before)) {
                expected.put(participant, after);
                changedAt.put(participant, (long) i);
            }
        }
        Map<String, IndicatorRebuild.Stamped<ParticipantHistory>> kept = state.participants();
        assertThat(values(kept)).isEqualTo(expected);
        kept.forEach((participant, h) -> assertThat(h.timestamp()).as(participant).isEqualTo(changedAt.get(participant)));
        assertThat(expected.values()).anySatisfy(h -> assertThat(h.completions()).extracting(ParticipantHistory.Completion::date)
                .contains(LocalDate.MIN, LocalDate.MAX));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void the_state_computed_in_memory_is_the_state_of_the_topology(long seed) {
        Random random = new Random(seed);
        List<Object> sent = IndicatorRandomizedTest.sendOrder(random, IndicatorRandomizedTest.generate(random));
        EventReader reader = new EventReader(TopologyFixture.JSON);
        IndicatorRebuild.State state = new IndicatorRebuild.State();
        Set<UUID> distinct = new HashSet<>();
        try (TopologyFixture topology = new TopologyFixture()) {
            long timestamp = 1_700_000_000_000L;
            for (Object item : sent) {
                String raw = item instanceof IntegrationEvent e ? TopologyFixture.JSON.writeValueAsString(e) : (String) item;
                timestamp += random.nextInt(2000);
                topology.rawEvents.pipeInput("03454", raw, timestamp);
                EventReader.Result result = reader.read(raw.getBytes(StandardCharsets.UTF_8));
                if (result.valid()) {
                    state.add(result.event(), timestamp);
                    distinct.add(result.event().eventId());
                }
            }

            Map<String, IndicatorRebuild.Stamped<MonthlyChain>> chains = state.chains();
            // the rebuild writes the histories from two threads, each summing the chains of those it took
            IndicatorRebuild.State.Histories work = state.histories();
            Map<String, IndicatorRebuild.Stamped<ParticipantHistory>> byThreads = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.CompletableFuture<IndicatorRebuild.State.Chains> other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> work.take(byThreads::put));
            IndicatorRebuild.State.Chains mine = work.take(byThreads::put);
            mine.addAll(other.join());
            assertThat(byThreads).as("seed %d: histories written by two threads", seed).isEqualTo(state.participants());
            assertThat(mine.build()).as("seed %d: chains summed by two threads", seed).isEqualTo(chains);
            IndicatorRebuild.State.Chains even = new IndicatorRebuild.State.Chains();
            IndicatorRebuild.State.Chains odd = new IndicatorRebuild.State.Chains();
            int[] n = {0};
            state.forEachHistory((participant, h) -> (n[0]++ % 2 == 0 ? even : odd).add(h));
            even.addAll(odd);
            assertThat(even.build()).as("seed %d: chains summed in two halves", seed).isEqualTo(chains);
            Map<String, MonthlyCounters> written = new HashMap<>();
            state.indicators(state.counters(), chains).forEach((key, c) -> written.put(key, c.value()));
            assertThat(written).as("seed %d: indicators", seed).isEqualTo(topology.latest());

            KeyValueStore<Bytes, byte[]> seen = topology.driver.getKeyValueStore(IndicatorTopology.SEEN_EVENT_IDS);
            Set<UUID> seenIds = new HashSet<>();
            all(seen, Function.identity()).keySet().forEach(key -> {
                java.nio.ByteBuffer id = java.nio.ByteBuffer.wrap(key.get());
                seenIds.add(new UUID(id.getLong(), id.getLong()));
            });
            assertThat(seenIds).isEqualTo(distinct).allMatch(state::counted);
            KeyValueStore<String, ParticipantHistory> histories =
                    topology.driver.getKeyValueStore(ChainTopology.PARTICIPANT_HISTORY);
            assertThat(values(state.participants())).as("seed %d: participant histories", seed)
                    .isEqualTo(all(histories, Function.identity())).isNotEmpty();
            KeyValueStore<String, ValueAndTimestamp<MonthlyCounters>> counters =
                    topology.driver.getTimestampedKeyValueStore(IndicatorTopology.DISTRICT_MONTH_COUNTERS);
            assertThat(stamped(state.counters())).as("seed %d: counters with timestamps", seed)
                    .isEqualTo(all(counters, v -> KeyValue.pair(v.value(), v.timestamp())));
            KeyValueStore<String, ValueAndTimestamp<MonthlyChain>> chain =
                    topology.driver.getTimestampedKeyValueStore(ChainTopology.DISTRICT_MONTH_CHAIN);
            assertThat(values(chains)).as("seed %d: chain", seed).isEqualTo(all(chain, ValueAndTimestamp::value))
                    .isNotEmpty();
        }
    }

    private static <K, S, V> Map<K, V> all(KeyValueStore<K, S> store, Function<S, V> value) {
        Map<K, V> all = new HashMap<>();
        try (KeyValueIterator<K, S> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, value.apply(kv.value)));
        }
        return all;
    }

    private static <V> Map<String, V> values(Map<String, IndicatorRebuild.Stamped<V>> stamped) {
        Map<String, V> values = new HashMap<>();
        stamped.forEach((k, v) -> values.put(k, v.value()));
        return values;
    }

    private static <V> Map<String, KeyValue<V, Long>> stamped(Map<String, IndicatorRebuild.Stamped<V>> stamped) {
        Map<String, KeyValue<V, Long>> values = new HashMap<>();
        stamped.forEach((k, v) -> values.put(k, KeyValue.pair(v.value(), v.timestamp())));
        return values;
    }
}
