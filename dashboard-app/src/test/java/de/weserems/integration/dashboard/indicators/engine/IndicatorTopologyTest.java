package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.CourseCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.testing.Events;
import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventJson;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;
import de.weserems.integration.events.Topics;
import de.weserems.integration.events.retraction.RetractionOutcome;
import de.weserems.integration.events.retraction.RetractionOutcome.Verdict;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorTopologyTest {

    /** A new driver for each test: JUnit makes a new instance per test method. */
    private final TopologyFixture topology = new TopologyFixture();

    @AfterEach
    void stop() {
        topology.close();
    }

    @Test
    void enrolments_count_per_district_and_month_by_course_type() {
        send(Events.enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE));
        send(Events.enrolment(District.EMSLAND, "2026-03-31", CourseType.JOB_LANGUAGE_COURSE));
        send(Events.enrolment(District.EMSLAND, "2026-04-01", CourseType.INTEGRATION_COURSE));
        send(Events.enrolment(District.LEER, "2026-03-15", CourseType.INTEGRATION_COURSE));

        Map<String, MonthlyCounters> latest = topology.latest();
        assertThat(latest.get("03454|2026-03").courseTotal(null).enrolments()).isEqualTo(2);
        assertThat(latest.get("03454|2026-03").courseTotal(CourseType.JOB_LANGUAGE_COURSE).enrolments()).isEqualTo(1);
        assertThat(latest.get("03454|2026-04").courseTotal(null).enrolments()).isEqualTo(1);
        assertThat(latest.get("03457|2026-03").courseTotal(null).enrolments()).isEqualTo(1);
    }

    @Test
    void a_copy_keyed_by_district_as_an_older_ingest_wrote_it_counts_once_with_the_copy_keyed_by_its_id() {
        IntegrationEvent event = Events.enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE);
        IntegrationEvent older = Events.enrolment(District.LEER, "2026-03-02", CourseType.INTEGRATION_COURSE);
        topology.sendKeyedByDistrict(event);
        send(event);
        topology.sendKeyedByDistrict(event);
        topology.sendKeyedByDistrict(older);

        Map<String, MonthlyCounters> latest = topology.latest();
        assertThat(latest.get("03454|2026-03").courseTotal(null).enrolments()).isEqualTo(1);
        assertThat(latest.get("03457|2026-03").courseTotal(null).enrolments()).isEqualTo(1);
    }

    @Test
    void many_events_of_one_district_and_month_pass_the_repartition_topic_as_one_change() {
        for (int i = 0; i < 500; i++) {
            send(Events.enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE));
        }
        Map<String, MonthlyCounters> latest = topology.latest();
        assertThat(latest.get("03454|2026-03").courseTotal(null).enrolments()).isEqualTo(500);
        // the counters were written once for the interval, not 500 times
        assertThat(topology.written()).isEqualTo(1);
    }

    @Test
    void a_resent_event_counts_once_and_the_first_content_stands() {
        IntegrationEvent first = Events.enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE);
        send(first);
        send(first);
        // same eventId, other district: a correction attempt; the first content stands
        send(new IntegrationEvent(first.eventId(), first.type(), first.occurredOn(), District.LEER, null,
                first.courseType(), null, null, null, "demo", Instant.now()));

        Map<String, MonthlyCounters> latest = topology.latest();
        assertThat(latest.get("03454|2026-03").courseTotal(null).enrolments()).isEqualTo(1);
        assertThat(latest).doesNotContainKey("03457|2026-03");
    }

    @Test
    void completions_count_by_outcome_and_b1_passes_only_in_language_courses() {
        send(completion(CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.B1));
        send(completion(CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED, LanguageLevel.C1));
        send(completion(CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.A2));
        send(completion(CourseType.VOCATIONAL_QUALIFICATION, Outcome.PASSED, LanguageLevel.B2));
        send(completion(CourseType.INTEGRATION_COURSE, Outcome.FAILED, null));
        send(completion(CourseType.ORIENTATION_COURSE, Outcome.DROPPED_OUT, null));

        CourseCounters total = topology.latest().get("03401|2026-05").courseTotal(null);
        assertThat(total).isEqualTo(new CourseCounters(0, 4, 1, 1, 2));
    }

    @Test
    void placements_count_by_type() {
        send(placement(PlacementType.EMPLOYMENT));
        send(placement(PlacementType.EMPLOYMENT));
        send(placement(PlacementType.APPRENTICESHIP));

        MonthlyCounters counters = topology.latest().get("03401|2026-05");
        assertThat(counters.placementTotal()).isEqualTo(3);
        assertThat(counters.placements()).containsEntry(PlacementType.EMPLOYMENT, 2L);
    }

    @Test
    void the_values_and_fields_of_contract_v2_count_as_their_kind() {
        send(new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, "p", CourseType.JOB_LANGUAGE_COURSE, null, null, null, CourseVariant.BASIC_C1,
                LanguageLevel.C1, null, FundingSource.BAMF_DEUFOEV, null, "demo", Instant.now()));
        send(new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, "p", CourseType.FIRST_ORIENTATION_COURSE, null, null, null, "demo", Instant.now()));
        send(new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, "p", CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.BELOW_A1, null,
                CourseVariant.LITERACY, LanguageLevel.A2, Attempt.REPEAT, FundingSource.BAMF_INTV, null, "demo",
                Instant.now()));
        send(placement(PlacementType.FULL_VOCATIONAL_TRAINING));

        MonthlyCounters counters = topology.latest().get("03401|2026-05");
        assertThat(counters.courseTotal(CourseType.JOB_LANGUAGE_COURSE).enrolments()).isEqualTo(1);
        assertThat(counters.courseTotal(CourseType.FIRST_ORIENTATION_COURSE).enrolments()).isEqualTo(1);
        assertThat(counters.courseTotal(CourseType.INTEGRATION_COURSE))
                .as("passed below A1: a pass, but no language success").isEqualTo(new CourseCounters(0, 1, 0, 0, 0));
        assertThat(counters.placements()).containsEntry(PlacementType.FULL_VOCATIONAL_TRAINING, 1L);
        assertThat(topology.deadLetterTopic.readRecordsToList()).isEmpty();
    }

    @Test
    void entitlements_and_course_starts_count_only_in_access_and_waiting_and_retractions_of_them_take_effect() {
        // counted figures for the same participant, district and month; sex does not change what an event counts
        send(new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.parse("2026-05-04"),
                District.DELMENHORST, "p", CourseType.INTEGRATION_COURSE, null, null, null, CourseVariant.GENERAL,
                LanguageLevel.B1, null, FundingSource.BAMF_INTV, null, null, null, Sex.FEMALE, "demo", Instant.now()));
        send(completion(CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.B1));
        send(placement(PlacementType.EMPLOYMENT));
        Map<String, MonthlyCounters> before = topology.latest();
        assertThat(before.get("03401|2026-05").courseTotal(null).enrolments()).isEqualTo(1);

        IntegrationEvent entitlement = new IntegrationEvent(UUID.randomUUID(), EventType.ENTITLEMENT,
                LocalDate.parse("2026-05-02"), District.DELMENHORST, "p", null, null, null, null, null, null, null, null,
                null, Entitlement.OBLIGED, Issuer.FOREIGNERS_AUTHORITY, Sex.FEMALE, "demo", Instant.now());
        IntegrationEvent start = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_START,
                LocalDate.parse("2026-05-11"), District.DELMENHORST, "p", CourseType.INTEGRATION_COURSE, null, null,
                null, CourseVariant.GENERAL, LanguageLevel.B1, null, FundingSource.BAMF_INTV, null, null, null,
                Sex.FEMALE, "demo", Instant.now());
        IntegrationEvent elsewhere = new IntegrationEvent(UUID.randomUUID(), EventType.ENTITLEMENT,
                LocalDate.parse("2026-06-01"), District.LEER, "q", null, null, null, null, null, null, null, null, null,
                Entitlement.ENTITLED, Issuer.BAMF, null, "demo", Instant.now());
        IntegrationEvent late = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_START,
                LocalDate.parse("2026-06-03"), District.LEER, "q", CourseType.JOB_LANGUAGE_COURSE, null, null, null,
                "demo", Instant.now());
        send(entitlement);
        assertThat(chain("03401|2026-05").waitingSinceByDay()).as("waiting since the entitlement, not the enrolment")
                .isEqualTo(Map.of(2, 1L));
        send(start);
        ChainCounters started = chain("03401|2026-05");
        assertThat(started.waitingTimeDays()).as("enrolment 4 May → start 11 May").isEqualTo(Map.of(7, 1L));
        assertThat(started.accessTimeDays()).as("entitlement 2 May → start 11 May").isEqualTo(Map.of(9, 1L));
        assertThat(started.waitingSinceByDay()).as("no longer waiting").isEmpty();
        send(elsewhere);
        send(Events.retraction(start));
        send(Events.retraction(late));
        send(late);

        Map<String, MonthlyCounters> after = topology.latest();
        MonthlyCounters delmenhorst = after.get("03401|2026-05");
        assertThat(delmenhorst.courses()).as("no count of their own").isEqualTo(before.get("03401|2026-05").courses());
        assertThat(delmenhorst.placements()).isEqualTo(before.get("03401|2026-05").placements());
        assertThat(delmenhorst.tallies()).isEqualTo(before.get("03401|2026-05").tallies());
        ChainCounters retracted = delmenhorst.chain().get(CourseType.INTEGRATION_COURSE);
        assertThat(retracted.waitingTimeDays()).as("the start was retracted").isEmpty();
        assertThat(retracted.accessTimeDays()).isEmpty();
        assertThat(retracted.waitingSinceByDay()).as("waiting again since the entitlement").isEqualTo(Map.of(2, 1L));
        assertThat(retracted.passedByDay()).isEqualTo(before.get("03401|2026-05").chain()
                .get(CourseType.INTEGRATION_COURSE).passedByDay());
        MonthlyCounters leer = after.get("03457|2026-06");
        assertThat(leer.courses()).isEmpty();
        assertThat(leer.chain().get(CourseType.INTEGRATION_COURSE).waitingSinceByDay())
                .as("q waits for an integration course since 1 June; its retracted start never counted")
                .isEqualTo(Map.of(1, 1L));
        assertThat(topology.deadLetterTopic.readRecordsToList()).isEmpty();
        assertThat(topology.outcomes()).extracting(RetractionOutcome::verdict)
                .as("decided like a retraction of any other event of the provider")
                .containsExactly(Verdict.TOOK_EFFECT, Verdict.WAITING, Verdict.TOOK_EFFECT);
    }

    private ChainCounters chain(String key) {
        return topology.latest().get(key).chain().get(CourseType.INTEGRATION_COURSE);
    }

    @Test
    void unreadable_and_contract_breaking_records_go_to_the_dead_letter_topic_and_processing_goes_on() {
        topology.rawEvents.pipeInput("03401", "{not json");
        topology.rawEvents.pipeInput("03401", "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"JOB_PLACEMENT\",\"occurredOn\":\"2026-05-10\",\"placementType\":\"EMPLOYMENT\"}");
        topology.rawEvents.pipeInput("03401", "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"TELEPORTATION\",\"occurredOn\":\"2026-05-10\",\"district\":\"03401\"}");
        topology.send(new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, "p", null, null, null, null, "other-producer", Instant.now()));
        topology.send(placement(PlacementType.EMPLOYMENT));

        List<TestRecord<String, byte[]>> dead = topology.deadLetterTopic.readRecordsToList();
        assertThat(dead).hasSize(4);
        assertThat(header(dead.get(0), DeadLetters.REASON_HEADER)).startsWith("unreadable: not JSON: ");
        assertThat(header(dead.get(1), DeadLetters.REASON_HEADER)).isEqualTo("contract: district: missing");
        assertThat(header(dead.get(3), DeadLetters.REASON_HEADER))
                .isEqualTo("contract: courseType: missing for COURSE_ENROLMENT");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(dead.get(0).key()).isEqualTo("03401");
        assertThat(header(dead.get(0), DeadLetters.TOPIC_HEADER)).isEqualTo(Topics.EVENTS);
        assertThat(header(dead.get(2), DeadLetters.REASON_HEADER)).startsWith("contract: ").contains("TELEPORTATION");
        assertThat(topology.deadLetters.count(EventReader.UNREADABLE)).isEqualTo(1);
        assertThat(topology.deadLetters.count(EventReader.CONTRACT)).isEqualTo(3);
        assertThat(topology.latest().get("03401|2026-05").placementTotal()).isEqualTo(1);
    }

    @Test
    void a_field_that_does_not_belong_to_the_type_breaks_the_contract() {
        IntegrationEvent e = new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, " ", CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.B1,
                PlacementType.EMPLOYMENT, "demo", Instant.now());
        EventReader.Result read = new EventReader(TopologyFixture.JSON).read(EventJson.toBytes(e));
        assertThat(read.valid()).isFalse();
        assertThat(read.kind()).isEqualTo(EventReader.CONTRACT);
        assertThat(read.reason()).isEqualTo("participant: blank; courseType: not allowed for JOB_PLACEMENT; "
                + "outcome: not allowed for JOB_PLACEMENT; languageLevel: not allowed for JOB_PLACEMENT");
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void send(IntegrationEvent event) {
        topology.send(event);
    }

    private static IntegrationEvent completion(CourseType courseType, Outcome outcome, LanguageLevel level) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, "p", courseType, outcome, level, null, "demo", Instant.now());
    }

    private static IntegrationEvent placement(PlacementType type) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT, LocalDate.parse("2026-05-10"),
                District.DELMENHORST, "p", null, null, null, type, "demo", Instant.now());
    }

    @Test
    void every_operator_store_and_internal_topic_has_a_chosen_name_so_a_topology_change_keeps_its_state() {
        StreamsBuilder builder = new StreamsBuilder();
        IndicatorTopology.build(builder, TopologyFixture.JSON, topology.deadLetters, TopologyFixture.SETTINGS);
        String description = builder.build().describe().toString();
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-")
                .contains("seen-event-ids", "count-changes", "chain-changes", "district-month-counters",
                        "participant-history", "retraction-targets", "events-by-id-repartition",
                        "events-by-participant-repartition", "retractions-by-target-repartition",
                        "changes-by-district-month-repartition", "integration.retraction-outcomes.v1");
    }
}
