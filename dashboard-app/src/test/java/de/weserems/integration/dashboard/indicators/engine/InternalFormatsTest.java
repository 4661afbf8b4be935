package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.CourseCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalFormatsTest {

    @Test
    void an_event_reads_back_equal_with_every_field_and_with_only_the_required_ones() {
        IntegrationEvent full = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2015, 1, 1), District.WITTMUND, "hmac-äöü-" + "x".repeat(200),
                CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED, LanguageLevel.C2, null, "jc-emsland",
                Instant.parse("2026-11-26T01:02:03.123456789Z"));
        IntegrationEvent bare = new IntegrationEvent(new UUID(-1, Long.MIN_VALUE), EventType.JOB_PLACEMENT,
                LocalDate.of(1969, 12, 31), District.DELMENHORST, null, null, null, null,
                PlacementType.MARGINAL_EMPLOYMENT, null, null);

        assertThat(roundTrip(InternalFormats.EVENT, full)).isEqualTo(full);
        assertThat(roundTrip(InternalFormats.EVENT, bare)).isEqualTo(bare);
        UUID id = full.eventId();
        assertThat(InternalFormats.EVENT_ID.deserializer().deserialize("t",
                InternalFormats.EVENT_ID.serializer().serialize("t", id))).isEqualTo(id);
        assertThatThrownBy(() -> InternalFormats.EVENT_ID.deserializer().deserialize("t", id.toString().getBytes()))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void counters_and_chain_figures_read_back_equal() {
        ChainCounters chain = new ChainCounters(Map.of(1, 3L, 31, 1L), Map.of(1, 2L), Map.of(0, 1L, 365, 4L),
                Map.of(1, 1L, 200, 1_000_000_000_000L));
        MonthlyCounters counters = new MonthlyCounters(
                Map.of(CourseType.INTEGRATION_COURSE, new CourseCounters(5, 4, 3, 2, 1),
                        CourseType.ORIENTATION_COURSE, new CourseCounters(Long.MAX_VALUE, 0, 0, 0, 0)),
                Map.of(PlacementType.EMPLOYMENT, 7L), Map.of(CourseType.VOCATIONAL_QUALIFICATION, chain),
                Instant.ofEpochSecond(1_700_000_000L, 5));

        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, counters)).isEqualTo(counters);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, MonthlyCounters.empty())).isEqualTo(MonthlyCounters.empty());
        MonthlyChain monthly = new MonthlyChain(Map.of(CourseType.INTEGRATION_COURSE, chain));
        assertThat(roundTrip(InternalFormats.MONTHLY_CHAIN, monthly)).isEqualTo(monthly);
    }

    @Test
    void a_chain_change_and_a_participant_history_read_back_equal() {
        ChainChange added = new ChainChange(null, new ChainContribution(CourseType.INTEGRATION_COURSE, 31, true, 0, null));
        ChainChange moved = new ChainChange(added.after(),
                new ChainContribution(CourseType.INTEGRATION_COURSE, 31, true, 12, 365));
        ParticipantHistory history = new ParticipantHistory(
                List.of(new ParticipantHistory.Completion(District.EMSLAND, LocalDate.of(2026, 2, 28),
                        CourseType.JOB_LANGUAGE_COURSE, Outcome.FAILED)),
                List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)), List.of(LocalDate.of(2025, 1, 1)));

        assertThat(roundTrip(InternalFormats.CHAIN_CHANGE, added)).isEqualTo(added);
        assertThat(roundTrip(InternalFormats.CHAIN_CHANGE, moved)).isEqualTo(moved);
        assertThat(roundTrip(InternalFormats.PARTICIPANT_HISTORY, history)).isEqualTo(history);
        assertThat(roundTrip(InternalFormats.PARTICIPANT_HISTORY, ParticipantHistory.EMPTY))
                .isEqualTo(ParticipantHistory.EMPTY);
    }

    @Test
    void a_record_of_another_format_or_cut_short_fails_naming_the_type_not_the_content() {
        byte[] json = "{\"eventId\":\"secret\"}".getBytes();
        byte[] event = InternalFormats.EVENT.serializer().serialize("t", new IntegrationEvent(UUID.randomUUID(),
                EventType.COURSE_ENROLMENT, LocalDate.of(2026, 1, 1), District.LEER, "p", CourseType.INTEGRATION_COURSE,
                null, null, null, "demo", null));

        assertThatThrownBy(() -> InternalFormats.EVENT.deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class).hasMessageContaining("IntegrationEvent")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> InternalFormats.EVENT.deserializer().deserialize("t", Arrays.copyOf(event, 20)))
                .isInstanceOf(SerializationException.class);
    }

    /**
     * The formats store enums by position. If this fails, an enum was reordered or a constant inserted:
     * old state would read wrongly, so change the application id (spring.kafka.streams.application-id,
     * RebuildIndicators.DEFAULT_APPLICATION_ID) and then this list. Appending a constant is safe.
     */
    @Test
    void the_enum_positions_the_formats_rely_on_are_unchanged() {
        assertThat(names(EventType.values())).startsWith("COURSE_ENROLMENT", "COURSE_COMPLETION", "JOB_PLACEMENT");
        assertThat(names(CourseType.values())).startsWith("INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE",
                "VOCATIONAL_QUALIFICATION", "ORIENTATION_COURSE");
        assertThat(names(Outcome.values())).startsWith("PASSED", "FAILED", "DROPPED_OUT");
        assertThat(names(LanguageLevel.values())).startsWith("A1", "A2", "B1", "B2", "C1", "C2");
        assertThat(names(PlacementType.values())).startsWith("EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT",
                "MARGINAL_EMPLOYMENT");
        assertThat(Arrays.stream(District.values()).map(District::ags).toList()).startsWith("03401", "03402",
                "03403", "03404", "03405", "03451", "03452", "03453", "03454", "03455", "03456", "03457", "03458",
                "03459", "03460", "03461", "03462");
    }

    private static <T> T roundTrip(BinarySerde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
