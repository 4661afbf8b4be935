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
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The binary formats of the engine's repartition topics and state stores (see {@link BinarySerde}).
 * Enums are stored by position: reordering one of the shared enums, or changing a format here, needs
 * a new application id ({@code spring.kafka.streams.application-id}); appending a constant does not.
 */
final class InternalFormats {

    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final District[] DISTRICTS = District.values();
    private static final CourseType[] COURSE_TYPES = CourseType.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final LanguageLevel[] LANGUAGE_LEVELS = LanguageLevel.values();
    private static final PlacementType[] PLACEMENT_TYPES = PlacementType.values();

    /**
     * The key of the repartition topic {@code events-by-id}: the eventId's 16 bytes instead of its 36
     * characters (the store {@value IndicatorTopology#SEEN_EVENT_IDS} keys an id alike, {@link SeenEventIds}).
     */
    static final Serde<UUID> EVENT_ID = Serdes.serdeFrom(
            (topic, id) -> id == null ? null : ByteBuffer.allocate(16)
                    .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array(),
            (topic, data) -> {
                if (data == null) {
                    return null;
                }
                if (data.length != 16) {
                    throw new SerializationException("Unreadable eventId on " + topic + " (" + data.length + " bytes)");
                }
                ByteBuffer buffer = ByteBuffer.wrap(data);
                return new UUID(buffer.getLong(), buffer.getLong());
            });
    /** A deduplicated event on the repartition topics: about 100 bytes instead of about 280 of JSON. */
    static final BinarySerde<IntegrationEvent> EVENT = new BinarySerde<>(IntegrationEvent.class, 1,
            InternalFormats::writeEvent, InternalFormats::readEvent);
    /** The store {@value IndicatorTopology#DISTRICT_MONTH_COUNTERS}. */
    static final BinarySerde<MonthlyCounters> MONTHLY_COUNTERS = new BinarySerde<>(MonthlyCounters.class, 1,
            InternalFormats::writeCounters, InternalFormats::readCounters);
    /** The store {@value ChainTopology#DISTRICT_MONTH_CHAIN}. */
    static final BinarySerde<MonthlyChain> MONTHLY_CHAIN = new BinarySerde<>(MonthlyChain.class, 1,
            (chain, out) -> writeChainMap(chain.courses(), out), in -> new MonthlyChain(readChainMap(in)));
    /** The repartition topic {@code chain-by-district-month}. */
    static final BinarySerde<ChainChange> CHAIN_CHANGE = new BinarySerde<>(ChainChange.class, 1,
            InternalFormats::writeChange, InternalFormats::readChange);
    /** The store {@value ChainTopology#PARTICIPANT_HISTORY}. */
    static final BinarySerde<ParticipantHistory> PARTICIPANT_HISTORY = new BinarySerde<>(ParticipantHistory.class, 1,
            InternalFormats::writeHistory, InternalFormats::readHistory);

    private InternalFormats() {
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
    }

    private static IntegrationEvent readEvent(BinarySerde.Reader in) {
        return new IntegrationEvent(new UUID(in.readLong(), in.readLong()), in.readRequiredEnum(EVENT_TYPES),
                LocalDate.ofEpochDay(in.readVarlong()), in.readRequiredEnum(DISTRICTS), in.readString(),
                in.readEnum(COURSE_TYPES), in.readEnum(OUTCOMES), in.readEnum(LANGUAGE_LEVELS),
                in.readEnum(PLACEMENT_TYPES), in.readString(), in.readInstant());
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
    }

    private static MonthlyCounters readCounters(BinarySerde.Reader in) {
        Map<CourseType, CourseCounters> courses = new EnumMap<>(CourseType.class);
        for (int i = in.readVarint(); i > 0; i--) {
            courses.put(in.readRequiredEnum(COURSE_TYPES), new CourseCounters(in.readVarlong(), in.readVarlong(),
                    in.readVarlong(), in.readVarlong(), in.readVarlong()));
        }
        Map<PlacementType, Long> placements = new EnumMap<>(PlacementType.class);
        for (int i = in.readVarint(); i > 0; i--) {
            placements.put(in.readRequiredEnum(PLACEMENT_TYPES), in.readVarlong());
        }
        return new MonthlyCounters(courses, placements, readChainMap(in), in.readInstant());
    }

    private static void writeChainMap(Map<CourseType, ChainCounters> chain, BinarySerde.Writer out) {
        out.writeVarlong(chain.size());
        chain.forEach((type, counters) -> {
            out.writeEnum(type);
            writeHistogram(counters.passedByDay(), out);
            writeHistogram(counters.placedWithin6MonthsByDay(), out);
            writeHistogram(counters.daysToPlacement(), out);
            writeHistogram(counters.waitingDays(), out);
        });
    }

    private static Map<CourseType, ChainCounters> readChainMap(BinarySerde.Reader in) {
        Map<CourseType, ChainCounters> chain = new EnumMap<>(CourseType.class);
        for (int i = in.readVarint(); i > 0; i--) {
            chain.put(in.readRequiredEnum(COURSE_TYPES), new ChainCounters(readHistogram(in), readHistogram(in),
                    readHistogram(in), readHistogram(in)));
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

    private static void writeChange(ChainChange change, BinarySerde.Writer out) {
        writeContribution(change.before(), out);
        writeContribution(change.after(), out);
    }

    private static ChainChange readChange(BinarySerde.Reader in) {
        return new ChainChange(readContribution(in), readContribution(in));
    }

    private static void writeContribution(ChainContribution c, BinarySerde.Writer out) {
        out.writeBoolean(c != null);
        if (c != null) {
            out.writeEnum(c.courseType());
            out.writeVarlong(c.dayOfMonth());
            out.writeBoolean(c.passed());
            out.writeNullableInt(c.daysToPlacement());
            out.writeNullableInt(c.waitingDays());
        }
    }

    private static ChainContribution readContribution(BinarySerde.Reader in) {
        return in.readBoolean() ? new ChainContribution(in.readRequiredEnum(COURSE_TYPES), in.readVarint(),
                in.readBoolean(), in.readNullableInt(), in.readNullableInt()) : null;
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
        writeDays(h.enrolments(), out);
    }

    private static ParticipantHistory readHistory(BinarySerde.Reader in) {
        int size = in.readVarint();
        List<ParticipantHistory.Completion> completions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            completions.add(new ParticipantHistory.Completion(in.readRequiredEnum(DISTRICTS),
                    LocalDate.ofEpochDay(in.readVarlong()), in.readEnum(COURSE_TYPES), in.readEnum(OUTCOMES)));
        }
        return new ParticipantHistory(completions, readDays(in), readDays(in));
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
