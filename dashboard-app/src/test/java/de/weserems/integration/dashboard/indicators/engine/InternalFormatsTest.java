package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.FundingFlow;
import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.CourseCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.model.Tally;
import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;

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
    }

    @Test
    void the_values_contract_v2_appended_read_back_in_events_and_counters() {
        IntegrationEvent completion = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2026, 3, 1), District.LEER, "p", CourseType.FIRST_ORIENTATION_COURSE, Outcome.FAILED,
                LanguageLevel.BELOW_A1, null, "demo", Instant.parse("2026-03-01T10:00:00Z"));
        IntegrationEvent placement = new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT,
                LocalDate.of(2026, 3, 2), District.LEER, "p", null, null, null, PlacementType.FULL_VOCATIONAL_TRAINING,
                "demo", Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(roundTrip(InternalFormats.EVENT, completion)).isEqualTo(completion);
        assertThat(roundTrip(InternalFormats.EVENT, placement)).isEqualTo(placement);
        MonthlyCounters counters = MonthlyCounters.of(completion, 5).plus(MonthlyCounters.of(placement, 9));
        assertThat(counters.courses()).containsOnlyKeys(CourseType.FIRST_ORIENTATION_COURSE);
        assertThat(counters.placements()).containsEntry(PlacementType.FULL_VOCATIONAL_TRAINING, 1L);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, counters)).isEqualTo(counters);
    }

    @Test
    void the_fields_contract_v2_added_and_what_a_retraction_retracts_cross_a_repartition_topic() {
        IntegrationEvent enrolment = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2026, 3, 1), District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED,
                LanguageLevel.C1, null, CourseVariant.BASIC_C1, LanguageLevel.C1, Attempt.REPEAT,
                FundingSource.BAMF_DEUFOEV, null, "demo", Instant.parse("2026-03-01T10:00:00Z"));
        IntegrationEvent retraction = new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION,
                LocalDate.of(2026, 3, 5), District.LEER, null, null, null, null, null, null, null, null, null,
                enrolment.eventId(), "demo", null);
        assertThat(roundTrip(InternalFormats.EVENT, enrolment)).isEqualTo(enrolment);
        assertThat(roundTrip(InternalFormats.EVENT, retraction)).isEqualTo(retraction);
    }

    /** A record of version 1 (before the v2 fields), as an engine before retractions left it on a repartition topic. */
    @Test
    void an_event_of_version_1_reads_with_the_fields_of_contract_v2_absent() {
        IntegrationEvent v1 = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT,
                LocalDate.of(2026, 1, 1), District.LEER, "p", CourseType.INTEGRATION_COURSE, null, null, null, "demo",
                Instant.parse("2026-01-01T10:00:00Z"));
        byte[] current = InternalFormats.EVENT.serializer().serialize("t", v1);
        // version 2 appended four absent enums (a byte each) and an absent retracts (a flag), version 3 three
        // absent enums
        byte[] version1 = Arrays.copyOf(current, current.length - 5 - 3);
        version1[0] = 1;
        assertThat(InternalFormats.EVENT.deserializer().deserialize("t", version1)).isEqualTo(v1);
    }

    @Test
    void entitlement_issuer_and_sex_cross_a_repartition_topic_and_the_chain_topic() {
        IntegrationEvent entitlement = new IntegrationEvent(UUID.randomUUID(), EventType.ENTITLEMENT,
                LocalDate.of(2026, 3, 1), District.LEER, "p", null, null, null, null, null, null, null, null, null,
                Entitlement.OBLIGED, Issuer.FOREIGNERS_AUTHORITY, Sex.DIVERSE, "demo",
                Instant.parse("2026-03-01T10:00:00Z"));
        IntegrationEvent start = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_START,
                LocalDate.of(2026, 3, 2), District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE, null, null, null,
                CourseVariant.BASIC_B2, LanguageLevel.B2, null, FundingSource.BAMF_DEUFOEV, null, null, null,
                Sex.UNSPECIFIED, "demo", null);
        for (IntegrationEvent e : List.of(entitlement, start)) {
            assertThat(roundTrip(InternalFormats.EVENT, e)).isEqualTo(e);
            ChainEvent chained = new ChainEvent(e, ChainEvent.Change.ADD);
            assertThat(roundTrip(InternalFormats.CHAIN_EVENT, chained)).isEqualTo(chained);
        }
    }

    /** Records of version 2 (before entitlement, issuer and sex), as the engine of contract v2 left them. */
    @Test
    void an_event_and_a_chain_event_of_the_layout_before_read_with_entitlement_issuer_and_sex_absent() {
        IntegrationEvent v2 = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2026, 3, 1), District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED,
                LanguageLevel.B2, null, CourseVariant.BASIC_B2, LanguageLevel.B2, Attempt.FIRST,
                FundingSource.BAMF_DEUFOEV, null, "demo", Instant.parse("2026-03-01T10:00:00Z"));
        byte[] current = InternalFormats.EVENT.serializer().serialize("t", v2);
        // version 3 appended three absent enums, a byte each
        byte[] version2 = Arrays.copyOf(current, current.length - 3);
        version2[0] = 2;
        assertThat(InternalFormats.EVENT.deserializer().deserialize("t", version2)).isEqualTo(v2);

        ChainEvent chained = new ChainEvent(v2, ChainEvent.Change.REMOVE);
        byte[] chainCurrent = InternalFormats.CHAIN_EVENT.serializer().serialize("t", chained);
        byte[] chainVersion1 = Arrays.copyOf(chainCurrent, chainCurrent.length - 3);
        chainVersion1[0] = 1;
        assertThat(InternalFormats.CHAIN_EVENT.deserializer().deserialize("t", chainVersion1)).isEqualTo(chained);
    }

    @Test
    void what_the_retraction_store_and_the_chain_topic_hold_reads_back_equal() {
        IntegrationEvent placement = new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT,
                LocalDate.of(2026, 3, 2), District.VECHTA, "hmac", null, null, null, PlacementType.APPRENTICESHIP,
                "jc-vechta", Instant.parse("2026-03-02T10:00:00Z"));
        IntegrationEvent retraction = new IntegrationEvent(UUID.randomUUID(), EventType.RETRACTION,
                LocalDate.of(2026, 3, 5), District.VECHTA, null, null, null, null, null, null, null, null, null,
                placement.eventId(), "other", null);
        RetractionTarget counted = RetractionTarget.counted(placement);
        RetractionTarget waiting = RetractionTarget.waiting(RetractionTarget.waiting(null, retraction), retraction);
        for (RetractionTarget target : List.of(counted, waiting, RetractionTarget.retracted("jc-vechta"),
                RetractionTarget.retracted(null), RetractionTarget.RETRACTION)) {
            assertThat(roundTrip(InternalFormats.RETRACTION_TARGET, target)).isEqualTo(target);
        }
        assertThat(counted.counted().event(placement.eventId(), "jc-vechta", placement.receivedAt()))
                .as("what a counted event keeps gives back the event as the figures see it").isEqualTo(placement);
        assertThat(InternalFormats.RETRACTION_TARGET.serializer().serialize("t", counted))
                .as("a counted event's undo record, besides pseudonym and provider").hasSizeLessThanOrEqualTo(
                        20 + placement.participant().length() + placement.providerId().length());
        IntegrationEvent v2 = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2026, 3, 1), District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED,
                LanguageLevel.B2, null, CourseVariant.BASIC_B2, LanguageLevel.B2, Attempt.FIRST,
                FundingSource.BAMF_DEUFOEV, null, "demo", Instant.parse("2026-03-01T10:00:00Z"));
        RetractionTarget withBreakdowns = RetractionTarget.counted(v2);
        assertThat(roundTrip(InternalFormats.RETRACTION_TARGET, withBreakdowns)).isEqualTo(withBreakdowns);
        assertThat(withBreakdowns.counted().event(v2.eventId(), "demo", v2.receivedAt()))
                .as("the fields of the breakdowns are kept too").isEqualTo(v2);
        for (ChainEvent.Change change : ChainEvent.Change.values()) {
            ChainEvent event = new ChainEvent(placement, change);
            assertThat(roundTrip(InternalFormats.CHAIN_EVENT, event)).isEqualTo(event);
        }
        UUID id = UUID.randomUUID();
        assertThat(InternalFormats.EVENT_ID.deserializer().deserialize("t",
                InternalFormats.EVENT_ID.serializer().serialize("t", id))).isEqualTo(id);
        assertThat(InternalFormats.EVENT_ID.serializer().serialize("t", id)).hasSize(16);
    }

    @Test
    void counters_and_chain_figures_read_back_equal() {
        ChainCounters chain = new ChainCounters(Map.of(1, 3L, 31, 1L), Map.of(1, 2L), Map.of(0, 1L, 365, 4L),
                Map.of(1, 1L, 200, 1_000_000_000_000L), 7);
        ChainCounters change = new ChainCounters(Map.of(1, -1L), Map.of(), Map.of(12, -1L, 40, 1L), Map.of(), -2);
        MonthlyCounters counters = new MonthlyCounters(
                Map.of(CourseType.INTEGRATION_COURSE, new CourseCounters(5, 4, 3, 2, 1),
                        CourseType.ORIENTATION_COURSE, new CourseCounters(Long.MAX_VALUE, 0, 0, 0, 0)),
                Map.of(PlacementType.EMPLOYMENT, 7L), Map.of(CourseType.VOCATIONAL_QUALIFICATION, chain),
                Instant.ofEpochSecond(1_700_000_000L, 5));

        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, counters)).isEqualTo(counters);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, MonthlyCounters.empty())).isEqualTo(MonthlyCounters.empty());
        MonthlyCounters negative = MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE, change);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, negative)).isEqualTo(negative);
    }

    @Test
    void counters_with_key_sums_read_back_equal_and_a_record_of_version_1_reads_without_them() {
        IntegrationEvent completion = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2026, 1, 5), District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED,
                LanguageLevel.B2, null, "demo", Instant.parse("2026-01-05T10:00:00Z"));
        IntegrationEvent placement = new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT,
                LocalDate.of(2026, 1, 9), District.LEER, "p", null, null, null, PlacementType.EMPLOYMENT, "demo",
                Instant.parse("2026-01-09T10:00:00Z"));
        MonthlyCounters keyed = MonthlyCounters.of(completion, 0xFFFF_FFFFL).plus(MonthlyCounters.of(placement, 7))
                .plus(MonthlyCounters.ofChain(CourseType.JOB_LANGUAGE_COURSE,
                        new ChainCounters(Map.of(5, 1L), Map.of(5, 1L), Map.of(4, 1L), Map.of(), 0), 0xFFFF_FFFFL));
        assertThat(keyed.keySums().courses().get(CourseType.JOB_LANGUAGE_COURSE).passed()).isEqualTo(0xFFFF_FFFFL);
        assertThat(keyed.keySums().placements()).containsEntry(PlacementType.EMPLOYMENT, 7L);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, keyed)).isEqualTo(keyed);

        MonthlyCounters unkeyed = new MonthlyCounters(Map.of(CourseType.JOB_LANGUAGE_COURSE,
                new CourseCounters(0, 1, 0, 0, 1)), Map.of(), Map.of(), completion.receivedAt());
        byte[] current = InternalFormats.MONTHLY_COUNTERS.serializer().serialize("t", unkeyed);
        // without the key sums' presence flag, the (empty) breakdowns' count and the (empty) chain histograms' count
        byte[] version1 = Arrays.copyOf(current, current.length - 3);
        version1[0] = 1;
        assertThat(InternalFormats.MONTHLY_COUNTERS.deserializer().deserialize("t", version1)).isEqualTo(unkeyed);
        byte[] version2 = Arrays.copyOf(current, current.length - 2); // without the breakdowns' count and the last
        version2[0] = 2;
        assertThat(InternalFormats.MONTHLY_COUNTERS.deserializer().deserialize("t", version2)).isEqualTo(unkeyed);
        byte[] version3 = Arrays.copyOf(current, current.length - 1); // without the chain histograms' count
        version3[0] = 3;
        assertThat(InternalFormats.MONTHLY_COUNTERS.deserializer().deserialize("t", version3)).isEqualTo(unkeyed);
    }

    @Test
    void counters_with_breakdowns_read_back_equal_with_their_key_sums() {
        IntegrationEvent completion = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_COMPLETION,
                LocalDate.of(2026, 1, 5), District.LEER, "p", CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED,
                LanguageLevel.C1, null, CourseVariant.BASIC_C1, LanguageLevel.C1, Attempt.REPEAT,
                FundingSource.BAMF_DEUFOEV, null, "demo", Instant.parse("2026-01-05T10:00:00Z"));
        MonthlyCounters counted = MonthlyCounters.of(completion, 0xFFFF_FFFFL);
        assertThat(counted.tallies()).as("five of contract v2, completed and passed by sex").hasSize(7);
        assertThat(counted.keySums().tallies()).containsEntry(new Tally(CourseType.JOB_LANGUAGE_COURSE,
                Breakdown.TARGET_LEVEL_REACHED_BY_ATTEMPT, 2), 0xFFFF_FFFFL);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, counted)).isEqualTo(counted);
    }

    @Test
    void chain_counters_read_back_with_their_funding_access_and_waiting_histograms() {
        ChainCounters chain = new ChainCounters(Map.of(3, 1L), Map.of(), Map.of(40, 1L), Map.of(), 2,
                Map.of(FundingFlow.bucket(FundingSource.BAMF_INTV) * 32 + 3, 1L), Map.of(1234, 1L), Map.of(41, 2L),
                Map.of(300, 1L), Map.of(28, -1L), Map.of(ChainCounters.sexDayKey(1, 3), 1L), Map.of(67, 1L));
        MonthlyCounters counters = new MonthlyCounters(Map.of(), Map.of(), Map.of(CourseType.INTEGRATION_COURSE, chain),
                Instant.parse("2026-01-05T10:00:00Z"), new MonthlyCounters(Map.of(), Map.of(),
                Map.of(CourseType.INTEGRATION_COURSE, chain.times(7)), null));

        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, counters)).isEqualTo(counters);
    }

    @Test
    void a_placement_by_sex_reads_back_without_a_course_type_and_a_retraction_takes_it_from_its_bucket() {
        IntegrationEvent placement = new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT,
                LocalDate.of(2026, 4, 2), District.LEER, "p", null, null, null, PlacementType.EMPLOYMENT, null, null,
                null, null, null, null, null, Sex.DIVERSE, "demo", Instant.parse("2026-04-02T10:00:00Z"));
        MonthlyCounters counted = MonthlyCounters.of(placement, 0xFFFF_FFFFL);
        Tally cell = new Tally(null, Breakdown.PLACEMENTS_BY_SEX,
                Breakdown.PLACEMENTS_BY_SEX.buckets().indexOf("DIVERSE_OR_UNSPECIFIED"));
        assertThat(counted.tallies()).containsExactly(Map.entry(cell, 1L));
        assertThat(Tally.parse(cell.toString())).isEqualTo(cell);
        assertThat(roundTrip(InternalFormats.MONTHLY_COUNTERS, counted)).isEqualTo(counted);

        RetractionTarget target = RetractionTarget.counted(placement);
        RetractionTarget read = roundTrip(InternalFormats.RETRACTION_TARGET, target);
        assertThat(read).isEqualTo(target);
        IntegrationEvent undone = read.counted().event(placement.eventId(), "demo", placement.receivedAt());
        assertThat(undone.sex()).as("the sex is kept, so a retraction leaves its bucket").isEqualTo(Sex.DIVERSE);
        assertThat(MonthlyCounters.of(undone).plus(MonthlyCounters.of(placement).negated()).tallies())
                .containsExactly(Map.entry(cell, 0L));

        // version 1 of the store's format had no sex: such a record reads with it absent
        byte[] current = InternalFormats.RETRACTION_TARGET.serializer().serialize("t", target);
        byte[] version1 = new byte[current.length - 1];
        int sexAt = current.length - 2; // the sex, then the (empty) list of waiting retractions
        System.arraycopy(current, 0, version1, 0, sexAt);
        version1[sexAt] = current[sexAt + 1];
        version1[0] = 1;
        assertThat(InternalFormats.RETRACTION_TARGET.deserializer().deserialize("t", version1).counted().sex())
                .isNull();
    }

    @Test
    void a_participant_history_reads_back_equal_also_when_excluded() {
        ParticipantHistory history = new ParticipantHistory(
                List.of(new ParticipantHistory.Completion(District.EMSLAND, LocalDate.of(2026, 2, 28),
                        CourseType.JOB_LANGUAGE_COURSE, Outcome.FAILED, FundingSource.BAMF_DEUFOEV, Sex.FEMALE,
                        0xFEDC_BA98L)),
                List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)),
                List.of(new ParticipantHistory.Report(LocalDate.of(2025, 1, 1), District.LEER,
                        CourseType.JOB_LANGUAGE_COURSE, null, 17)),
                List.of(new ParticipantHistory.Report(LocalDate.of(2024, 6, 3), District.VECHTA, null, null, 0xFFFF_FFFFL)),
                List.of(new ParticipantHistory.Report(LocalDate.of(2025, 2, 1), District.LEER,
                        CourseType.JOB_LANGUAGE_COURSE, FundingSource.JOBCENTER_SGB2, 5)), 7, false);

        assertThat(roundTrip(InternalFormats.PARTICIPANT_HISTORY, history)).isEqualTo(history);
        assertThat(roundTrip(InternalFormats.PARTICIPANT_HISTORY, ParticipantHistory.EMPTY))
                .isEqualTo(ParticipantHistory.EMPTY);
        assertThat(roundTrip(InternalFormats.PARTICIPANT_HISTORY, ParticipantHistory.EXCLUDED))
                .isEqualTo(ParticipantHistory.EXCLUDED);
    }

    /** A history written by version 1 (before the event count): what an older instance left in the store. */
    @Test
    void a_history_of_the_older_version_reads_with_its_events_counted_from_what_it_holds() {
        BinarySerde<ParticipantHistory> version1 = new BinarySerde<>(ParticipantHistory.class, 1, (h, out) -> {
            out.writeVarlong(1);
            out.writeEnum(District.LEER);
            out.writeVarlong(LocalDate.of(2026, 1, 5).toEpochDay());
            out.writeEnum(CourseType.INTEGRATION_COURSE);
            out.writeEnum(Outcome.PASSED);
            out.writeVarlong(1);
            out.writeVarlong(LocalDate.of(2026, 2, 1).toEpochDay());
            out.writeVarlong(0);
        }, (in, version) -> null);
        byte[] old = version1.serializer().serialize("t", ParticipantHistory.EMPTY);

        ParticipantHistory read = InternalFormats.PARTICIPANT_HISTORY.deserializer().deserialize("t", old);
        assertThat(read.completions()).hasSize(1);
        assertThat(read.placements()).containsExactly(LocalDate.of(2026, 2, 1));
        assertThat(read.events()).isEqualTo(2);
        assertThat(read.excluded()).isFalse();
    }

    /** A record of a newer version, with fields appended that this reader does not know: an instance of the next release wrote it. */
    @Test
    void a_record_of_a_newer_version_reads_by_the_fields_this_version_knows() {
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), EventType.COURSE_ENROLMENT,
                LocalDate.of(2026, 1, 1), District.LEER, "p", CourseType.INTEGRATION_COURSE, null, null, null, "demo",
                Instant.parse("2026-01-01T10:00:00Z"));
        byte[] current = InternalFormats.EVENT.serializer().serialize("t", event);
        byte[] newer = Arrays.copyOf(current, current.length + 3);
        newer[0] = 4;
        newer[current.length] = 42; // whatever the next version appends

        assertThat(InternalFormats.EVENT.deserializer().deserialize("t", newer)).isEqualTo(event);
        // the same bytes left over under this very version are an error, not ignored
        byte[] garbage = Arrays.copyOf(current, current.length + 3);
        assertThatThrownBy(() -> InternalFormats.EVENT.deserializer().deserialize("t", garbage))
                .isInstanceOf(SerializationException.class);
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
     * old state would read wrongly, so start a new engine generation (dashboard.engine.generation) and
     * then change this list. Appending a constant is safe.
     */
    @Test
    void the_enum_positions_the_formats_rely_on_are_unchanged() {
        // contract v2 appended RETRACTION, FIRST_ORIENTATION_COURSE, BELOW_A1 and FULL_VOCATIONAL_TRAINING;
        // then ENTITLEMENT and COURSE_START came, with the enums of entitlement, issuer and sex
        assertThat(names(EventType.values())).startsWith("COURSE_ENROLMENT", "COURSE_COMPLETION", "JOB_PLACEMENT",
                "RETRACTION", "ENTITLEMENT", "COURSE_START");
        assertThat(names(Entitlement.values())).startsWith("ENTITLED", "OBLIGED");
        assertThat(names(Issuer.values())).startsWith("FOREIGNERS_AUTHORITY", "JOBCENTER", "BAMF", "OTHER");
        assertThat(names(Sex.values())).startsWith("FEMALE", "MALE", "DIVERSE", "UNSPECIFIED");
        assertThat(names(CourseType.values())).startsWith("INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE",
                "VOCATIONAL_QUALIFICATION", "ORIENTATION_COURSE", "FIRST_ORIENTATION_COURSE");
        assertThat(names(Outcome.values())).startsWith("PASSED", "FAILED", "DROPPED_OUT");
        assertThat(names(LanguageLevel.values())).startsWith("A1", "A2", "B1", "B2", "C1", "C2", "BELOW_A1");
        // the breakdowns by sex came after those of contract v2
        assertThat(names(Breakdown.values())).startsWith("ENROLMENTS_BY_COURSE_VARIANT", "ENROLMENTS_BY_FUNDING_SOURCE",
                "COMPLETIONS_BY_FUNDING_SOURCE", "INTEGRATION_COURSE_EXAM_LEVELS", "TARGET_LEVEL_EXAMINED_BY_ATTEMPT",
                "TARGET_LEVEL_REACHED_BY_ATTEMPT", "TARGET_LEVEL_EXAMINED_BY_COURSE_VARIANT",
                "TARGET_LEVEL_REACHED_BY_COURSE_VARIANT", "ENROLMENTS_BY_SEX", "COMPLETIONS_BY_SEX", "PASSED_BY_SEX",
                "PLACEMENTS_BY_SEX");
        assertThat(names(PlacementType.values())).startsWith("EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT",
                "MARGINAL_EMPLOYMENT", "FULL_VOCATIONAL_TRAINING");
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
