package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.engine.TopologyFixture;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static de.weserems.integration.dashboard.indicators.testing.Events.completion;
import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static de.weserems.integration.dashboard.indicators.testing.Events.placement;
import static de.weserems.integration.dashboard.indicators.testing.TestSettings.byAgs;
import static org.assertj.core.api.Assertions.assertThat;

/** The chain figures of the read API, from events through the topology to the answer. */
class ChainQueriesTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private final TopologyFixture topology = new TopologyFixture();
    private int participants;

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void a_passed_completion_is_pending_until_its_183_day_window_has_ended() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 30);

        AreaFigures lastDayOfWindow = emsland(exact(DAY.plusDays(183), MARCH, MARCH, null));
        assertThat(lastDayOfWindow.chain().pending()).isEqualTo(1);
        assertThat(lastDayOfWindow.rates().get("placementWithin6Months")).isNull();
        assertThat(lastDayOfWindow.chain().medianDaysToPlacement()).isEqualByComparingTo("30.0");

        AreaFigures dayAfter = emsland(exact(DAY.plusDays(184), MARCH, MARCH, null));
        assertThat(dayAfter.chain().pending()).isZero();
        assertThat(dayAfter.rates().get("placementWithin6Months")).isEqualByComparingTo("1.0000");
    }

    @Test
    void placement_within_6_months_is_the_share_of_ended_passed_completions_placed_within_183_days() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 183);
        passedWithPlacementAfter(District.EMSLAND, DAY, 184);
        passedWithPlacementAfter(District.EMSLAND, DAY.plusDays(1), 10);
        topology.send(completion("failed", District.EMSLAND, DAY, Outcome.FAILED));
        topology.send(placement("failed", District.EMSLAND, DAY.plusDays(1)));

        AreaFigures emsland = emsland(exact(DAY.plusDays(184), MARCH, MARCH, null));
        // the completion of the 11th is still inside its window
        assertThat(emsland.chain().pending()).isEqualTo(1);
        assertThat(emsland.rates().get("placementWithin6Months")).isEqualByComparingTo("0.5000");
        assertThat(emsland.chain().medianDaysToPlacement()).isEqualByComparingTo("96.5");
    }

    @Test
    void a_median_of_an_even_number_of_cases_is_the_mean_of_the_two_middle_ones() {
        for (int days : new int[]{40, 10, 31, 20}) {
            enrolledAfter(District.EMSLAND, DAY, days);
        }
        assertThat(emsland(exact(DAY, MARCH, MARCH, null)).chain().medianWaitingDays())
                .isEqualByComparingTo("25.5");
        enrolledAfter(District.EMSLAND, DAY, 365);
        assertThat(emsland(exact(DAY, MARCH, MARCH, null)).chain().medianWaitingDays())
                .isEqualByComparingTo("31.0");
    }

    @Test
    void medians_combine_months_and_districts_from_their_histograms() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        passedWithPlacementAfter(District.LEER, DAY.plusMonths(1), 20);
        passedWithPlacementAfter(District.LEER, DAY.plusMonths(1), 30);
        passedWithPlacementAfter(District.LEER, DAY.plusMonths(1), 40);

        IndicatorReport report = exact(DAY.plusYears(1), MARCH, MARCH.plusMonths(1), null);
        assertThat(report.region().chain().medianDaysToPlacement()).isEqualByComparingTo("25.0");
        assertThat(emsland(report).chain().medianDaysToPlacement()).isEqualByComparingTo("10.0");
        assertThat(byAgs(report, "03457").chain().medianDaysToPlacement()).isEqualByComparingTo("30.0");
        assertThat(emsland(exact(DAY.plusYears(1), MARCH.plusMonths(1), MARCH.plusMonths(1), null))
                .chain().medianDaysToPlacement()).isNull();
    }

    @Test
    void the_course_type_filter_applies_to_the_chain_figures_of_the_completions() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        String p = "job-language";
        topology.send(completion(p, District.EMSLAND, DAY, CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED));
        topology.send(placement(p, District.EMSLAND, DAY.plusDays(50)));

        LocalDate today = DAY.plusYears(1);
        assertThat(emsland(exact(today, MARCH, MARCH, null)).chain().medianDaysToPlacement())
                .isEqualByComparingTo("30.0");
        assertThat(emsland(exact(today, MARCH, MARCH, CourseType.JOB_LANGUAGE_COURSE)).chain()
                .medianDaysToPlacement()).isEqualByComparingTo("50.0");
    }

    @Test
    void medians_need_ten_cases_and_are_published_in_whole_days() {
        for (int i = 0; i < 9; i++) {
            passedWithPlacementAfter(District.EMSLAND, DAY, 200 + i);
        }
        AreaFigures nine = emsland(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10));
        assertThat(nine.chain().medianDaysToPlacement()).isNull();
        assertThat(nine.withheld()).contains("chain.medianDaysToPlacement");

        passedWithPlacementAfter(District.EMSLAND, DAY, 20);
        AreaFigures ten = emsland(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10));
        assertThat(ten.chain().medianDaysToPlacement()).as("203.5, in whole days").isEqualByComparingTo("204");
        assertThat(ten.withheld()).doesNotContain("chain.medianDaysToPlacement");
        assertThat(emsland(exact(DAY.plusYears(1), MARCH, MARCH, null)).chain().medianDaysToPlacement())
                .as("exact").isEqualByComparingTo("203.5");
    }

    @Test
    void the_placement_rate_needs_ten_published_cases() {
        for (int i = 0; i < 5; i++) {
            passedWithPlacementAfter(District.EMSLAND, DAY, 20);
        }
        AreaFigures five = emsland(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10));
        assertThat(five.rates().get("placementWithin6Months")).isNull();
        assertThat(five.withheld()).contains("rates.placementWithin6Months");
        assertThat(emsland(exact(DAY.plusYears(1), MARCH, MARCH, null)).rates().get("placementWithin6Months"))
                .isEqualByComparingTo("1.0000");
    }

    @Test
    void a_pending_count_of_one_or_two_never_appears_as_itself() {
        for (int i = 0; i < 5; i++) {
            passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        }
        passedWithPlacementAfter(District.LEER, DAY, 10);

        IndicatorReport report = report(DAY.plusDays(1), MARCH, MARCH, null, 3, 10);
        assertThat(byAgs(report, "03457").chain().pending()).isIn(0L, 3L);
        assertThat(emsland(report).chain().pending()).isBetween(3L, 8L);
        assertThat(report.region().chain().pending()).isBetween(3L, 9L);
        assertThat(report.region().withheld()).doesNotContain("chain.pending");
        assertThat(exact(DAY.plusDays(1), MARCH, MARCH, null).region().chain().pending()).isEqualTo(6);
    }

    @Test
    void the_api_answer_has_the_chain_figures_where_the_design_puts_them() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        JsonNode region = TopologyFixture.JSON.valueToTree(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10))
                .get("region");
        assertThat(region.get("rates").has("placementWithin6Months")).isTrue();
        assertThat(region.get("chain").propertyNames())
                .containsExactly("medianDaysToPlacement", "medianWaitingDays", "pending");
        assertThat(region.get("chain").get("medianDaysToPlacement").isNull()).isTrue();
        assertThat(region.get("chain").get("pending").asLong()).isZero();
    }

    private void passedWithPlacementAfter(District district, LocalDate day, int days) {
        String participant = "p" + participants++;
        topology.send(completion(participant, district, day, Outcome.PASSED));
        topology.send(placement(participant, District.OLDENBURG_STADT, day.plusDays(days)));
    }

    private void enrolledAfter(District district, LocalDate day, int days) {
        String participant = "p" + participants++;
        topology.send(completion(participant, district, day, Outcome.FAILED));
        topology.send(enrolment(participant, District.OLDENBURG_STADT, day.plusDays(days)));
    }

    /** The published figures, with these thresholds. */
    private IndicatorReport report(LocalDate today, YearMonth from, YearMonth to, CourseType courseType,
                                   int minCount, int minCases) {
        return queries(today, minCount, minCases).report(from, to, Set.of(), courseType);
    }

    /** The exact figures (role STATISTICS): what the chain definitions give, nothing perturbed. */
    private IndicatorReport exact(LocalDate today, YearMonth from, YearMonth to, CourseType courseType) {
        return queries(today, 3, 10).report(from, to, Set.of(), courseType, true);
    }

    private IndicatorQueries queries(LocalDate today, int minCount, int minCases) {
        return new IndicatorQueries(TestReadModels.of(topology.latest()), TestSettings.properties(minCount, minCases),
                Clock.fixed(today.atTime(12, 0).atZone(Region.ZONE).toInstant(), Region.ZONE));
    }

    private static AreaFigures emsland(IndicatorReport report) {
        return byAgs(report, "03454");
    }
}
