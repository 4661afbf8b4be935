package de.weserems.integration.dashboard.indicators.engine;

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
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The binary formats of the engine's repartition topics and state stores (see {@link BinarySerde}: a
 * format evolves by appending fields under a new version). Enums are stored by position: appending a
 * constant is safe, reordering one of the shared enums needs a new engine generation.
 */
final class InternalFormats {

    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final District[] DISTRICTS = District.values();
    private static final CourseType[] COURSE_TYPES = CourseType.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final LanguageLevel[] LANGUAGE_LEVELS = LanguageLevel.values();
    private static final PlacementType[] PLACEMENT_TYPES = PlacementType.values();
    private static final Breakdown[] BREAKDOWNS = Breakdown.values();
    private static final CourseVariant[] COURSE_VARIANTS = CourseVariant.values();
    private static final Attempt[] ATTEMPTS = Attempt.values();
    private static final FundingSource[] FUNDING_SOURCES = FundingSource.values();
    private static final Entitlement[] ENTITLEMENTS = Entitlement.values();
    private static final Issuer[] ISSUERS = Issuer.values();
    private static final Sex[] SEXES = Sex.values();
    private static final ChainEvent.Change[] CHAIN_CHANGES = ChainEvent.Change.values();
    private static final RetractionTarget.Kind[] TARGET_KINDS = RetractionTarget.Kind.values();

    /**
     * A deduplicated event on the repartition topics: about 100 bytes instead of about 280 of JSON. Version
     * 2 appended the fields of contract v2 (course variant, target level, attempt, funding source and a
     * retraction's {@code retracts}); a version-1 record reads with them absent. Before it, a retraction
     * that crossed a repartition topic lost what it retracts. Version 3 appended an entitlement's
     * {@code entitlement} and {@code issuer} and the participant's {@code sex}; a version-2 record reads with
     * them absent.
     */
    static final BinarySerde<IntegrationEvent> EVENT = new BinarySerde<>(IntegrationEvent.class, 3,
            InternalFormats::writeEvent, InternalFormats::readEvent);
    /**
     * Counters, and changes of counters: the stores {@value IndicatorTopology#COUNT_CHANGES},
     * {@value ChainTopology#CHAIN_CHANGES} and {@value IndicatorTopology#DISTRICT_MONTH_COUNTERS}, and the
     * repartition topic between them. Version 2 appended the key sums (none in a version-1 record),
     * version 3 the breakdowns of contract v2 (none before), version 4 the chain's funding, access, waiting and
     * by-sex histograms (empty before).
     */
    static final BinarySerde<MonthlyCounters> MONTHLY_COUNTERS = new BinarySerde<>(MonthlyCounters.class, 4,
            InternalFormats::writeCounters, InternalFormats::readCounters);
    /**
     * The store {@value ChainTopology#PARTICIPANT_HISTORY}. Version 2 appended how many events the
     * pseudonym stood for and whether it left the chain; a version-1 history reads as not excluded with
     * as many events as it holds days and completions. Version 3 appended each completion's record key
     * (0 before); version 4 each completion's funding source and sex, each enrolment's district, course type, funding
     * source and record key, and the entitlements and course starts (engine generation v7).
     */
    static final BinarySerde<ParticipantHistory> PARTICIPANT_HISTORY = new BinarySerde<>(ParticipantHistory.class, 4,
            InternalFormats::writeHistory, InternalFormats::readHistory);

    /**
     * An event on its way to its participant's chain (the repartition topic "events-by-participant"): the
     * change, then the event in the layout of {@link #EVENT}: version 1 in that of its version 2, version 2
     * in that of its version 3 (a later layout of the event needs a new version here too).
     */
    static final BinarySerde<ChainEvent> CHAIN_EVENT = new BinarySerde<>(ChainEvent.class, 2,
            (c, out) -> {
                out.writeEnum(c.change());
                writeEvent(c.event(), out);
            },
            (in, version) -> {
                ChainEvent.Change change = in.readRequiredEnum(CHAIN_CHANGES);
                return new ChainEvent(readEvent(in, version >= 2 ? 3 : 2), change);
            });
    /**
     * The store {@value RetractionDecider#RETRACTION_TARGETS}: per eventId what a retraction of it needs.
     * A counted event takes some 20 bytes plus its participant's pseudonym and its provider id. Version 2
     * appended the participant's sex to what a counted event added (the breakdowns by sex take it back); a
     * version-1 record reads with it absent.
     */
    static final BinarySerde<RetractionTarget> RETRACTION_TARGET = new BinarySerde<>(RetractionTarget.class, 2,
            InternalFormats::writeTarget, InternalFormats::readTarget);

