package de.weserems.integration.dashboard.indicators;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorTopologyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private TopologyTestDriver driver;
    private TestInputTopic<String, IntegrationEvent> events;
    private TestOutputTopic<String, MonthlyCounters> indicators;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<IntegrationEvent> eventSerde = new JsonSerde<>(JSON, IntegrationEvent.class);
        JsonSerde<MonthlyCounters> countersSerde = new JsonSerde<>(JSON, MonthlyCounters.class);
        IndicatorTopology.build(builder, eventSerde, countersSerde);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(builder.build(), props);
        events = driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(), eventSerde.serializer());
        indicators = driver.createOutputTopic(Topics.INDICATORS, Serdes.String().deserializer(),
                countersSerde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void enrolments_count_per_district_and_month_by_course_type() {
        send(enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE));
        send(enrolment(District.EMSLAND, "2026-03-31", CourseType.JOB_LANGUAGE_COURSE));
        send(enrolment(District.EMSLAND, "2026-04-01", CourseType.INTEGRATION_COURSE));
        send(enrolment(District.LEER, "2026-03-15", CourseType.INTEGRATION_COURSE));

        Map<String, MonthlyCounters> latest = indicators.readKeyValuesToMap();
        assertThat(latest.get("03454|2026-03").courseTotal(null).enrolments()).isEqualTo(2);
        assertThat(latest.get("03454|2026-03").courseTotal(CourseType.JOB_LANGUAGE_COURSE).enrolments()).isEqualTo(1);
        assertThat(latest.get("03454|2026-04").courseTotal(null).enrolments()).isEqualTo(1);
        assertThat(latest.get("03457|2026-03").courseTotal(null).enrolments()).isEqualTo(1);
    }

    @Test
    void a_resent_event_counts_once_and_the_first_content_stands() {
        IntegrationEvent first = enrolment(District.EMSLAND, "2026-03-02", CourseType.INTEGRATION_COURSE);
        send(first);
        send(first);
        // same eventId, other district: a correction attempt; the first content stands
        send(new IntegrationEvent(first.eventId(), first.type(), first.occurredOn(), District.LEER, null,
                first.courseType(), null, null, null, "demo", Instant.now()));

        Map<String, MonthlyCounters> latest = indicators.readKeyValuesToMap();
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

        CourseCounters total = indicators.readKeyValuesToMap().get("03401|2026-05").courseTotal(null);
        assertThat(total).isEqualTo(new CourseCounters(0, 4, 1, 1, 2));
    }

    @Test
    void placements_count_by_type() {
        send(placement(PlacementType.EMPLOYMENT));
        send(placement(PlacementType.EMPLOYMENT));
        send(placement(PlacementType.APPRENTICESHIP));

        MonthlyCounters counters = indicators.readKeyValuesToMap().get("03401|2026-05");
        assertThat(counters.placementTotal()).isEqualTo(3);
        assertThat(counters.placements()).containsEntry(PlacementType.EMPLOYMENT, 2L);
    }

    @Test
    void an_unreadable_record_is_skipped_and_processing_goes_on() {
        driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(), Serdes.String().serializer())
                .pipeInput("03401", "{not json");
        driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(), Serdes.String().serializer())
                .pipeInput("03401", "{\"type\":\"JOB_PLACEMENT\"}");
        send(placement(PlacementType.EMPLOYMENT));
        assertThat(indicators.readKeyValuesToMap().get("03401|2026-05").placementTotal()).isEqualTo(1);
    }

    private void send(IntegrationEvent event) {
        events.pipeInput(event.district().ags(), event);
    }

    static IntegrationEvent enrolment(District district, String date, CourseType courseType) {
        return new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT, LocalDate.parse(date), district,
                null, courseType, null, null, null, "demo", Instant.now());
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
    void the_indicator_key_is_ags_and_month() {
        assertThat(IndicatorTopology.key(District.WITTMUND, YearMonth.of(2016, 1))).isEqualTo("03462|2016-01");
    }
}
