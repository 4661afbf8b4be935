package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the chain indicators need to know about one participant, as the store
 * {@value ChainTopology#PARTICIPANT_HISTORY} keeps it: the completions that can count
 * ({@code PASSED}, {@code FAILED}) with their district, and the days of placements and of enrolments,
 * sorted, one entry per event (their district does not matter; a second one on the same day changes no
 * figure, but is kept so that retracting one of the two leaves the other).
 *
 * <p>Completions are appended, and only a retraction removes one; so a completion keeps its position
 * until an earlier one is removed, and {@link ChainTopology} pairs a completion's contribution before
 * and after an event by position (skipping the removed one).
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
record ParticipantHistory(List<Completion> completions, List<LocalDate> placements, List<LocalDate> enrolments,
                          int events, boolean excluded) {

    static final ParticipantHistory EMPTY = new ParticipantHistory(List.of(), List.of(), List.of(), 0, false);
    static final ParticipantHistory EXCLUDED = new ParticipantHistory(List.of(), List.of(), List.of(), 0, true);

    /**
     * A completion that counts in the chain: in its own district and month.
     *
     * @param recordKey the completion event's record key ({@link RecordKeys}), for the key sums of the
     *                  chain counters it contributes to; 0 in histories written before engine generation v5
     */
    record Completion(District district, LocalDate date, CourseType courseType, Outcome outcome, long recordKey) {
    }

    ParticipantHistory {
        completions = completions == null ? List.of() : List.copyOf(completions);
        placements = placements == null ? List.of() : List.copyOf(placements);
        enrolments = enrolments == null ? List.of() : List.copyOf(enrolments);
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
        int counted = events + 1;
        return switch (event.type()) {
            case COURSE_COMPLETION -> event.outcome() == Outcome.DROPPED_OUT
                    ? new ParticipantHistory(completions, placements, enrolments, counted, false)
                    : new ParticipantHistory(append(completions, completion(event, recordKey)), placements, enrolments,
                    counted, false);
            // the chain follows integrations in the SGB II sense: a mini-job is no placement for it
            case JOB_PLACEMENT -> new ParticipantHistory(completions, event.placementType().integration()
                    ? insert(placements, event.occurredOn()) : placements, enrolments, counted, false);
            case COURSE_ENROLMENT -> new ParticipantHistory(completions, placements,
                    insert(enrolments, event.occurredOn()), counted, false);
            // a retraction has no participant and never comes here (RetractionDecider decides it before)
            case RETRACTION -> this;
            // count in no figure yet, so never sent to the chain (RetractionDecider); nor do they count
            // towards the events a pseudonym stands for: their indicators come next
            case ENTITLEMENT, COURSE_START -> this;
        };
    }

    /**
     * This history with {@code event} (whose record key is {@code recordKey}), which it holds, taken out
     * again: it was retracted. The pseudonym still stood for it ({@link #events()} stays).
     */
    ParticipantHistory without(IntegrationEvent event, long recordKey) {
        if (excluded) {
            return this;
        }
        return switch (event.type()) {
            case COURSE_COMPLETION -> {
                Completion completion = completion(event, recordKey);
                yield completion == null ? this : new ParticipantHistory(removeFirst(completions, completion),
                        placements, enrolments, events, false);
            }
            case JOB_PLACEMENT -> event.placementType().integration() ? new ParticipantHistory(completions,
                    removeFirst(placements, event.occurredOn()), enrolments, events, false) : this;
            case COURSE_ENROLMENT -> new ParticipantHistory(completions, placements,
                    removeFirst(enrolments, event.occurredOn()), events, false);
            case RETRACTION, ENTITLEMENT, COURSE_START -> this;
        };
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
        return new ParticipantHistory(completions, placements, enrolments, events + 1, false);
    }

    /** The completion an event is, if it is one that can count in the chain ({@code PASSED} or {@code FAILED}). */
    static Completion completion(IntegrationEvent event, long recordKey) {
        return event.type() == de.weserems.integration.events.EventType.COURSE_COMPLETION
                && event.outcome() != Outcome.DROPPED_OUT
                ? new Completion(event.district(), event.occurredOn(), event.courseType(), event.outcome(), recordKey) : null;
    }

    /** The chain contribution of each completion, in the order of {@link #completions()}. */
    List<ChainContribution> contributions() {
        List<ChainContribution> all = new ArrayList<>(completions.size());
        for (Completion c : completions) {
            all.add(new ChainContribution(c.courseType(), c.date().getDayOfMonth(), c.outcome() == Outcome.PASSED,
                    daysToFirst(placements, c.date(), 0), daysToFirst(enrolments, c.date(), 1)));
        }
        return all;
    }

    /** Days from {@code from} to the first of {@code days} that is {@code minDays}–365 days after it, or {@code null}. */
    private static Integer daysToFirst(List<LocalDate> days, LocalDate from, int minDays) {
        int i = Collections.binarySearch(days, from.plusDays(minDays));
        int first = i >= 0 ? i : -i - 1;
        if (first == days.size()) {
            return null;
        }
        long between = ChronoUnit.DAYS.between(from, days.get(first));
        return between <= ChainContribution.HORIZON_DAYS ? (int) between : null;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    /** {@code days} stays sorted; a day already there is there once more. */
    private static List<LocalDate> insert(List<LocalDate> days, LocalDate day) {
        int i = Collections.binarySearch(days, day);
        List<LocalDate> copy = new ArrayList<>(days);
        copy.add(i >= 0 ? i : -i - 1, day);
        return copy;
    }

    /** {@code list} without its first element equal to {@code item} (unchanged when there is none). */
    private static <T> List<T> removeFirst(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(item);
        return copy;
    }
}
