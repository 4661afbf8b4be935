package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.testing.Events;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's two speeds on the topology: while its generation catches up, the added-up changes
 * reach the indicator topic only every catch-up interval; once live, every live interval — the
 * switch needs no restart of the topology.
 */
class PaceTest {

    private static final Duration LIVE = Duration.ofMillis(100);
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private volatile boolean live;

    @Test
    void catching_up_passes_changes_on_every_catch_up_interval_and_live_every_live_interval() {
        try (TopologyFixture topology = new TopologyFixture(new TestPace(() -> live, LIVE, CATCH_UP))) {
            // the first pass-on comes at the first interval: nothing was passed on before
            topology.send(Events.enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE));
            topology.driver.advanceWallClockTime(LIVE);
            assertThat(topology.indicators.readKeyValuesToList()).hasSize(1);

            topology.send(Events.enrolment(District.EMSLAND, "2026-03-03", CourseType.INTEGRATION_COURSE));
            for (int i = 0; i < 10; i++) {
                topology.driver.advanceWallClockTime(LIVE);
            }
            assertThat(topology.indicators.isEmpty()).as("a second later, while catching up").isTrue();
            topology.driver.advanceWallClockTime(CATCH_UP);
            assertThat(topology.indicators.readValuesToList()).singleElement()
                    .satisfies(c -> assertThat(c.courseTotal(null).enrolments()).isEqualTo(2));

            live = true;
            topology.send(Events.enrolment(District.EMSLAND, "2026-03-04", CourseType.INTEGRATION_COURSE));
            topology.driver.advanceWallClockTime(LIVE);
            assertThat(topology.indicators.readValuesToList()).as("live, one interval later").singleElement()
                    .satisfies(c -> assertThat(c.courseTotal(null).enrolments()).isEqualTo(3));
        }
    }
}