    /** An eventId as a store key: its 16 bytes (most significant half first), as {@link SeenEventIds} keeps it. */
    static final Serde<UUID> EVENT_ID = Serdes.serdeFrom(
            (topic, id) -> id == null ? null : SeenEventIds.idBytes(id),
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                return new UUID(b.getLong(), b.getLong());
            });

    private InternalFormats() {
    }

    private static void writeTarget(RetractionTarget t, BinarySerde.Writer out) {
        out.writeEnum(t.kind());
        out.writeString(t.providerId());
        RetractionTarget.Undo u = t.counted();
        out.writeBoolean(u != null);
        if (u != null) {
            out.writeEnum(u.type());
            out.writeVarlong(u.occurredOn().toEpochDay());
            out.writeEnum(u.district());
            out.writeString(u.participant());
            out.writeEnum(u.courseType());
            out.writeEnum(u.outcome());
            out.writeEnum(u.languageLevel());
            out.writeEnum(u.placementType());
            out.writeEnum(u.courseVariant());
            out.writeEnum(u.targetLevel());
            out.writeEnum(u.attempt());
            out.writeEnum(u.fundingSource());
            // version 2
            out.writeEnum(u.sex());
        }
        out.writeVarlong(t.waiting().size());
        for (RetractionTarget.Waiting w : t.waiting()) {
            out.writeLong(w.retractionId().getMostSignificantBits());
            out.writeLong(w.retractionId().getLeastSignificantBits());
            out.writeString(w.providerId());
        }
    }

    private static RetractionTarget readTarget(BinarySerde.Reader in, int version) {
        RetractionTarget.Kind kind = in.readRequiredEnum(TARGET_KINDS);
        String providerId = in.readString();
        RetractionTarget.Undo undo = in.readBoolean() ? new RetractionTarget.Undo(in.readRequiredEnum(EVENT_TYPES),
                LocalDate.ofEpochDay(in.readVarlong()), in.readRequiredEnum(DISTRICTS), in.readString(),
                in.readEnum(COURSE_TYPES), in.readEnum(OUTCOMES), in.readEnum(LANGUAGE_LEVELS),
                in.readEnum(PLACEMENT_TYPES), in.readEnum(COURSE_VARIANTS), in.readEnum(LANGUAGE_LEVELS),
                in.readEnum(ATTEMPTS), in.readEnum(FUNDING_SOURCES), version >= 2 ? in.readEnum(SEXES) : null) : null;
        int size = in.readVarint();
        List<RetractionTarget.Waiting> waiting = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            waiting.add(new RetractionTarget.Waiting(new UUID(in.readLong(), in.readLong()), in.readString()));
        }
        return new RetractionTarget(kind, providerId, undo, waiting);
    }

    private static void writeEvent(IntegrationEvent e, BinarySerde.Writer out) {
        out.writeLong(e.eventId().getMostSignificantBits());
        out.writeLong(e.eventId().getLeastSignificantBits());
        out.writeEnum(e.type());
        out.writeVarlong(e.occurredOn().toEpochDay());
        out.writeEnum(e.district());
        out.writeString(e.participant());
        out.writeEnum(e.courseType());
        out.writeEnum(e.outcome());
        out.writeEnum(e.languageLevel());
        out.writeEnum(e.placementType());
        out.writeString(e.providerId());
        out.writeInstant(e.receivedAt());
        // version 2
        out.writeEnum(e.courseVariant());
        out.writeEnum(e.targetLevel());
        out.writeEnum(e.attempt());
        out.writeEnum(e.fundingSource());
        writeNullableUuid(e.retracts(), out);
        // version 3
        out.writeEnum(e.entitlement());
        out.writeEnum(e.issuer());
        out.writeEnum(e.sex());
    }

    private static IntegrationEvent readEvent(BinarySerde.Reader in, int version) {
        UUID eventId = new UUID(in.readLong(), in.readLong());
        EventType type = in.readRequiredEnum(EVENT_TYPES);
        LocalDate occurredOn = LocalDate.ofEpochDay(in.readVarlong());
        District district = in.readRequiredEnum(DISTRICTS);
        String participant = in.readString();
        CourseType courseType = in.readEnum(COURSE_TYPES);
        Outcome outcome = in.readEnum(OUTCOMES);
        LanguageLevel languageLevel = in.readEnum(LANGUAGE_LEVELS);
        PlacementType placementType = in.readEnum(PLACEMENT_TYPES);
        String providerId = in.readString();
        Instant receivedAt = in.readInstant();
        if (version < 2) {
            return new IntegrationEvent(eventId, type, occurredOn, district, participant, courseType, outcome,
                    languageLevel, placementType, providerId, receivedAt);
        }
        CourseVariant courseVariant = in.readEnum(COURSE_VARIANTS);
        LanguageLevel targetLevel = in.readEnum(LANGUAGE_LEVELS);
        Attempt attempt = in.readEnum(ATTEMPTS);
        FundingSource fundingSource = in.readEnum(FUNDING_SOURCES);
        UUID retracts = readNullableUuid(in);
        if (version < 3) {
            return new IntegrationEvent(eventId, type, occurredOn, district, participant, courseType, outcome,
                    languageLevel, placementType, courseVariant, targetLevel, attempt, fundingSource, retracts,
                    providerId, receivedAt);
        }
        return new IntegrationEvent(eventId, type, occurredOn, district, participant, courseType, outcome,
                languageLevel, placementType, courseVariant, targetLevel, attempt, fundingSource, retracts,
                in.readEnum(ENTITLEMENTS), in.readEnum(ISSUERS), in.readEnum(SEXES), providerId, receivedAt);
    }

    private static void writeNullableUuid(UUID id, BinarySerde.Writer out) {
        out.writeBoolean(id != null);
        if (id != null) {
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
    }

    private static UUID readNullableUuid(BinarySerde.Reader in) {
        return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    }

    private static void writeCounters(MonthlyCounters c, BinarySerde.Writer out) {
        out.writeVarlong(c.courses().size());
        c.courses().forEach((type, n) -> {
            out.writeEnum(type);
            out.writeVarlong(n.enrolments());
            out.writeVarlong(n.passed());
            out.writeVarlong(n.failed());
            out.writeVarlong(n.dropouts());
            out.writeVarlong(n.passedB1OrHigher());
        });
        out.writeVarlong(c.placements().size());
        c.placements().forEach((type, n) -> {
            out.writeEnum(type);
            out.writeVarlong(n);
        });
        writeChainMap(c.chain(), out);
        out.writeInstant(c.lastReceivedAt());
        // version 2
        out.writeBoolean(c.keySums() != null);
        if (c.keySums() != null) {
            writeCounters(c.keySums(), out);
        }
        // version 3
        out.writeVarlong(c.tallies().size());
        c.tallies().forEach((cell, n) -> {
            out.writeEnum(cell.courseType());
            out.writeEnum(cell.breakdown());
            out.writeVarlong(cell.bucket());
            out.writeVarlong(n);
        });
        // version 4
        out.writeVarlong(c.chain().size());
        c.chain().forEach((type, counters) -> {
            out.writeEnum(type);
            writeHistogram(counters.completedByFundingDay(), out);
            writeHistogram(counters.nextMeasureByFundingDay(), out);
            writeHistogram(counters.waitingTimeDays(), out);
            writeHistogram(counters.accessTimeDays(), out);
            writeHistogram(counters.waitingSinceByDay(), out);
            writeHistogram(counters.passedBySexDay(), out);
            writeHistogram(counters.placedBySexDay(), out);
        });
    }

    private static MonthlyCounters readCounters(BinarySerde.Reader in, int version) {
        Map<CourseType, CourseCounters> courses = new EnumMap<>(CourseType.class);
        for (int i = in.readVarint(); i > 0; i--) {
            courses.put(in.readRequiredEnum(COURSE_TYPES), new CourseCounters(in.readVarlong(), in.readVarlong(),
                    in.readVarlong(), in.readVarlong(), in.readVarlong()));
        }
        Map<PlacementType, Long> placements = new EnumMap<>(PlacementType.class);
        for (int i = in.readVarint(); i > 0; i--) {
            placements.put(in.readRequiredEnum(PLACEMENT_TYPES), in.readVarlong());
        }
        Map<CourseType, ChainCounters> chain = readChainMap(in);
        Instant lastReceivedAt = in.readInstant();
        MonthlyCounters keySums = version >= 2 && in.readBoolean() ? readCounters(in, version) : null;
        Map<Tally, Long> tallies = new HashMap<>();
        for (int i = version >= 3 ? in.readVarint() : 0; i > 0; i--) {
            // a breakdown of placements has no course type (stored as absent)
            tallies.put(new Tally(in.readEnum(COURSE_TYPES), in.readRequiredEnum(BREAKDOWNS), in.readVarint()),
                    in.readVarlong());
        }
        for (int i = version >= 4 ? in.readVarint() : 0; i > 0; i--) {
            CourseType type = in.readRequiredEnum(COURSE_TYPES);
            ChainCounters c = chain.getOrDefault(type, ChainCounters.ZERO);
            chain.put(type, new ChainCounters(c.passedByDay(), c.placedWithin6MonthsByDay(), c.daysToPlacement(),
                    c.waitingDays(), c.excluded(), readHistogram(in), readHistogram(in), readHistogram(in),
                    readHistogram(in), readHistogram(in), readHistogram(in), readHistogram(in)));
        }
        return new MonthlyCounters(courses, placements, chain, lastReceivedAt, keySums, tallies);
    }

    private static void writeChainMap(Map<CourseType, ChainCounters> chain, BinarySerde.Writer out) {
        out.writeVarlong(chain.size());
        chain.forEach((type, counters) -> {
            out.writeEnum(type);
            writeHistogram(counters.passedByDay(), out);
            writeHistogram(counters.placedWithin6MonthsByDay(), out);
            writeHistogram(counters.daysToPlacement(), out);
            writeHistogram(counters.waitingDays(), out);
            out.writeVarlong(counters.excluded());
        });
    }

    private static Map<CourseType, ChainCounters> readChainMap(BinarySerde.Reader in) {
        Map<CourseType, ChainCounters> chain = new EnumMap<>(CourseType.class);
        for (int i = in.readVarint(); i > 0; i--) {
            chain.put(in.readRequiredEnum(COURSE_TYPES), new ChainCounters(readHistogram(in), readHistogram(in),
                    readHistogram(in), readHistogram(in), in.readVarlong()));
        }
        return chain;
    }

    private static void writeHistogram(Map<Integer, Long> histogram, BinarySerde.Writer out) {
        out.writeVarlong(histogram.size());
        histogram.forEach((key, n) -> {
            out.writeVarlong(key);
            out.writeVarlong(n);
        });
    }

    private static Map<Integer, Long> readHistogram(BinarySerde.Reader in) {
        int size = in.readVarint();
        Map<Integer, Long> histogram = new HashMap<>();
        for (int i = 0; i < size; i++) {
            histogram.put(in.readVarint(), in.readVarlong());
        }
        return histogram;
    }

    private static void writeHistory(ParticipantHistory h, BinarySerde.Writer out) {
        out.writeVarlong(h.completions().size());
        for (ParticipantHistory.Completion c : h.completions()) {
            out.writeEnum(c.district());
            out.writeVarlong(c.date().toEpochDay());
            out.writeEnum(c.courseType());
            out.writeEnum(c.outcome());
        }
        writeDays(h.placements(), out);
        writeDays(h.enrolments().stream().map(ParticipantHistory.Report::date).toList(), out);
        // version 2
        out.writeVarlong(h.events());
        out.writeBoolean(h.excluded());
        // version 3
        for (ParticipantHistory.Completion c : h.completions()) {
            out.writeVarlong(c.recordKey());
        }
        // version 4: each completion's funding source; the rest of each enrolment (in the order of the days
        // above); entitlements and course starts
        for (ParticipantHistory.Completion c : h.completions()) {
            out.writeEnum(c.fundingSource());
            out.writeEnum(c.sex());
        }
        for (ParticipantHistory.Report e : h.enrolments()) {
            writeReportRest(e, out);
        }
        writeReports(h.entitlements(), out);
        writeReports(h.starts(), out);
    }

    private static ParticipantHistory readHistory(BinarySerde.Reader in, int version) {
        int size = in.readVarint();
        List<ParticipantHistory.Completion> completions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            completions.add(new ParticipantHistory.Completion(in.readRequiredEnum(DISTRICTS),
                    LocalDate.ofEpochDay(in.readVarlong()), in.readEnum(COURSE_TYPES), in.readEnum(OUTCOMES), null,
                    null, 0));
        }
        List<LocalDate> placements = readDays(in);
        List<LocalDate> enrolmentDays = readDays(in);
        int events = version < 2 ? completions.size() + placements.size() + enrolmentDays.size() : in.readVarint();
        boolean excluded = version >= 2 && in.readBoolean();
        if (version >= 3) {
            completions.replaceAll(c -> new ParticipantHistory.Completion(c.district(), c.date(), c.courseType(),
                    c.outcome(), null, null, in.readVarlong()));
        }
        List<ParticipantHistory.Report> enrolments = new ArrayList<>(enrolmentDays.size());
        List<ParticipantHistory.Report> entitlements = List.of();
        List<ParticipantHistory.Report> starts = List.of();
        if (version >= 4) {
            completions.replaceAll(c -> new ParticipantHistory.Completion(c.district(), c.date(), c.courseType(),
                    c.outcome(), in.readEnum(FUNDING_SOURCES), in.readEnum(SEXES), c.recordKey()));
            for (LocalDate day : enrolmentDays) {
                enrolments.add(readReportRest(day, in));
            }
            entitlements = readReports(in);
            starts = readReports(in);
        } else {
            // before version 4 an enrolment was only its day; its district is unknown and counts nowhere by itself
            enrolmentDays.forEach(day -> enrolments.add(new ParticipantHistory.Report(day, DISTRICTS[0], null, null, 0)));
        }
        return new ParticipantHistory(completions, placements, enrolments, entitlements, starts, events, excluded);
    }

    private static void writeReports(List<ParticipantHistory.Report> reports, BinarySerde.Writer out) {
        out.writeVarlong(reports.size());
        for (ParticipantHistory.Report r : reports) {
            out.writeVarlong(r.date().toEpochDay());
            writeReportRest(r, out);
        }
    }

    private static List<ParticipantHistory.Report> readReports(BinarySerde.Reader in) {
        int size = in.readVarint();
        List<ParticipantHistory.Report> reports = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            reports.add(readReportRest(LocalDate.ofEpochDay(in.readVarlong()), in));
        }
        return reports;
    }

    private static void writeReportRest(ParticipantHistory.Report r, BinarySerde.Writer out) {
        out.writeEnum(r.district());
        out.writeEnum(r.courseType());
        out.writeEnum(r.fundingSource());
        out.writeVarlong(r.recordKey());
    }

    private static ParticipantHistory.Report readReportRest(LocalDate day, BinarySerde.Reader in) {
        return new ParticipantHistory.Report(day, in.readRequiredEnum(DISTRICTS), in.readEnum(COURSE_TYPES),
                in.readEnum(FUNDING_SOURCES), in.readVarlong());
    }

    private static void writeDays(List<LocalDate> days, BinarySerde.Writer out) {
        out.writeVarlong(days.size());
        for (LocalDate day : days) {
            out.writeVarlong(day.toEpochDay());
        }
    }

    private static List<LocalDate> readDays(BinarySerde.Reader in) {
        int size = in.readVarint();
        List<LocalDate> days = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            days.add(LocalDate.ofEpochDay(in.readVarlong()));
        }
        return days;
    }
}
