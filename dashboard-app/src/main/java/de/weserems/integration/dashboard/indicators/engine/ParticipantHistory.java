package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the chain indicators need to know about one participant, as the store
 * {@value ChainTopology#PARTICIPANT_HISTORY} keeps it: the completions that can count
 * ({@code PASSED}, {@code FAILED}), the days of placements (integrations only), and the enrolments,
 * entitlements and course starts, each with its district, course type, funding source and record key
 * ({@link ParticipantFigures} derives every chain figure from them). Lists of dated reports are sorted by
 * day ({@link #BY_DATE}), one entry per event: a second one on the same day may change no figure, but is kept so that
 * retracting one of the two leaves the other.
 *
 * <p>A history is bounded: once its pseudonym has stood for more than
 * {@link ChainContribution#MAX_EVENTS_PER_PARTICIPANT} events it becomes {@link #EXCLUDED}, which holds
 * nothing and never changes again, so a placeholder reference cannot make each event cost more than
 * the last nor grow a record beyond Kafka's limit.
 *
 * @param events   how many events the pseudonym has stood for (resends not counted; retracted ones counted,
 *                 so the limit does not depend on whether an event came before or after its retraction)
 * @param excluded the pseudonym stood for too many events: it is out of the chain figures for good
 */
record ParticipantHistory(List<Completion> completions, List<LocalDate> placements, List<Report> enrolments,
                          List<Report> entitlements, List<Report> starts, int events, boolean excluded) {

    static final ParticipantHistory EMPTY = new ParticipantHistory(List.of(), List.of(), List.of(), List.of(),
            List.of(), 0, false);
    static final ParticipantHistory EXCLUDED = new ParticipantHistory(List.of(), List.of(), List.of(), List.of(),
            List.of(), 0, true);

    /**
     * A completion that counts in the chain: in its own district and month.
     *
     * @param fundingSource the completed measure's funding source, or {@code null} when not stated
     * @param sex           the sex stated on the completion, or {@code null}
     * @param recordKey     the completion event's record key ({@link RecordKeys}), for the key sums of the
     *                      chain counters it contributes to; 0 in histories written before engine generation v5
     */
    record Completion(District district, LocalDate date, CourseType courseType, Outcome outcome,
                      FundingSource fundingSource, Sex sex, long recordKey) {
    }

    /**
     * An enrolment, entitlement or course start: where and when, for which course (an entitlement's is
     * {@code null}: it is always to an integration course), paid by whom, and its record key.
     */
    record Report(LocalDate date, District district, CourseType courseType, FundingSource fundingSource,
                  long recordKey) {

        static Report of(IntegrationEvent event, long recordKey) {
            return new Report(event.occurredOn(), event.district(), event.courseType(), event.fundingSource(),
                    recordKey);
        }
    }

    /**
     * Reports by day; reports of the same day in a fixed order (district, course type, funding source, record key),
     * so that the figures never depend on the order the events came in.
     */
    private static final Comparator<Report> BY_DATE = Comparator.comparing(Report::date)
            .thenComparing(Report::district)
            .thenComparing(Report::courseType, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Report::fundingSource, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Report::recordKey);

    ParticipantHistory {
        completions = completions == null ? List.of() : List.copyOf(completions);
        placements = placements == null ? List.of() : List.copyOf(placements);
        enrolments = enrolments == null ? List.of() : List.copyOf(enrolments);
        entitlements = entitlements == null ? List.of() : List.copyOf(entitlements);
        starts = starts == null ? List.of() : List.copyOf(starts);
    }

    /**
     * This history with one more (deduplicated) event, whose record key is {@code recordKey}; the same
     * history when it changes nothing.
     */
    ParticipantHistory with(IntegrationEvent event, long recordKey) {
        if (excluded) {
            return this;
        }
        if (events >= ChainContribution.MAX_EVENTS_PER_PARTICIPANT) {
            return EXCLUDED;
        }
        return changed(event, recordKey, true).counting(events + 1);
    }

    /**
     * This history with {@code event} (whose record key is {@code recordKey}), which it holds, taken out
     * again: it was retracted. The pseudonym still stood for it ({@link #events()} stays).
     */
    ParticipantHistory without(IntegrationEvent event, long recordKey) {
        if (excluded) {
            return this;
        }
        return changed(event, recordKey, false);
    }

    private ParticipantHistory changed(IntegrationEvent event, long recordKey, boolean add) {
        return switch (event.type()) {
            case COURSE_COMPLETION -> {
                Completion completion = completion(event, recordKey);
                yield completion == null ? this : new ParticipantHistory(add ? append(completions, completion)
                        : removeFirst(completions, completion), placements, enrolments, entitlements, starts, events,
                        false);
            }
            // the chain follows integrations in the SGB II sense: a mini-job is no placement for it
            case JOB_PLACEMENT -> event.placementType().integration() ? new ParticipantHistory(completions,
                    add ? insert(placements, event.occurredOn(), Comparator.naturalOrder())
                            : removeFirst(placements, event.occurredOn()),
                    enrolments, entitlements, starts, events, false) : this;
            case COURSE_ENROLMENT -> new ParticipantHistory(completions, placements,
                    changed(enrolments, Report.of(event, recordKey), add), entitlements, starts, events, false);
            case ENTITLEMENT -> new ParticipantHistory(completions, placements, enrolments,
                    changed(entitlements, Report.of(event, recordKey), add), starts, events, false);
            case COURSE_START -> new ParticipantHistory(completions, placements, enrolments, entitlements,
                    changed(starts, Report.of(event, recordKey), add), events, false);
            // a retraction has no participant and never comes here (RetractionDecider decides it before)
            case RETRACTION -> this;
        };
    }

    private ParticipantHistory counting(int counted) {
        return new ParticipantHistory(completions, placements, enrolments, entitlements, starts, counted, false);
    }

    /**
     * This history after an event that was retracted before it arrived: nothing of it is kept, but the
     * pseudonym stood for one more event (and may now stand for too many).
     */
    ParticipantHistory stoodFor() {
        if (excluded) {
            return this;
        }
        if (events >= ChainContribution.MAX_EVENTS_PER_PARTICIPANT) {
            return EXCLUDED;
        }
        return counting(events + 1);
    }

    /** The completion an event is, if it is one that can count in the chain ({@code PASSED} or {@code FAILED}). */
    static Completion completion(IntegrationEvent event, long recordKey) {
        return event.type() == EventType.COURSE_COMPLETION && event.outcome() != Outcome.DROPPED_OUT
                ? new Completion(event.district(), event.occurredOn(), event.courseType(), event.outcome(),
                event.fundingSource(), event.sex(), recordKey) : null;
    }

    private static List<Report> changed(List<Report> reports, Report report, boolean add) {
        return add ? insert(reports, report, BY_DATE) : removeFirst(reports, report);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    /** {@code sorted} stays sorted; an item equal in order to ones already there goes after them. */
    private static <T> List<T> insert(List<T> sorted, T item, Comparator<? super T> order) {
        int i = sorted.size();
        while (i > 0 && order.compare(sorted.get(i - 1), item) > 0) {
            i--;
        }
        List<T> copy = new ArrayList<>(sorted);
        copy.add(i, item);
        return copy;
    }

    /** {@code list} without its first element equal to {@code item} (unchanged when there is none). */
    private static <T> List<T> removeFirst(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(item);
        return copy;
    }
}
