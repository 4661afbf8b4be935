package de.weserems.integration.dashboard.indicators.readmodel;

import de.weserems.integration.dashboard.indicators.generation.CaughtUpGenerations;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.kafka.TopicTail;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model without Kafka: the topics it reads are driven by hand, as their tails would deliver them. */
class IndicatorReadModelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EngineGeneration V4 = new EngineGeneration("v4");
    private static final EngineGeneration V5 = new EngineGeneration("v5");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Generations generations = new Generations();
    private final Map<String, TopicTail.Listener> tails = new HashMap<>();
    private final List<String> closed = new ArrayList<>();
    private final IndicatorReadModel model = new IndicatorReadModel((topic, listener) -> {
        tails.put(topic, listener);
        return new IndicatorReadModel.Tail() {
            @Override
            public Map<TopicPartition, Long> positions() {
                return Map.of();
            }

            @Override
            public void close() {
                closed.add(topic);
            }
        };
    }, generations, JSON, meters);

    @AfterEach
    void stop() {
        model.stop();
    }

    @Test
    void freshness_is_measured_once_per_newly_received_event_from_receipt_to_the_read_model() {
        Instant received = Instant.now().minus(Duration.ofMillis(800));
        MonthlyCounters counters = MonthlyCounters.empty().add(enrolment(received));
        model.update("03454|2026-11", counters);
        // the same record again (a re-read after a reconnect) is not a new measurement
        model.update("03454|2026-11", counters);
        // a chain-only change keeps lastReceivedAt: not measured either
        model.update("03454|2026-11", new MonthlyCounters(counters.courses(), counters.placements(),
                counters.chain(), counters.lastReceivedAt()));

        Timer freshness = meters.get("indicators.freshness").timer();
        assertThat(freshness.count()).isEqualTo(1);
        assertThat(freshness.totalTime(TimeUnit.MILLISECONDS)).isBetween(800.0, 60_000.0);
        assertThat(meters.get("indicators.read.model.keys").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void nothing_is_served_before_a_generation_has_caught_up() {
        model.start();
        assertThat(model.loaded()).isFalse();
        assertThat(tails).isEmpty();
        assertThat(model.serving()).isEmpty();
    }

    @Test
    void a_re_read_from_the_start_of_the_topic_is_served_only_once_complete_and_figures_never_go_backwards() {
        generations.caughtUp(V4);
        model.start();
        TopicTail.Listener listener = tails.get("integration.indicators.v4");
        MonthlyCounters one = MonthlyCounters.empty().add(enrolment(Instant.now()));
        MonthlyCounters two = one.add(enrolment(Instant.now()));
        assertThat(model.loaded()).isFalse();

        listener.reset();
        listener.records(records("03454|2026-11", one));
        assertThat(model.loaded()).as("not loaded before the tail caught up").isFalse();
        listener.records(records("03454|2026-11", two));
        listener.caughtUp();
        assertThat(model.loaded()).isTrue();
        assertThat(model.serving()).contains(V4);
        assertThat(model.get("03454|2026-11")).isEqualTo(two);

        // the consumer lost the broker and reads the topic again: the complete figures stay served
        listener.reset();
        listener.records(records("03454|2026-11", one));
        assertThat(model.get("03454|2026-11")).as("mid re-read").isEqualTo(two);
        assertThat(model.snapshot()).containsOnlyKeys("03454|2026-11");
        listener.records(records("03454|2026-11", two));
        listener.records(records("03457|2026-11", one));
        listener.caughtUp();
        assertThat(model.get("03457|2026-11")).isEqualTo(one);
        assertThat(model.get("03454|2026-11")).isEqualTo(two);
        // replayed old figures are no freshness measurements
        assertThat(meters.get("indicators.freshness").timer().count()).isZero();
        // after catching up, updates are live again
        listener.records(records("03459|2026-11", one));
        assertThat(model.get("03459|2026-11")).isEqualTo(one);
        assertThat(meters.get("indicators.freshness").timer().count()).isEqualTo(1);
    }

    @Test
    void a_newer_generation_takes_over_only_once_its_topic_is_read_to_the_end_and_the_old_one_serves_until_then() {
        MonthlyCounters one = MonthlyCounters.empty().add(enrolment(Instant.now()));
        MonthlyCounters two = one.add(enrolment(Instant.now()));
        MonthlyCounters three = two.add(enrolment(Instant.now()));
        generations.caughtUp(V4);
        model.start();
        TopicTail.Listener v4 = tails.get("integration.indicators.v4");
        v4.reset();
        v4.records(records("03454|2026-11", two));
        v4.caughtUp();

        generations.caughtUp(V5);
        TopicTail.Listener v5 = tails.get("integration.indicators.v5");
        assertThat(v5).as("the newer generation's topic is read beside the served one").isNotNull();
        v5.reset();
        v5.records(records("03454|2026-11", one));
        assertThat(model.get("03454|2026-11")).as("partial figures of the new generation are not served").isEqualTo(two);
        v4.records(records("03454|2026-11", three));
        assertThat(model.get("03454|2026-11")).as("the old generation stays live until the switch").isEqualTo(three);
        assertThat(model.serving()).contains(V4);

        v5.records(records("03454|2026-11", three));
        v5.caughtUp();
        assertThat(model.serving()).contains(V5);
        assertThat(model.get("03454|2026-11")).isEqualTo(three);
        assertThat(closed).containsExactly("integration.indicators.v4");
        // the old topic's late records change nothing any more
        v4.records(records("03457|2026-11", one));
        assertThat(model.get("03457|2026-11")).isNull();
    }

    @Test
    void the_newest_receipt_wins_whatever_order_events_are_counted_in() {
        Instant early = Instant.parse("2026-11-01T10:00:00Z");
        Instant late = Instant.parse("2026-11-02T10:00:00Z");
        assertThat(MonthlyCounters.empty().add(enrolment(late)).add(enrolment(early)).lastReceivedAt()).isEqualTo(late);
        assertThat(MonthlyCounters.empty().add(enrolment(early)).add(enrolment(late)).lastReceivedAt()).isEqualTo(late);
    }

    private static ConsumerRecords<String, byte[]> records(String key, MonthlyCounters value) {
        TopicPartition partition = new TopicPartition("integration.indicators.test", 0);
        return new ConsumerRecords<>(Map.of(partition, List.of(new ConsumerRecord<>(partition.topic(), 0, 0L, key,
                JSON.writeValueAsBytes(value)))), Map.of());
    }

    private static IntegrationEvent enrolment(Instant receivedAt) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.of(2026, 11, 2),
                District.EMSLAND, null, CourseType.INTEGRATION_COURSE, null, null, null, "test", receivedAt);
    }

    /** The generations that caught up, as a test says. */
    private static final class Generations implements CaughtUpGenerations {
        private EngineGeneration newest;
        private final List<Runnable> listeners = new ArrayList<>();

        void caughtUp(EngineGeneration generation) {
            newest = generation;
            listeners.forEach(Runnable::run);
        }

        @Override
        public Optional<EngineGeneration> newestCaughtUp() {
            return Optional.ofNullable(newest);
        }

        @Override
        public void subscribe(Runnable listener) {
            listeners.add(listener);
        }
    }
}
