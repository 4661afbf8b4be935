package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.CourseCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.retraction.RetractionOutcome;
import de.weserems.integration.events.retraction.RetractionOutcome.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static de.weserems.integration.dashboard.indicators.testing.Events.completion;
import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static de.weserems.integration.dashboard.indicators.testing.Events.placement;
import static de.weserems.integration.dashboard.indicators.testing.Events.retraction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Retractions decided in the engine (docs/design.md, "Retractions"): a retracted event counts nowhere, in
 * whichever order event and retraction arrive and however often either is resent; a retraction that has
 * no effect says why.
 */
class RetractionTopologyTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private static final String EMSLAND_MARCH = "03454|2025-03";
    /** A new driver for each test: JUnit makes a new instance per test method. */
    private final TopologyFixture topology = new TopologyFixture();

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void a_retracted_event_leaves_the_counts_and_its_record_key_leaves_the_key_sums() {
        IntegrationEvent wrong = enrolment("a", District.EMSLAND, DAY);
        IntegrationEvent right = enrolment("b", District.EMSLAND, DAY.plusDays(2));
        send(wrong);
        send(right);
        assertThat(enrolments(EMSLAND_MARCH)).isEqualTo(2);

        IntegrationEvent retraction = retraction(wrong);
        send(retraction);

        MonthlyCounters counters = topology.latest().get(EMSLAND_MARCH);
        assertThat(counters.courseTotal(null).enrolments()).isEqualTo(1);
        assertThat(counters.keySums().courseTotal(null).enrolments())
                .as("only the key of the event still counted").isEqualTo(keyOf(right));
        assertThat(topology.latest()).as("the retraction's own day counts nothing").doesNotContainKey("03454|2025-04");
        var written = topology.retractionOutcomes.readKeyValuesToList();
        assertThat(written).singleElement().satisfies(kv -> {
            assertThat(kv.key).as("keyed by generation and retraction, nothing personal")
                    .isEqualTo(TopologyFixture.GENERATION + "|" + retraction.eventId());
            RetractionOutcome outcome = RetractionOutcome.fromJson(kv.value);
            assertThat(outcome).usingRecursiveComparison().ignoringFields("decidedAt")
                    .isEqualTo(new RetractionOutcome(TopologyFixture.GENERATION, "demo", retraction.eventId(),
                            wrong.eventId(), Verdict.TOOK_EFFECT, null));
            assertThat(outcome.decidedAt()).isNotNull();
        });
    }

    @Test
    void a_retracted_event_leaves_the_breakdowns_of_contract_v2_too() {
        IntegrationEvent wrong = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION, DAY,
                District.EMSLAND, "a", CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED, LanguageLevel.B2, null,
                CourseVariant.BASIC_B2, LanguageLevel.B2, Attempt.REPEAT, FundingSource.JOBCENTER_SGB2, null, "demo",
                Instant.EPOCH);
        send(wrong);
        assertThat(topology.latest().get(EMSLAND_MARCH).tallies().values()).as("counted in its breakdowns")
                .isNotEmpty().allMatch(n -> n == 1);

        send(retraction(wrong));

        MonthlyCounters counters = topology.latest().get(EMSLAND_MARCH);
        assertThat(counters.tallies().values()).isNotEmpty().allMatch(n -> n == 0);
        assertThat(counters.keySums().tallies().values()).allMatch(n -> n == 0);
    }

    @Test
    void a_retraction_before_its_event_waits_and_the_event_never_counts() {
        IntegrationEvent wrong = placement("a", District.EMSLAND, DAY);
        IntegrationEvent retraction = retraction(wrong);
        send(retraction);
        assertThat(verdicts()).containsExactly(Verdict.WAITING);
        assertThat(topology.latest()).isEmpty();

        send(wrong);

        MonthlyCounters counters = topology.latest().get(EMSLAND_MARCH);
        assertThat(counters.placementTotal()).isZero();
        assertThat(counters.keySums().placementTotal()).isZero();
        assertThat(verdicts()).containsExactly(Verdict.TOOK_EFFECT);
    }

    @Test
    void resends_of_event_and_retraction_in_any_order_change_nothing_more() {
        IntegrationEvent wrong = completion("a", District.EMSLAND, DAY, Outcome.PASSED);
        IntegrationEvent retraction = retraction(wrong);
        send(wrong);
        send(retraction);
        send(wrong);
        send(retraction);
        send(wrong);
        topology.sendKeyedByDistrict(wrong);
        topology.sendKeyedByDistrict(retraction);

        MonthlyCounters counters = topology.latest().get(EMSLAND_MARCH);
        assertThat(counters.courseTotal(null)).isEqualTo(CourseCounters.ZERO);
        assertThat(counters.chain()).isEmpty();
        assertThat(verdicts()).as("one decision, resends are dropped before").containsExactly(Verdict.TOOK_EFFECT);
    }

    @Test
    void a_retraction_keyed_by_district_crosses_the_repartition_topic_with_what_it_retracts() {
        IntegrationEvent wrong = enrolment("a", District.EMSLAND, DAY);
        send(wrong);
        topology.sendKeyedByDistrict(retraction(wrong));

        assertThat(enrolments(EMSLAND_MARCH)).isZero();
        assertThat(verdicts()).containsExactly(Verdict.TOOK_EFFECT);
    }

    @Test
    void a_retraction_of_another_providers_event_has_no_effect_before_or_after_it() {
        IntegrationEvent event = enrolment("a", District.EMSLAND, DAY);
        IntegrationEvent later = enrolment("b", District.EMSLAND, DAY);
        send(event);
        send(retraction(event, "other-provider"));
        send(retraction(later, "other-provider"));
        send(later);

        assertThat(enrolments(EMSLAND_MARCH)).isEqualTo(2);
        assertThat(verdicts()).containsExactly(Verdict.OTHER_PROVIDERS_EVENT, Verdict.WAITING,
                Verdict.OTHER_PROVIDERS_EVENT);
    }

    @Test
    void a_retraction_of_a_retraction_has_no_effect_and_the_first_retraction_stands() {
        IntegrationEvent wrong = enrolment("a", District.EMSLAND, DAY);
        IntegrationEvent first = retraction(wrong);
        IntegrationEvent ofFirst = retraction(first);
        IntegrationEvent other = enrolment("b", District.EMSLAND, DAY);
        IntegrationEvent second = retraction(other);
        IntegrationEvent ofSecondEarly = retraction(second);
        send(wrong);
        send(first);
        send(ofFirst);
        // the retraction of a retraction that has not arrived yet waits, and then has no effect
        send(ofSecondEarly);
        send(other);
        send(second);

        assertThat(enrolments(EMSLAND_MARCH)).isZero();
        assertThat(verdicts()).containsExactly(Verdict.TOOK_EFFECT, Verdict.RETRACTS_A_RETRACTION, Verdict.WAITING,
                Verdict.RETRACTS_A_RETRACTION, Verdict.TOOK_EFFECT);
    }

    @Test
    void a_second_retraction_of_the_same_event_is_reported_as_already_retracted() {
        IntegrationEvent wrong = enrolment("a", District.EMSLAND, DAY);
        IntegrationEvent early = enrolment("b", District.EMSLAND, DAY);
        send(wrong);
        send(retraction(wrong));
        send(retraction(wrong));
        send(retraction(early));
        send(retraction(early));
        send(early);

        assertThat(enrolments(EMSLAND_MARCH)).isZero();
        assertThat(verdicts()).as("a second waiting retraction of the same provider is not kept")
                .containsExactly(Verdict.TOOK_EFFECT, Verdict.ALREADY_RETRACTED, Verdict.WAITING,
                        Verdict.ALREADY_RETRACTED, Verdict.TOOK_EFFECT);
        RetractionTarget target = topology.driver.<UUID, RetractionTarget>getKeyValueStore(
                RetractionDecider.RETRACTION_TARGETS).get(early.eventId());
        assertThat(target).isEqualTo(RetractionTarget.retracted("demo"));
    }

    @Test
    void a_district_month_whose_every_event_was_retracted_is_still_reported_with_zero() {
        IntegrationEvent before = placement(null, District.LEER, DAY);
        IntegrationEvent after = placement(null, District.WITTMUND, DAY);
        send(before);
        send(retraction(before));
        send(retraction(after));
        send(after);

        IndicatorQueries queries = new IndicatorQueries(TestReadModels.of(topology.latest()),
                TestSettings.properties(1, 1), Clock.fixed(DAY.plusDays(400).atStartOfDay(Region.ZONE).toInstant(),
                Region.ZONE));
        List<AreaFigures> districts = queries.report(YearMonth.from(DAY), YearMonth.from(DAY),
                Set.of(District.LEER, District.WITTMUND, District.AURICH), null, true).districts();
        assertThat(districts).extracting(AreaFigures::district, AreaFigures::reported).containsExactlyInAnyOrder(
                tuple("03452", false), tuple("03457", true),
                tuple("03462", true));
        assertThat(districts).filteredOn(f -> f.reported() == Boolean.TRUE)
                .allSatisfy(f -> assertThat(f.counts().get("placements")).isZero());
    }

    @Test
    void the_chain_figures_after_a_retracted_placement_are_those_without_it_in_either_order() {
        IntegrationEvent completion = completion("a", District.EMSLAND, DAY, Outcome.PASSED);
        IntegrationEvent early = placement("a", District.EMSLAND, DAY.plusDays(30));
        IntegrationEvent late = placement("a", District.EMSLAND, DAY.plusDays(200));
        IntegrationEvent sameDay = placement("a", District.EMSLAND, DAY.plusDays(200));

        sameAsWithout(t -> {
            t.send(completion);
            t.send(early);
            t.send(late);
            t.send(sameDay);
            t.send(retraction(early));
            t.send(retraction(late));
        }, t -> {
            t.send(completion);
            t.send(sameDay);
        });
        ChainCounters chain = chain(topology.latest().get(EMSLAND_MARCH));
        assertThat(chain.daysToPlacement()).as("the other placement of that day still counts")
                .containsExactly(Map.entry(200, 1L));
        assertThat(chain.placedWithin6MonthsByDay()).isEmpty();

        sameAsWithout(t -> {
            t.send(retraction(early));
            t.send(early);
            t.send(completion);
            t.send(sameDay);
        }, t -> {
            t.send(completion);
            t.send(sameDay);
        });
    }

    @Test
    void a_retracted_completion_leaves_the_chain_and_the_others_keep_their_figures() {
        IntegrationEvent wrong = completion("a", District.EMSLAND, DAY, Outcome.PASSED);
        IntegrationEvent kept = completion("a", District.EMSLAND, DAY.plusDays(5), CourseType.INTEGRATION_COURSE,
                Outcome.FAILED);
        IntegrationEvent enrolment = enrolment("a", District.LEER, DAY.plusDays(20));
        IntegrationEvent placement = placement("a", District.LEER, DAY.plusDays(40));

        sameAsWithout(t -> {
            t.send(wrong);
            t.send(kept);
            t.send(enrolment);
            t.send(placement);
            t.send(retraction(wrong));
        }, t -> {
            t.send(kept);
            t.send(enrolment);
            t.send(placement);
        });
        ChainCounters chain = chain(topology.latest().get(EMSLAND_MARCH));
        assertThat(chain.passedByDay()).isEmpty();
        assertThat(chain.daysToPlacement()).containsExactly(Map.entry(35, 1L));
        assertThat(chain.waitingDays()).containsExactly(Map.entry(15, 1L));
    }

    @Test
    void a_retracted_completion_of_an_excluded_pseudonym_leaves_the_excluded_count() {
        IntegrationEvent wrong = completion("0", District.EMSLAND, DAY, Outcome.PASSED);
        send(wrong);
        long keysOfTheOthers = 0;
        for (int i = 0; i < ChainContribution.MAX_EVENTS_PER_PARTICIPANT; i++) {
            IntegrationEvent failed = completion("0", District.EMSLAND, DAY.plusDays(i % 20), Outcome.FAILED);
            keysOfTheOthers += keyOf(failed);
            send(failed);
        }
        assertThat(chain(topology.latest().get(EMSLAND_MARCH)).excluded())
                .isEqualTo(ChainContribution.MAX_EVENTS_PER_PARTICIPANT + 1);

        send(retraction(wrong));

        MonthlyCounters counters = topology.latest().get(EMSLAND_MARCH);
        assertThat(chain(counters).excluded()).isEqualTo(ChainContribution.MAX_EVENTS_PER_PARTICIPANT);
        assertThat(chain(counters.keySums()).excluded()).as("its key leaves the excluded key sum")
                .isEqualTo(keysOfTheOthers);
        assertThat(counters.courseTotal(null).passed()).isZero();
    }

    /**
     * Runs {@code with} (events and retractions) on this test's topology and {@code without} (the same minus
     * what was retracted) on a fresh one: every chain figure and key sum is the same; the counts too, but for
     * the entries of zeros a retracted event leaves behind.
     */
    private void sameAsWithout(Consumer<TopologyFixture> with, Consumer<TopologyFixture> without) {
        with.accept(topology);
        Map<String, MonthlyCounters> withRetractions = topology.latest();
        Map<String, MonthlyCounters> plain;
        try (TopologyFixture other = new TopologyFixture()) {
            without.accept(other);
            plain = other.latest();
        }
        assertThat(withRetractions.keySet()).containsAll(plain.keySet());
        withRetractions.forEach((key, counters) -> {
            MonthlyCounters expected = plain.getOrDefault(key, MonthlyCounters.empty());
            assertThat(counters.chain()).as("chain of %s", key).isEqualTo(expected.chain());
            assertThat(counters.courseTotal(null)).as("counts of %s", key).isEqualTo(expected.courseTotal(null));
            assertThat(counters.placementTotal()).as("placements of %s", key).isEqualTo(expected.placementTotal());
            MonthlyCounters keys = counters.keySums();
            MonthlyCounters expectedKeys = expected.keySums() == null ? MonthlyCounters.empty() : expected.keySums();
            assertThat(keys.chain()).as("chain key sums of %s", key).isEqualTo(expectedKeys.chain());
            assertThat(keys.courseTotal(null)).as("key sums of %s", key).isEqualTo(expectedKeys.courseTotal(null));
            assertThat(keys.placementTotal()).as("placement key sums of %s", key)
                    .isEqualTo(expectedKeys.placementTotal());
        });
    }

    private List<Verdict> verdicts() {
        return topology.outcomes().stream().map(RetractionOutcome::verdict).toList();
    }

    private long enrolments(String key) {
        return topology.latest().get(key).courseTotal(null).enrolments();
    }

    private static ChainCounters chain(MonthlyCounters counters) {
        return counters.chain().getOrDefault(CourseType.INTEGRATION_COURSE, ChainCounters.ZERO);
    }

    private static long keyOf(IntegrationEvent event) {
        return TopologyFixture.RECORD_KEYS.keyOf(event.eventId());
    }

    private void send(IntegrationEvent event) {
        topology.send(event);
    }
}
