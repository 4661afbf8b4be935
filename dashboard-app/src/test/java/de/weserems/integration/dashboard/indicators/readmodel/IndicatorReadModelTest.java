package de.weserems.integration.dashboard.indicators.readmodel;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorReadModelTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IndicatorReadModel model = new IndicatorReadModel(null, JsonMapper.builder().build(), meters);

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
    void a_re_read_from_the_start_of_the_topic_is_served_only_once_complete_and_figures_never_go_backwards() {
        var listener = model.tailListener();
        JsonMapper json = JsonMapper.builder().build();
        MonthlyCounters one = MonthlyCounters.empty().add(enrolment(Instant.now()));
        MonthlyCounters two = one.add(enrolment(Instant.now()));
        assertThat(model.loaded()).isFalse();

        listener.reset();
        listener.records(records(json, "03454|2026-11", one));
        assertThat(model.loaded()).as("not loaded before the tail caught up").isFalse();
        listener.records(records(json, "03454|2026-11", two));
        listener.caughtUp();
        assertThat(model.loaded()).isTrue();
        assertThat(model.get("03454|2026-11")).isEqualTo(two);

        // the consumer lost the broker and reads the topic again: the complete figures stay served
        listener.reset();
        listener.records(records(json, "03454|2026-11", one));
        assertThat(model.get("03454|2026-11")).as("mid re-read").isEqualTo(two);
        assertThat(model.snapshot()).containsOnlyKeys("03454|2026-11");
        listener.records(records(json, "03454|2026-11", two));
        listener.records(records(json, "03457|2026-11", one));
        listener.caughtUp();
        assertThat(model.get("03457|2026-11")).isEqualTo(one);
        assertThat(model.get("03454|2026-11")).isEqualTo(two);
        // replayed old figures are no freshness measurements
        assertThat(meters.get("indicators.freshness").timer().count()).isZero();
        // after catching up, updates are live again
        listener.records(records(json, "03459|2026-11", one));
        assertThat(model.get("03459|2026-11")).isEqualTo(one);
        assertThat(meters.get("indicators.freshness").timer().count()).isEqualTo(1);
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecords<String, byte[]> records(
            JsonMapper json, String key, MonthlyCounters value) {
        var partition = new org.apache.kafka.common.TopicPartition("integration.indicators.v1", 0);
        return new org.apache.kafka.clients.consumer.ConsumerRecords<>(java.util.Map.of(partition, java.util.List.of(
                new org.apache.kafka.clients.consumer.ConsumerRecord<>(partition.topic(), 0, 0L, key,
                        json.writeValueAsBytes(value)))), java.util.Map.of());
    }

    @Test
    void the_newest_receipt_wins_whatever_order_events_are_counted_in() {
        Instant early = Instant.parse("2026-11-01T10:00:00Z");
        Instant late = Instant.parse("2026-11-02T10:00:00Z");
        assertThat(MonthlyCounters.empty().add(enrolment(late)).add(enrolment(early)).lastReceivedAt()).isEqualTo(late);
        assertThat(MonthlyCounters.empty().add(enrolment(early)).add(enrolment(late)).lastReceivedAt()).isEqualTo(late);
    }

    private static IntegrationEvent enrolment(Instant receivedAt) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.of(2026, 11, 2),
                District.EMSLAND, null, CourseType.INTEGRATION_COURSE, null, null, null, "test", receivedAt);
    }
}
