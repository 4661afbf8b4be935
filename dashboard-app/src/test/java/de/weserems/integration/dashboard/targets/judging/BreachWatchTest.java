package de.weserems.integration.dashboard.targets.judging;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Alerts.Alert;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.dashboard.targets.store.TargetStore;
import de.weserems.integration.dashboard.targets.store.TargetStoreTestAccess;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Region;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judging of this instance on the real queries: published figures decide, a breach that starts or ends
 * counts in {@code weserems.targets.breaches}, and nothing is judged on partial figures or before every
 * target has been read.
 */
class BreachWatchTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final Clock clock = Clock.fixed(TODAY.atTime(9, 30).atZone(Region.ZONE).toInstant(), ZoneOffset.UTC);
    private final DashboardProperties properties = new DashboardProperties(true,
            new DashboardProperties.Confidentiality(3, 10, null, 3, 1.0), new DashboardProperties.Kafka(3, (short) 1, 1),
            List.of(), Duration.ofSeconds(1));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double breaches(String transition) {
        return meters.get("weserems.targets.breaches").tag("transition", transition).counter().count();
    }

    private static void complete(IndicatorReadModel model, District district, int times, Outcome outcome) {
        for (int i = 0; i < times; i++) {
            TestReadModels.count(model, new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION, TODAY,
                    district, null, CourseType.INTEGRATION_COURSE, outcome, null, null, "demo", Instant.now()));
        }
    }

    private Target completionAtLeast(String percent) {
        return new Target(JudgedIndicator.COMPLETION_RATE, District.CLOPPENBURG.ags(), Comparison.AT_LEAST,
                new BigDecimal(percent), 3, "admin", clock.instant());
    }

    @Test
    void a_breach_of_the_published_figures_starts_and_ends_and_each_counts_once() {
        IndicatorReadModel model = TestReadModels.empty();
        TargetStore targets = TargetStoreTestAccess.inMemory();
        BreachWatch watch = new BreachWatch(new IndicatorQueries(model, properties, clock), model, targets, meters, clock);
        assertThat(breaches("started")).as("registered at 0 before any breach").isZero();
        assertThat(breaches("ended")).isZero();

        targets.set(completionAtLeast("99"));
        watch.judgeNow();
        assertThat(watch.current()).as("no reports: not judged").isEmpty();

        complete(model, District.CLOPPENBURG, 12, Outcome.PASSED);
        complete(model, District.CLOPPENBURG, 12, Outcome.DROPPED_OUT);
        watch.judgeNow();
        assertThat(breaches("started")).isEqualTo(1);
        assertThat(watch.recent()).singleElement().satisfies(a -> {
            assertThat(a.started()).isTrue();
            assertThat(a.area()).isEqualTo(District.CLOPPENBURG.ags());
            assertThat(a.value()).as("about half, as published").isBetween(new BigDecimal("30"), new BigDecimal("70"));
        });
        assertThat(watch.current()).hasSize(1);
        watch.judgeNow();
        assertThat(breaches("started")).as("a standing breach counts once").isEqualTo(1);

        targets.set(completionAtLeast("10"));
        watch.judgeNow();
        assertThat(breaches("ended")).isEqualTo(1);
        assertThat(watch.current()).isEmpty();
        assertThat(watch.recent()).extracting(Alert::started).containsExactly(false, true);
    }

    @Test
    void nothing_is_judged_while_the_figures_load_or_the_targets_are_still_read() {
        IndicatorReadModel loading = TestReadModels.loading();
        TargetStore targets = TargetStoreTestAccess.inMemory();
        targets.set(completionAtLeast("99"));
        complete(loading, District.CLOPPENBURG, 20, Outcome.DROPPED_OUT);
        BreachWatch watch = new BreachWatch(new IndicatorQueries(loading, properties, clock), loading, targets, meters,
                clock);
        watch.judgeNow();
        assertThat(watch.current()).as("partial figures judge nothing").isEmpty();

        TestReadModels.finishLoading(loading);
        watch.judgeNow();
        assertThat(watch.current()).as("complete figures: the breach stands").hasSize(1);
        assertThat(breaches("started")).as("the first judgement only takes stock").isZero();

        IndicatorReadModel loaded = TestReadModels.empty();
        complete(loaded, District.CLOPPENBURG, 20, Outcome.DROPPED_OUT);
        BreachWatch stillReading = new BreachWatch(new IndicatorQueries(loaded, properties, clock), loaded,
                TargetStoreTestAccess.reading(), meters, clock);
        stillReading.judgeNow();
        stillReading.judgeNow();
        assertThat(stillReading.current()).isEmpty();
        assertThat(breaches("started")).isZero();
    }
}
