package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.testing.Events;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key sums the engine keeps beside every count (the cell key method): each count's records' keys
 * added up, through resends, events in any order, chain contributions that change, and pseudonyms that
 * leave the chain.
 */
class RecordKeySumsTest {

    private static final District[] DISTRICTS = {District.EMSLAND, District.LEER, District.WITTMUND};
    private static final Outcome[] OUTCOMES = Outcome.values();

    /** With every record key 1, a key sum is its count: so every count, chain cells included, has its own. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void with_every_key_1_the_key_sums_equal_the_counts(long seed) {
        try (TopologyFixture topology = new TopologyFixture(eventId -> 1L)) {
            send(topology, stream(new Random(seed)));
            Map<String, MonthlyCounters> latest = topology.latest();
            assertThat(latest).isNotEmpty();
            latest.forEach((key, counters) -> assertThat(counters.keySums()).as(key)
                    .isEqualTo(new MonthlyCounters(counters.courses(), counters.placements(), counters.chain(), null,
                            null, counters.tallies())));
            assertThat(latest.values()).as("some chain figures and some excluded")
                    .anySatisfy(c -> assertThat(c.chain()).isNotEmpty())
                    .anySatisfy(c -> assertThat(c.chain().values()).anySatisfy(ch -> assertThat(ch.excluded()).isPositive()));
        }
    }

    @Test
    void the_key_sums_do_not_depend_on_the_order_of_the_events_or_on_resends() {
        List<IntegrationEvent> events = stream(new Random(11));
        List<IntegrationEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(12));
        shuffled.addAll(events.subList(0, 50));
        Map<String, MonthlyCounters> inOrder;
        try (TopologyFixture topology = new TopologyFixture()) {
            send(topology, events);
            inOrder = topology.latest();
        }
        try (TopologyFixture topology = new TopologyFixture()) {
            send(topology, shuffled);
            Map<String, MonthlyCounters> latest = topology.latest();
            assertThat(latest.keySet()).isEqualTo(inOrder.keySet());
            latest.forEach((key, counters) -> assertThat(counters.keySums()).as(key).isEqualTo(inOrder.get(key).keySums()));
        }
    }

    @Test
    void an_event_adds_its_record_key_to_the_counts_it_adds_to() {
        IntegrationEvent enrolment = Events.enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE);
        IntegrationEvent other = Events.enrolment(District.EMSLAND, "2026-03-09", CourseType.INTEGRATION_COURSE);
        try (TopologyFixture topology = new TopologyFixture()) {
            topology.send(enrolment);
            topology.send(other);
            topology.send(enrolment);
            MonthlyCounters counters = topology.latest().get("03454|2026-03");
            long expected = TopologyFixture.RECORD_KEYS.keyOf(enrolment.eventId())
                    + TopologyFixture.RECORD_KEYS.keyOf(other.eventId());
            assertThat(counters.courseTotal(null).enrolments()).isEqualTo(2);
            assertThat(counters.keySums().courseTotal(null).enrolments()).isEqualTo(expected);
        }
    }

    @Test
    void record_keys_are_32_bits_fixed_per_event_and_differ_by_secret() {
        RecordKeys one = RecordKeys.hmac("one secret of at least thirty-two chars".getBytes());
        RecordKeys two = RecordKeys.hmac("another secret of thirty-two chars or more".getBytes());
        List<IntegrationEvent> events = IntStream.range(0, 2000)
                .mapToObj(i -> Events.enrolment(District.LEER, "2026-01-01", CourseType.INTEGRATION_COURSE)).toList();
        long same = 0;
        double sum = 0;
        for (IntegrationEvent e : events) {
            long key = one.keyOf(e.eventId());
            assertThat(key).isBetween(0L, 0xFFFF_FFFFL).isEqualTo(one.keyOf(e.eventId()));
            same += key == two.keyOf(e.eventId()) ? 1 : 0;
            sum += key / 0x1.0p32;
        }
        assertThat(same).isZero();
        assertThat(sum / events.size()).as("uniform in [0, 1) on average").isBetween(0.45, 0.55);
    }

    /** Enrolments, completions and placements of a small pool of participants, and one pseudonym with too many events. */
    private static List<IntegrationEvent> stream(Random random) {
        List<IntegrationEvent> events = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 400; i++) {
            String participant = "p" + random.nextInt(40);
            District district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            LocalDate day = start.plusDays(random.nextInt(500));
            events.add(switch (random.nextInt(3)) {
                case 0 -> Events.enrolment(participant, district, day);
                case 1 -> Events.completion(participant, district, day, OUTCOMES[random.nextInt(OUTCOMES.length)]);
                default -> Events.placement(participant, district, day);
            });
        }
        for (int i = 0; i < ChainContribution.MAX_EVENTS_PER_PARTICIPANT + 5; i++) {
            events.add(Events.completion("placeholder", District.LEER, start.plusDays(i), Outcome.PASSED));
        }
        Collections.shuffle(events, random);
        return events;
    }

    /**
     * Waiting time, access time and who waits since when are counted under the key of the start or of the report
     * waited from: with every key 1 their key sums are their counts, and with real keys they do not depend on the
     * order of the events, on same-day ties, or on whether a retraction comes before or after its event.
     */
    @Test
    void the_key_sums_of_access_and_waiting_follow_their_events_whatever_the_order() {
        List<IntegrationEvent> events = waits(new Random(21));
        try (TopologyFixture topology = new TopologyFixture(eventId -> 1L)) {
            send(topology, events);
            Map<String, MonthlyCounters> latest = topology.latest();
            latest.forEach((key, counters) -> assertThat(counters.keySums()).as(key)
                    .isEqualTo(new MonthlyCounters(counters.courses(), counters.placements(), counters.chain(), null,
                            null, counters.tallies())));
            assertThat(latest.values().stream().flatMap(c -> c.chain().values().stream()).toList())
                    .as("some waiting times, access times and waits")
                    .anySatisfy(c -> assertThat(c.waitingTimeDays()).isNotEmpty())
                    .anySatisfy(c -> assertThat(c.accessTimeDays()).isNotEmpty())
                    .anySatisfy(c -> assertThat(c.waitingSinceByDay()).isNotEmpty());
        }
        Map<String, MonthlyCounters> inOrder;
        try (TopologyFixture topology = new TopologyFixture()) {
            send(topology, events);
            inOrder = topology.latest();
        }
        for (long seed = 22; seed < 25; seed++) {
            List<IntegrationEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            try (TopologyFixture topology = new TopologyFixture()) {
                send(topology, shuffled);
                Map<String, MonthlyCounters> latest = topology.latest();
                assertThat(latest.keySet()).as("seed %d", seed).isEqualTo(inOrder.keySet());
                for (String key : latest.keySet()) {
                    assertThat(latest.get(key).chain()).as("%s, seed %d", key, seed)
                            .isEqualTo(inOrder.get(key).chain());
                    assertThat(latest.get(key).keySums()).as("%s, seed %d", key, seed)
                            .isEqualTo(inOrder.get(key).keySums());
                }
            }
        }
    }

    /**
     * Entitlements, enrolments and course starts of a few participants over a few days, so that reports of one
     * participant often fall on the same day in different districts; a tenth retracted by their provider.
     */
    private static List<IntegrationEvent> waits(Random random) {
        List<IntegrationEvent> events = new ArrayList<>();
        LocalDate start = LocalDate.of(2025, 1, 1);
        CourseType[] types = {CourseType.INTEGRATION_COURSE, CourseType.JOB_LANGUAGE_COURSE};
        for (int i = 0; i < 300; i++) {
            String participant = "p" + random.nextInt(30);
            District district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            LocalDate day = start.plusDays(random.nextInt(60));
            CourseType type = types[random.nextInt(types.length)];
            EventType kind = new EventType[]{EventType.ENTITLEMENT, EventType.COURSE_ENROLMENT,
                    EventType.COURSE_START}[random.nextInt(3)];
            IntegrationEvent e = new IntegrationEvent(UUID.randomUUID(), kind, day, district, participant,
                    kind == EventType.ENTITLEMENT ? null : type, null, null, null, null, null, null, null, null,
                    kind == EventType.ENTITLEMENT ? Entitlement.values()[0] : null,
                    kind == EventType.ENTITLEMENT ? Issuer.values()[0] : null, null, "demo", Instant.EPOCH);
            events.add(e);
            if (random.nextInt(10) == 0) {
                events.add(Events.retraction(e));
            }
        }
        return events;
    }

    private static void send(TopologyFixture topology, List<IntegrationEvent> events) {
        events.forEach(topology::send);
    }

}
