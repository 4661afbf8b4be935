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
 * ({@code PASSED}, {@code FAILED}) with their district, and the distinct days of placements and of
 * enrolments (their district does not matter, and a second one on the same day changes no figure).
 *
 * <p>Completions are only ever appended, so a completion keeps its position; that is how
 * {@link ChainTopology} pairs a completion's contribution before and after an event.
 */
record ParticipantHistory(List<Completion> completions, List<LocalDate> placements, List<LocalDate> enrolments) {

    static final ParticipantHistory EMPTY = new ParticipantHistory(List.of(), List.of(), List.of());

    /** A completion that counts in the chain: in its own district and month. */
    record Completion(District district, LocalDate date, CourseType courseType, Outcome outcome) {
    }

    ParticipantHistory {
        completions = completions == null ? List.of() : List.copyOf(completions);
        placements = placements == null ? List.of() : List.copyOf(placements);
        enrolments = enrolments == null ? List.of() : List.copyOf(enrolments);
    }

    /** This history with one more (deduplicated) event; the same history when it changes no figure. */
    ParticipantHistory with(IntegrationEvent event) {
        return switch (event.type()) {
            case COURSE_COMPLETION -> event.outcome() == Outcome.DROPPED_OUT ? this
                    : new ParticipantHistory(append(completions, new Completion(event.district(), event.occurredOn(),
                    event.courseType(), event.outcome())), placements, enrolments);
            case JOB_PLACEMENT -> new ParticipantHistory(completions, insert(placements, event.occurredOn()), enrolments);
            case COURSE_ENROLMENT -> new ParticipantHistory(completions, placements, insert(enrolments, event.occurredOn()));
        };
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

    /** {@code days} stays sorted and distinct. */
    private static List<LocalDate> insert(List<LocalDate> days, LocalDate day) {
        int i = Collections.binarySearch(days, day);
        if (i >= 0) {
            return days;
        }
        List<LocalDate> copy = new ArrayList<>(days);
        copy.add(-i - 1, day);
        return copy;
    }
}
