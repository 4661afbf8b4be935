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

        AreaFigures lastDayOfWindow = emsland(report(DAY.plusDays(183), MARCH, MARCH, null, 1, 1));
        assertThat(lastDayOfWindow.chain().pending()).isEqualTo(1);
        assertThat(lastDayOfWindow.rates().get("placementWithin6Months")).isNull();
        assertThat(lastDayOfWindow.chain().medianDaysToPlacement()).isEqualByComparingTo("30.0");

        AreaFigures dayAfter = emsland(report(DAY.plusDays(184), MARCH, MARCH, null, 1, 1));
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

        AreaFigures emsland = emsland(report(DAY.plusDays(184), MARCH, MARCH, null, 1, 1));
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
        assertThat(emsland(report(DAY, MARCH, MARCH, null, 1, 1)).chain().medianWaitingDays())
                .isEqualByComparingTo("25.5");
        enrolledAfter(District.EMSLAND, DAY, 365);
        assertThat(emsland(report(DAY, MARCH, MARCH, null, 1, 1)).chain().medianWaitingDays())
                .isEqualByComparingTo("31.0");
    }

    @Test
    void medians_combine_months_and_districts_from_their_histograms() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        passedWithPlacementAfter(District.LEER, DAY.plusMonths(1), 20);
        passedWithPlacementAfter(District.LEER, DAY.plusMonths(1), 30);
        passedWithPlacementAfter(District.LEER, DAY.plusMonths(1), 40);

        IndicatorReport report = report(DAY.plusYears(1), MARCH, MARCH.plusMonths(1), null, 1, 1);
        assertThat(report.region().chain().medianDaysToPlacement()).isEqualByComparingTo("25.0");
        assertThat(emsland(report).chain().medianDaysToPlacement()).isEqualByComparingTo("10.0");
        assertThat(byAgs(report, "03457").chain().medianDaysToPlacement()).isEqualByComparingTo("30.0");
        assertThat(emsland(report(DAY.plusYears(1), MARCH.plusMonths(1), MARCH.plusMonths(1), null, 1, 1))
                .chain().medianDaysToPlacement()).isNull();
    }

    @Test
    void the_course_type_filter_applies_to_the_chain_figures_of_the_completions() {
        passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        String p = "job-language";
        topology.send(completion(p, District.EMSLAND, DAY, CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED));
        topology.send(placement(p, District.EMSLAND, DAY.plusDays(50)));

        LocalDate today = DAY.plusYears(1);
        assertThat(emsland(report(today, MARCH, MARCH, null, 1, 1)).chain().medianDaysToPlacement())
                .isEqualByComparingTo("30.0");
        assertThat(emsland(report(today, MARCH, MARCH, CourseType.JOB_LANGUAGE_COURSE, 1, 1)).chain()
                .medianDaysToPlacement()).isEqualByComparingTo("50.0");
    }

    @Test
    void medians_need_ten_cases_and_the_rate_ten_ended_completions_and_not_one_or_two_placed() {
        for (int i = 0; i < 9; i++) {
            passedWithPlacementAfter(District.EMSLAND, DAY, 200 + i);
        }
        AreaFigures nine = emsland(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10));
        assertThat(nine.chain().medianDaysToPlacement()).isNull();
        assertThat(nine.rates().get("placementWithin6Months")).isNull();
        assertThat(nine.withheld()).contains("chain.medianDaysToPlacement", "chain.medianWaitingDays",
                "rates.placementWithin6Months");

        passedWithPlacementAfter(District.EMSLAND, DAY, 20);
        AreaFigures oneOfTen = emsland(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10));
        assertThat(oneOfTen.chain().medianDaysToPlacement()).isEqualByComparingTo("203.5");
        assertThat(oneOfTen.rates().get("placementWithin6Months")).isNull();
        assertThat(oneOfTen.withheld()).contains("rates.placementWithin6Months")
                .doesNotContain("chain.medianDaysToPlacement");

        for (int i = 0; i < 2; i++) {
            passedWithPlacementAfter(District.EMSLAND, DAY, 20);
        }
        AreaFigures threeOfTwelve = emsland(report(DAY.plusYears(1), MARCH, MARCH, null, 3, 10));
        assertThat(threeOfTwelve.rates().get("placementWithin6Months")).isEqualByComparingTo("0.2500");
    }

    @Test
    void a_pending_count_of_one_or_two_is_withheld_and_not_recoverable_from_the_region() {
        for (int i = 0; i < 5; i++) {
            passedWithPlacementAfter(District.EMSLAND, DAY, 10);
        }
        passedWithPlacementAfter(District.LEER, DAY, 10);

        IndicatorReport report = report(DAY.plusDays(1), MARCH, MARCH, null, 3, 10);
        assertThat(byAgs(report, "03457").chain().pending()).isNull();
        assertThat(byAgs(report, "03457").withheld()).contains("chain.pending");
        assertThat(emsland(report).chain().pending()).isNull();
        assertThat(report.region().chain().pending()).isEqualTo(6);
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

    private IndicatorReport report(LocalDate today, YearMonth from, YearMonth to, CourseType courseType,
                                   int minCount, int minCases) {
        IndicatorQueries queries = new IndicatorQueries(TestReadModels.of(topology.latest()),
                TestSettings.properties(minCount, minCases),
                Clock.fixed(today.atTime(12, 0).atZone(Region.ZONE).toInstant(),
                        Region.ZONE));
        return queries.report(from, to, Set.of(), courseType);
    }

    private static AreaFigures emsland(IndicatorReport report) {
        return byAgs(report, "03454");
    }
}
