package de.weserems.integration.dashboard.indicators;

import de.weserems.integration.events.District;
import de.weserems.integration.events.IntegrationEvent;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store seen-event-ids with the packs a rebuild writes: every packed id is known, no other id is,
 * each task gets exactly the ids it owns, and the engine going on from packs counts a resend once.
 */
class SeenEventIdsTest {

    @Test
    void packs_hold_at_most_32_ids_on_average_and_at_least_half_of_that() {
        assertThat(SeenEventIds.bitsFor(0)).isZero();
        assertThat(SeenEventIds.bitsFor(32)).isZero();
        assertThat(SeenEventIds.bitsFor(33)).isEqualTo(1);
        for (long ids : new long[] {1_000, 666_677, 10_000_000}) {
            double perPack = (double) ids / (1L << SeenEventIds.bitsFor(ids));
            assertThat(perPack).as("%d ids", ids).isLessThanOrEqualTo(32).isGreaterThan(16);
        }
        assertThat(SeenEventIds.bitsFor(Long.MAX_VALUE)).isEqualTo(SeenEventIds.MAX_BITS);
    }

    @Test
    void each_task_gets_the_packs_of_exactly_the_ids_it_owns() {
        int partitions = 3;
        List<UUID> ids = ids(new Random(5), 200_000);
        List<SeenEventIds.Entry> entries = SeenEventIds.packs(pairs(ids), ids.size(), partitions,
                id -> BuiltInPartitioner.partitionForKey(id, partitions));

        int bits = SeenEventIds.bitsFor((ids.size() + partitions - 1) / partitions);
        Map<Integer, Map<Bytes, byte[]>> tasks = new HashMap<>();
        for (SeenEventIds.Entry e : entries) {
            assertThat(tasks.computeIfAbsent(e.partition(), p -> new HashMap<>()).put(e.key(), e.value()))
                    .as("one entry per key and task").isNull();
        }
        assertThat(tasks).hasSize(partitions);
        int packed = 0;
        for (Map<Bytes, byte[]> task : tasks.values()) {
            assertThat(task.get(SeenEventIds.BITS_KEY)).containsExactly(bits);
            for (Map.Entry<Bytes, byte[]> pack : task.entrySet()) {
                if (!pack.getKey().equals(SeenEventIds.BITS_KEY)) {
                    assertThat(pack.getValue().length % 16).isZero();
                    packed += pack.getValue().length / 16;
                }
            }
        }
        assertThat(packed).isEqualTo(ids.size());
        for (UUID id : ids) {
            long high = id.getMostSignificantBits();
            long low = id.getLeastSignificantBits();
            int task = BuiltInPartitioner.partitionForKey(SeenEventIds.idBytes(id), partitions);
            byte[] pack = tasks.get(task).get(SeenEventIds.packKey(SeenEventIds.pack(high, low, bits)));
            assertThat(pack).as("pack of %s", id).isNotNull();
            assertThat(SeenEventIds.packContains(pack, high, low)).as("%s in its pack", id).isTrue();
        }
    }

    @Test
    void an_id_is_seen_once_whether_it_is_in_a_pack_or_came_later() {
        List<UUID> packed = ids(new Random(7), 5_000);
        try (TopologyFixture topology = new TopologyFixture()) {
            KeyValueStore<Bytes, byte[]> store = topology.driver.getKeyValueStore(IndicatorTopology.SEEN_EVENT_IDS);
            restore(store, packed);
            SeenEventIds seen = new SeenEventIds(store);
            for (UUID id : packed) {
                assertThat(seen.firstSighting(id, 1)).as("packed %s", id).isFalse();
            }
            Random random = new Random(8);
            Set<UUID> packedSet = new HashSet<>(packed);
            for (int i = 0; i < 5_000; i++) {
                UUID other = new UUID(random.nextLong(), random.nextLong());
                if (!packedSet.contains(other)) {
                    assertThat(seen.firstSighting(other, 1)).as("new %s", other).isTrue();
                    assertThat(seen.firstSighting(other, 2)).as("again %s", other).isFalse();
                }
            }
        }
    }

    @Test
    void the_engine_going_on_from_packs_counts_a_resend_once_and_a_new_event() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        IntegrationEvent old = Events.enrolment("p-1", District.EMSLAND, day);
        try (TopologyFixture topology = new TopologyFixture()) {
            restore(topology.driver.getKeyValueStore(IndicatorTopology.SEEN_EVENT_IDS),
                    List.of(old.eventId(), UUID.randomUUID()));

            topology.send(old);
            assertThat(topology.latest()).as("a resend of a packed event").isEmpty();
            IntegrationEvent fresh = Events.enrolment("p-2", District.EMSLAND, day);
            topology.send(fresh);
            topology.send(fresh);
            MonthlyCounters counters = topology.latest().get(IndicatorTopology.key(District.EMSLAND, old.month()));
            assertThat(counters.courses().values().stream().mapToLong(CourseCounters::enrolments).sum()).isEqualTo(1);
        }
    }

    /** What the engine's store holds after restoring a rebuild's packs (the driver runs one task). */
    private static void restore(KeyValueStore<Bytes, byte[]> store, List<UUID> ids) {
        for (SeenEventIds.Entry e : SeenEventIds.packs(pairs(ids), ids.size(), 1, id -> 0)) {
            store.put(e.key(), e.value());
        }
    }

    /** Random ids, ids numbered in sequence and the nil UUID. */
    private static List<UUID> ids(Random random, int n) {
        Set<UUID> ids = new HashSet<>();
        ids.add(new UUID(0, 0));
        for (int i = 0; ids.size() < n; i++) {
            ids.add(i % 3 == 0 ? new UUID(0, i) : new UUID(random.nextLong(), random.nextLong()));
        }
        return new ArrayList<>(ids);
    }

    private static long[] pairs(List<UUID> ids) {
        ByteBuffer pairs = ByteBuffer.allocate(16 * ids.size());
        ids.forEach(id -> pairs.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()));
        long[] longs = new long[2 * ids.size()];
        pairs.flip().asLongBuffer().get(longs);
        return longs;
    }
}
