package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static de.weserems.integration.dashboard.indicators.testing.Events.completion;
import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static de.weserems.integration.dashboard.indicators.testing.Events.placement;
import static org.assertj.core.api.Assertions.assertThat;

/** The chain counters the topology writes, per completion in the completion's district and month. */
class ChainTopologyTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private static final String EMSLAND_MARCH = "03454|2025-03";
    /** A new driver for each test: JUnit makes a new instance per test method. */
    private final TopologyFixture topology = new TopologyFixture();

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void a_placement_on_day_0_and_on_day_183_is_within_6_months_on_day_184_it_is_not() {
        passedWithPlacementAfter("p0", 0);
        passedWithPlacementAfter("p183", 183);
        passedWithPlacementAfter("p184", 184);

        ChainCounters chain = chain(EMSLAND_MARCH);
        assertThat(chain.passedByDay()).containsExactly(Map.entry(10, 3L));
        assertThat(chain.placedWithin6MonthsByDay()).containsExactly(Map.entry(10, 2L));
        assertThat(chain.daysToPlacement()).containsOnly(Map.entry(0, 1L), Map.entry(183, 1L), Map.entry(184, 1L));
    }

    @Test
    void days_to_placement_take_the_first_placement_within_365_days() {
        send(completion("a", District.EMSLAND, DAY, Outcome.FAILED));
        send(placement("a", District.EMSLAND, DAY.plusDays(90)));
        send(placement("a", District.EMSLAND, DAY.plusDays(30)));
        send(placement("a", District.EMSLAND, DAY.minusDays(5)));
        send(completion("b", District.EMSLAND, DAY, Outcome.PASSED));
        send(placement("b", District.EMSLAND, DAY.plusDays(366)));
        send(completion("c", District.EMSLAND, DAY, Outcome.PASSED));
        send(placement("c", District.EMSLAND, DAY.plusDays(365)));

        ChainCounters chain = chain(EMSLAND_MARCH);
        assertThat(chain.daysToPlacement()).containsOnly(Map.entry(30, 1L), Map.entry(365, 1L));
        assertThat(chain.passedByDay()).containsExactly(Map.entry(10, 2L));
        assertThat(chain.placedWithin6MonthsByDay()).isEmpty();
    }

    @Test
    void waiting_days_count_the_first_enrolment_1_to_365_days_after_and_not_one_on_the_same_day() {
        send(completion("a", District.EMSLAND, DAY, Outcome.PASSED));
        send(enrolment("a", District.EMSLAND, DAY));
        send(enrolment("a", District.EMSLAND, DAY.plusDays(1)));
        send(completion("b", District.EMSLAND, DAY, Outcome.FAILED));
        send(enrolment("b", District.EMSLAND, DAY));
        send(enrolment("b", District.EMSLAND, DAY.plusDays(365)));
        send(completion("c", District.EMSLAND, DAY, Outcome.FAILED));
        send(enrolment("c", District.EMSLAND, DAY));
        send(enrolment("c", District.EMSLAND, DAY.plusDays(366)));

        assertThat(chain(EMSLAND_MARCH).waitingDays()).containsOnly(Map.entry(1, 1L), Map.entry(365, 1L));
    }

    @Test
    void a_placement_known_before_its_completion_is_found_when_the_completion_comes() {
        send(placement("a", District.EMSLAND, DAY.plusDays(40)));
        send(enrolment("a", District.EMSLAND, DAY.plusDays(7)));
        send(completion("a", District.EMSLAND, DAY, Outcome.PASSED));

        ChainCounters chain = chain(EMSLAND_MARCH);
        assertThat(chain.daysToPlacement()).containsExactly(Map.entry(40, 1L));
        assertThat(chain.waitingDays()).containsExactly(Map.entry(7, 1L));
        assertThat(chain.placedWithin6MonthsByDay()).containsExactly(Map.entry(10, 1L));
    }

    @Test
    void a_late_earlier_placement_replaces_the_figures_of_the_completion_it_now_leads() {
        send(completion("a", District.EMSLAND, DAY, Outcome.PASSED));
        send(placement("a", District.EMSLAND, DAY.plusDays(200)));
        assertThat(chain(EMSLAND_MARCH).daysToPlacement()).containsExactly(Map.entry(200, 1L));
        assertThat(chain(EMSLAND_MARCH).placedWithin6MonthsByDay()).isEmpty();

        send(placement("a", District.EMSLAND, DAY.plusDays(50)));

        ChainCounters chain = chain(EMSLAND_MARCH);
        assertThat(chain.daysToPlacement()).containsExactly(Map.entry(50, 1L));
        assertThat(chain.placedWithin6MonthsByDay()).containsExactly(Map.entry(10, 1L));
        assertThat(chain.passedByDay()).containsExactly(Map.entry(10, 1L));
    }

    @Test
    void one_placement_serves_every_earlier_completion_of_the_participant() {
        send(completion("a", District.EMSLAND, DAY, Outcome.PASSED));
        send(completion("a", District.EMSLAND, DAY.plusDays(20), CourseType.JOB_LANGUAGE_COURSE, Outcome.FAILED));
        send(placement("a", District.EMSLAND, DAY.plusDays(25)));

        Map<CourseType, ChainCounters> chain = topology.latest().get(EMSLAND_MARCH).chain();
        assertThat(chain.get(CourseType.INTEGRATION_COURSE).daysToPlacement()).containsExactly(Map.entry(25, 1L));
        assertThat(chain.get(CourseType.JOB_LANGUAGE_COURSE).daysToPlacement()).containsExactly(Map.entry(5, 1L));
        assertThat(chain.get(CourseType.JOB_LANGUAGE_COURSE).passedByDay()).isEmpty();
    }

    @Test
    void resent_events_count_once_in_the_chain() {
        IntegrationEvent completion = completion("a", District.EMSLAND, DAY, Outcome.PASSED);
        IntegrationEvent placement = placement("a", District.EMSLAND, DAY.plusDays(3));
        send(completion);
        send(placement);
        send(completion);
        send(placement);
        send(completion);

        ChainCounters chain = chain(EMSLAND_MARCH);
        assertThat(chain.passedByDay()).containsExactly(Map.entry(10, 1L));
        assertThat(chain.daysToPlacement()).containsExactly(Map.entry(3, 1L));
    }

    @Test
    void events_without_participant_count_nowhere_in_the_chain() {
        send(completion(null, District.EMSLAND, DAY, Outcome.PASSED));
        send(placement(null, District.EMSLAND, DAY.plusDays(3)));
        send(enrolment(null, District.EMSLAND, DAY.plusDays(3)));

        MonthlyCounters counters = topology.latest().get(EMSLAND_MARCH);
        assertThat(counters.courseTotal(null).passed()).isEqualTo(1);
        assertThat(counters.chain()).isEmpty();
    }

    @Test
    void dropouts_count_nowhere_in_the_chain_and_failures_only_in_days() {
        send(completion("a", District.EMSLAND, DAY, Outcome.DROPPED_OUT));
        send(completion("b", District.EMSLAND, DAY, Outcome.FAILED));
        send(placement("a", District.EMSLAND, DAY.plusDays(3)));
        send(placement("b", District.EMSLAND, DAY.plusDays(4)));

        ChainCounters chain = chain(EMSLAND_MARCH);
        assertThat(chain.daysToPlacement()).containsExactly(Map.entry(4, 1L));
        assertThat(chain.passedByDay()).isEmpty();
    }

    @Test
    void a_placement_in_another_district_counts_in_the_completions_district_and_month() {
        send(completion("a", District.EMSLAND, DAY, Outcome.PASSED));
        send(placement("a", District.LEER, DAY.plusDays(30)));

        Map<String, MonthlyCounters> latest = topology.latest();
        assertThat(latest.get(EMSLAND_MARCH).chain().get(CourseType.INTEGRATION_COURSE).daysToPlacement())
                .containsExactly(Map.entry(30, 1L));
        assertThat(latest.get("03457|2025-04").placementTotal()).isEqualTo(1);
        assertThat(latest.get("03457|2025-04").chain()).isEmpty();
    }

    @Test
    void a_pseudonym_standing_for_more_events_than_one_person_has_leaves_the_chain_and_is_counted_as_excluded() {
        // a real participant beside it keeps its figures
        send(completion("real", District.EMSLAND, DAY, Outcome.PASSED));
        send(placement("real", District.EMSLAND, DAY.plusDays(10)));
        // "0": a placeholder a provider sent for everybody
        send(completion("0", District.EMSLAND, DAY, Outcome.PASSED));
        send(completion("0", District.EMSLAND, DAY.plusDays(1), Outcome.FAILED));
        for (int i = 0; i < ChainContribution.MAX_EVENTS_PER_PARTICIPANT - 3; i++) {
            send(enrolment("0", District.EMSLAND, DAY.plusDays(2 + i % 300)));
        }
        send(placement("0", District.EMSLAND, DAY.plusDays(5)));
        ChainCounters before = chain(EMSLAND_MARCH);
        assertThat(before.passedByDay()).as("at the limit it still counts").containsExactly(Map.entry(10, 2L));
        assertThat(before.excluded()).isZero();

        send(enrolment("0", District.EMSLAND, DAY.plusDays(9)));               // one event too many
        send(completion("0", District.EMSLAND, DAY.plusDays(3), Outcome.PASSED)); // and later ones
        ChainCounters after = chain(EMSLAND_MARCH);
        assertThat(after.passedByDay()).containsExactly(Map.entry(10, 1L));
        assertThat(after.daysToPlacement()).containsExactly(Map.entry(10, 1L));
        assertThat(after.placedWithin6MonthsByDay()).containsExactly(Map.entry(10, 1L));
        assertThat(after.waitingDays()).isEmpty();
        assertThat(after.excluded()).isEqualTo(3);
        assertThat(topology.excludedParticipants()).isEqualTo(1);
        // the counts are not the chain's: every completion still counts there
        assertThat(topology.latest().get(EMSLAND_MARCH).courseTotal(null).passed()).isEqualTo(3);
    }

    @Test
    void an_excluded_pseudonyms_history_stays_small_and_further_events_write_nothing_to_it() {
        for (int i = 0; i < ChainContribution.MAX_EVENTS_PER_PARTICIPANT + 50; i++) {
            send(completion("unbekannt", District.EMSLAND, DAY.plusDays(i % 20), Outcome.PASSED));
        }
        KeyValueStore<String, ParticipantHistory> histories = topology.driver.getKeyValueStore(
                ChainTopology.PARTICIPANT_HISTORY);
        ParticipantHistory history = histories.get("unbekannt");
        assertThat(history).isEqualTo(ParticipantHistory.EXCLUDED);
        assertThat(InternalFormats.PARTICIPANT_HISTORY.serializer().serialize("t", history)).hasSizeLessThan(16);
        assertThat(chain(EMSLAND_MARCH).excluded()).isEqualTo(ChainContribution.MAX_EVENTS_PER_PARTICIPANT + 50);
        assertThat(chain(EMSLAND_MARCH).passedByDay()).isEmpty();
    }

    private void passedWithPlacementAfter(String participant, int days) {
        send(completion(participant, District.EMSLAND, DAY, Outcome.PASSED));
        send(placement(participant, District.EMSLAND, DAY.plusDays(days)));
    }

    private ChainCounters chain(String key) {
        return topology.latest().get(key).chain().get(CourseType.INTEGRATION_COURSE);
    }

    private void send(IntegrationEvent event) {
        topology.send(event);
    }
}
