package de.weserems.integration.demo;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Sex;
import de.weserems.integration.events.Submission;
import de.weserems.integration.ingest.validation.EventValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's history as the backfill would post it, seen by ingest's validator and by the figures of
 * waiting, access and funding gaps: it must be accepted whole and give each figure something to show.
 * The bounds are wide: they hold for the model, not for one seed's luck.
 */
class DemoHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate FROM = TODAY.minusMonths(24);
    /** BAMF's target for the wait from enrolment to the start of an integration course. */
    private static final int SIX_WEEKS = 42;

    private static List<Submission> history;
    /** Each participant's events with the reference, in date order. */
    private static Map<String, List<Submission>> byParticipant;

    @BeforeAll
    static void simulate() {
        history = DemoFeeder.history(new Simulation(Options.DEFAULT_SEED, "demo-p-"), Options.DEFAULT_SEED,
                DemoFeeder.start(FROM), FROM, TODAY, new long[2]);
        Set<UUID> retracted = new HashSet<>();
        history.stream().filter(e -> e.type() == EventType.RETRACTION).forEach(e -> retracted.add(e.retracts()));
        byParticipant = new HashMap<>();
        for (Submission e : history) {
            if (e.participantRef() != null && !retracted.contains(e.eventId())) {
                byParticipant.computeIfAbsent(e.participantRef(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    @Test
    void ingestsValidatorAcceptsEveryEventAndTheyComeInDateOrder() {
        EventValidator validator = new EventValidator(Clock.systemUTC());
        JsonMapper json = JsonMapper.builder().build();
        for (Submission e : history) {
            EventValidator.Result result = validator.validate(json.readTree(e.toJson()));
            assertThat(result.errors()).as(e.toJson()).isEmpty();
            assertThat(result.event()).isEqualTo(e);
        }
        assertThat(history).isSortedAccordingTo(Comparator.comparing(Submission::occurredOn));
        assertThat(history.getFirst().occurredOn()).isAfterOrEqualTo(FROM);
        assertThat(history.getLast().occurredOn()).isBeforeOrEqualTo(TODAY);
        assertThat(history).extracting(Submission::type).contains(EventType.values());
    }

    /** Most start some days or weeks after enrolling, in the same course; a few never do. */
    @Test
    void mostEnrolmentsAreFollowedByTheStartOfTheSameCourse() {
        int enrolments = 0, started = 0;
        for (List<Submission> events : byParticipant.values()) {
            for (int i = 0; i < events.size(); i++) {
                Submission enrolment = events.get(i);
                // a course of a v1 provider starts unreported; the last months may still be waiting
                if (enrolment.type() != EventType.COURSE_ENROLMENT || enrolment.fundingSource() == null
                        || enrolment.occurredOn().isAfter(TODAY.minusMonths(9))) continue;
                enrolments++;
                Submission start = next(events, i, EventType.COURSE_START);
                if (start != null && start.courseType() == enrolment.courseType()
                        && start.courseVariant() == enrolment.courseVariant()
                        && start.fundingSource() == enrolment.fundingSource()
                        && start.district() == enrolment.district() && start.occurredOn().isAfter(enrolment.occurredOn())) {
                    started++;
                }
            }
        }
        assertThat(enrolments).isGreaterThan(5_000);
        assertThat(started / (double) enrolments).as("enrolments followed by their course's start")
                .isBetween(0.85, 0.97);
    }

    /** The median wait for an integration course: within BAMF's six weeks in most districts, months in a few. */
    @Test
    void aFewDistrictsHaveLongWaitingListsForIntegrationCourses() {
        Map<District, List<Long>> waits = new EnumMap<>(District.class);
        for (List<Submission> events : byParticipant.values()) {
            for (int i = 0; i < events.size(); i++) {
                Submission start = events.get(i);
                if (start.type() != EventType.COURSE_START || start.courseType() != CourseType.INTEGRATION_COURSE) continue;
                Submission enrolment = previous(events, i, EventType.COURSE_ENROLMENT);
                if (enrolment != null && enrolment.courseType() == start.courseType()) {
                    waits.computeIfAbsent(start.district(), k -> new ArrayList<>())
                            .add(ChronoUnit.DAYS.between(enrolment.occurredOn(), start.occurredOn()));
                }
            }
        }
        assertThat(waits).hasSize(District.values().length);
        long longWaits = waits.values().stream().filter(w -> median(w) > 75).count();
        long withinTarget = waits.values().stream().filter(w -> median(w) <= SIX_WEEKS).count();
        assertThat(longWaits).as("districts with long waiting lists").isBetween(2L, 3L);
        assertThat(withinTarget).as("districts within six weeks").isEqualTo(District.values().length - longWaits);
    }

    /** People who enrol in an integration course mostly hold an entitlement, in some districts for months. */
    @Test
    void entitlementsComeBeforeTheIntegrationCourseInSomeDistrictsMonthsBefore() {
        Map<District, List<Long>> access = new EnumMap<>(District.class);
        int firstStarts = 0;
        for (List<Submission> events : byParticipant.values()) {
            Submission entitlement = events.stream().filter(e -> e.type() == EventType.ENTITLEMENT).findFirst().orElse(null);
            Submission start = events.stream().filter(e -> e.type() == EventType.COURSE_START
                    && e.courseType() == CourseType.INTEGRATION_COURSE).findFirst().orElse(null);
            // only those who first appear in the history with their entitlement or course
            if (start == null || events.getFirst().occurredOn().isBefore(FROM.plusYears(1))) continue;
            firstStarts++;
            if (entitlement != null && entitlement.occurredOn().isBefore(start.occurredOn())) {
                access.computeIfAbsent(start.district(), k -> new ArrayList<>())
                        .add(ChronoUnit.DAYS.between(entitlement.occurredOn(), start.occurredOn()));
            }
        }
        int withEntitlement = access.values().stream().mapToInt(List::size).sum();
        assertThat(withEntitlement / (double) firstStarts).as("integration courses with an entitlement before")
                .isBetween(0.75, 0.95);
        assertThat(access.values().stream().filter(a -> median(a) > 120).count())
                .as("districts where the entitlement comes months before").isBetween(2L, 6L);
        assertThat(access.values().stream().filter(a -> median(a) < 75).count()).isGreaterThan(8);

        List<Submission> entitlements = history.stream().filter(e -> e.type() == EventType.ENTITLEMENT).toList();
        assertThat(share(entitlements, e -> e.entitlement() == Entitlement.OBLIGED)).isBetween(0.15, 0.45);
        for (Issuer issuer : List.of(Issuer.FOREIGNERS_AUTHORITY, Issuer.JOBCENTER, Issuer.BAMF)) {
            assertThat(share(entitlements, e -> e.issuer() == issuer)).as(issuer.name()).isGreaterThan(0.15);
        }
        assertThat(entitlements).as("entitled, the course not begun when the demo starts")
                .anyMatch(e -> byParticipant.get(e.participantRef()).getLast() == e
                        && e.occurredOn().isBefore(TODAY.minusMonths(3)));
    }

    /** After BAMF's integration course some are lost; the next measure often changes the funder. */
    @Test
    void completionsAreFollowedByAnotherFunderAndSomeAreLost() {
        Map<String, Integer> switches = new HashMap<>();
        int completions = 0, lost = 0;
        for (List<Submission> events : byParticipant.values()) {
            for (int i = 0; i < events.size(); i++) {
                Submission done = events.get(i);
                if (done.type() != EventType.COURSE_COMPLETION || done.fundingSource() != FundingSource.BAMF_INTV
                        || done.outcome() == Outcome.DROPPED_OUT || done.occurredOn().isAfter(TODAY.minusDays(91))) continue;
                completions++;
                Submission enrolment = next(events, i, EventType.COURSE_ENROLMENT);
                Submission placement = next(events, i, EventType.JOB_PLACEMENT);
                if (!within90(done, enrolment) && !within90(done, placement)) lost++;
                if (enrolment != null && enrolment.fundingSource() != null) {
                    switches.merge(enrolment.fundingSource().name(), 1, Integer::sum);
                }
            }
        }
        assertThat(completions).isGreaterThan(1_000);
        assertThat(lost / (double) completions).as("lost after BAMF's integration course").isBetween(0.2, 0.6);
        assertThat(switches.getOrDefault("BAMF_DEUFOEV", 0)).isGreaterThan(500);
        assertThat(switches.getOrDefault("JOBCENTER_SGB2", 0)).isGreaterThan(50);
        assertThat(switches.getOrDefault("EMPLOYMENT_AGENCY_SGB3", 0)).isGreaterThan(30);
    }

    /** Sex as the providers record it: one value per participant, a few diverse or not given, some absent. */
    @Test
    void aParticipantsSexIsTheSameOnAllTheirEvents() {
        for (Map.Entry<String, List<Submission>> p : byParticipant.entrySet()) {
            Set<Sex> sexes = new HashSet<>();
            p.getValue().forEach(e -> sexes.add(e.sex()));
            sexes.remove(null);
            assertThat(sexes).as(p.getKey()).hasSizeLessThanOrEqualTo(1);
        }
        List<Submission> named = byParticipant.values().stream().flatMap(List::stream).toList();
        assertThat(share(named, e -> e.sex() != null)).isBetween(0.75, 0.95);
        assertThat(share(named, e -> e.sex() == Sex.FEMALE)).isBetween(0.35, 0.55);
        assertThat(share(named, e -> e.sex() == Sex.DIVERSE)).isBetween(0.001, 0.02);
        assertThat(share(named, e -> e.sex() == Sex.UNSPECIFIED)).isBetween(0.01, 0.05);
        assertThat(history).filteredOn(e -> e.participantRef() == null).allMatch(e -> e.sex() == null);
    }

    private static boolean within90(Submission done, Submission next) {
        return next != null && ChronoUnit.DAYS.between(done.occurredOn(), next.occurredOn()) <= 90;
    }

    private static Submission next(List<Submission> events, int i, EventType type) {
        for (int j = i + 1; j < events.size(); j++) {
            if (events.get(j).type() == type) return events.get(j);
        }
        return null;
    }

    private static Submission previous(List<Submission> events, int i, EventType type) {
        for (int j = i - 1; j >= 0; j--) {
            if (events.get(j).type() == type) return events.get(j);
        }
        return null;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double share(List<Submission> events, Predicate<Submission> p) {
        return events.stream().filter(p).count() / (double) events.size();
    }
}
