package de.weserems.integration.dashboard.indicators;

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
