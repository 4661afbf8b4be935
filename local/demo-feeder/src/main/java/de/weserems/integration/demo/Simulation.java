package de.weserems.integration.demo;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;
import de.weserems.integration.events.Submission;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

import static de.weserems.integration.demo.Courses.courseDays;
import static de.weserems.integration.demo.Courses.dropoutRate;
import static de.weserems.integration.demo.Courses.languageLevel;
import static de.weserems.integration.demo.Courses.passRate;
import static de.weserems.integration.demo.RandomDraws.lognormal;
import static de.weserems.integration.demo.RandomDraws.pick;
import static de.weserems.integration.demo.RandomDraws.poisson;
import static de.weserems.integration.demo.RandomDraws.uuid;
import static de.weserems.integration.demo.Region.DISTRICTS;
import static de.weserems.integration.demo.Region.NEIGHBOURS;

/**
 * The simulated region, day by day: who enrols, completes, moves and finds a job, and when. Why a given
 * seed means the same history on any day is told at {@link DemoFeeder}.
 *
 * <h2>The model</h2>
 * Participants go through chains of measures: an enrolment, the course's start days or weeks later (months
 * where the waiting lists are long; a few never start), a completion some months after the start (mostly
 * PASSED, some FAILED, ~12% DROPPED_OUT), often another enrolment after a waiting gap (typically a
 * job-related language course after the integration course; longer, and losing some, where the funder
 * changes), and a job placement weeks or months after the last completion. Most enrol in their first
 * integration course with an entitlement issued weeks or months before. Occasionally someone moves to a neighbouring district. New participants
 * appear in each of the 17 districts roughly in proportion to its population (about 1,000 enrolments
 * a month region-wide), with seasons and slow multi-year waves that differ per district, and each
 * district has its own character (intake, dropouts, waiting gaps) so the dashboard has stories to show.
 *
 * <p>The event contract (types, values, the submission's JSON) is integration-events': one event as a
 * provider sends it is a Submission, with the fields that do not belong to its type null (and omitted).
 * What contract v2 adds (course variant, target level, attempt, funding, the new values, corrections by
 * retraction) comes from {@link ContractV2Draws}, drawn apart from the v1 history; entitlements, starts,
 * the participant's sex and what a change of funder does from {@link AccessDraws}.
 */
final class Simulation {

    /** The simulation always starts here, so that a given seed means the same history on any day. */
    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    /** Tuned so that the region sees about 1,000 enrolments a month (first and follow-up courses). */
    private static final double NEW_PARTICIPANTS_PER_MONTH = 640;
    /**
     * The kinds drawn, with their weights below: those of contract v1, named rather than {@code values()}, so
     * that the values v2 appended neither shift the draws nor catch what rounding leaves over (a seed keeps
     * meaning the same history).
     */
    private static final CourseType[] V1_COURSE_TYPES = {CourseType.INTEGRATION_COURSE, CourseType.JOB_LANGUAGE_COURSE,
            CourseType.VOCATIONAL_QUALIFICATION, CourseType.ORIENTATION_COURSE};
    private static final PlacementType[] V1_PLACEMENT_TYPES = {PlacementType.EMPLOYMENT, PlacementType.APPRENTICESHIP,
            PlacementType.SELF_EMPLOYMENT, PlacementType.MARGINAL_EMPLOYMENT};

    final Random spawnRandom;
    private final String refPrefix;
    private final Map<District, DistrictProfile> profile = new EnumMap<>(District.class);
    final Map<District, AccessDraws.Waits> waits;
    final PriorityQueue<Step> pending = new PriorityQueue<>(
            Comparator.comparing(Step::due).thenComparingLong(Step::order));
    private final int totalPopulation = DISTRICTS.stream().mapToInt(District::residents2018).sum();
    private long order;
    int participants;

    Simulation(long seed, String refPrefix) {
        this.spawnRandom = new Random(seed);
        this.refPrefix = refPrefix;
        Random r = new Random(seed * 31 + 7);
        for (District d : DISTRICTS) {
            profile.put(d, new DistrictProfile(
                    0.75 + 0.55 * r.nextDouble(),       // intake relative to population
                    r.nextDouble() * 2 * Math.PI,       // phase of a slow three-year wave
                    0.75 + 0.6 * r.nextDouble(),        // dropout tendency
                    0.6 + 1.1 * r.nextDouble(),         // waiting gaps between measures
                    0.75 + 0.6 * r.nextDouble()));      // time to placement
        }
        waits = AccessDraws.waits(seed);
    }

    /** Seasonal factor: few course starts in the summer holidays and around Christmas. */
    private static final double[] SEASON = {1.05, 1.10, 1.10, 1.0, 1.0, 0.95, 0.80, 0.75, 1.20, 1.15, 1.05, 0.85};

    double intakePerDay(District d, LocalDate day) {
        DistrictProfile c = profile.get(d);
        double years = ChronoUnit.DAYS.between(EPOCH, day) / 365.25;
        double wave = 1 + 0.18 * Math.sin(2 * Math.PI * years / 3 + c.wavePhase());
        double perWorkday = NEW_PARTICIPANTS_PER_MONTH * 12 / 250.0;
        return perWorkday * d.residents2018() / totalPopulation * c.intake() * wave
                * SEASON[day.getMonthValue() - 1];
    }

    /** What one simulated day fired: a new participant's events, or those of a step due that day. */
    interface Fired {
        void accept(boolean newParticipant, List<Submission> events);
    }

    /** Simulates one day: its new participants, then the steps due. */
    void simulate(LocalDate day, Fired fired) {
        for (Step s : spawn(day, spawnRandom)) {
            fired.accept(true, fire(s, day));
        }
        while (!pending.isEmpty() && !pending.peek().due().isAfter(day)) {
            fired.accept(false, fire(pending.poll(), day));
        }
    }

    /**
     * The entitlements dated from {@code from} to {@code today} whose integration course comes after
     * {@code today}: the simulation dates an entitlement with the enrolment it precedes, so a second run of
     * the same seed looks ahead for them (those people are entitled and still waiting when the demo starts).
     */
    static List<Submission> entitlementsAhead(long seed, String refPrefix, LocalDate start, LocalDate from,
                                              LocalDate today) {
        Simulation ahead = new Simulation(seed, refPrefix);
        List<Submission> found = new ArrayList<>();
        LocalDate end = today.plusDays(AccessDraws.MAX_DAYS_ENTITLEMENT_BEFORE);
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            boolean after = day.isAfter(today);
            ahead.simulate(day, (spawned, events) -> {
                if (!after) return;
                for (Submission e : events) {
                    if (e.type() == EventType.ENTITLEMENT && !e.occurredOn().isBefore(from)
                            && !e.occurredOn().isAfter(today)) found.add(e);
                }
            });
        }
        return found;
    }

    /** New participants of one simulated day (course starts on workdays only). */
    List<Step> spawn(LocalDate day, Random random) {
        List<Step> steps = new ArrayList<>();
        if (isWeekend(day)) return steps;
        for (District d : DISTRICTS) {
            int n = poisson(intakePerDay(d, day), random);
            for (int i = 0; i < n; i++) {
                String ref = refPrefix + String.format("%06d", ++participants);
                steps.add(newParticipant(ref, d, day, random.nextLong()));
            }
        }
        return steps;
    }

    /** A new participant's first enrolment (which kind of course comes from the key, too). */
    Step newParticipant(String ref, District district, LocalDate day, long key) {
        Participant p = new Participant(ref, district);
        p.sex = AccessDraws.sex(AccessDraws.stream(key));
        CourseType first = pick(new SplittableRandom(key ^ 0x5DEECE66DL),
                new double[] {0.55, 0.22, 0.15, 0.08}, V1_COURSE_TYPES);
        return new Step(day, order++, key, p, EventType.COURSE_ENROLMENT, first, false);
    }

    /**
     * Turns a step into its events, dated {@code date} (the due date, or today in the trickle), and
     * schedules the participant's next step. Everything random comes from the step's own key. Mostly one
     * event; a corrected enrolment is three: the wrong one, its retraction and the right one; a first
     * enrolment in an integration course usually comes with the entitlement, dated weeks or months before
     * (so the events are not in date order: {@link DemoFeeder} sorts them). A course of a provider still
     * on contract v1 starts without an event: such a provider reports no starts.
     */
    List<Submission> fire(Step s, LocalDate date) {
        SplittableRandom r = new SplittableRandom(s.key());
        SplittableRandom v2 = ContractV2Draws.stream(s.key());
        SplittableRandom access = AccessDraws.stream(s.key());
        List<Submission> sent = new ArrayList<>(1);
        Participant p = s.who();
        DistrictProfile c = profile.get(p.district);
        UUID eventId = uuid(r);
        String ref = r.nextDouble() < 0.10 ? null : p.ref; // ~10% of providers' records lack the reference
        Sex sex = ref == null ? null : p.sex;
        Submission e;
        switch (s.type()) {
            case COURSE_ENROLMENT -> {
                if (p.courses > 0 && r.nextDouble() < 0.05) moveToNeighbour(p, r);
                c = profile.get(p.district);
                p.courses++;
                p.course = ContractV2Draws.course(s.course(), v2);
                AccessDraws.Waits w = waits.get(p.district);
                if (s.course() == CourseType.INTEGRATION_COURSE && !p.entitled) {
                    p.entitled = true;
                    if (access.nextDouble() < AccessDraws.ENTITLEMENT_REPORTED) {
                        sent.add(entitlement(date.minusDays(AccessDraws.daysEntitlementBefore(w, access)), p, access));
                    }
                }
                e = enrolment(eventId, date, p, ref, p.course.v2() ? sex : null);
                if (p.course.v2() && v2.nextDouble() < ContractV2Draws.CORRECTED_ENROLMENTS) {
                    // sent first under the neighbouring district by mistake, then retracted
                    District wrong = NEIGHBOURS.get(p.district).get(v2.nextInt(NEIGHBOURS.get(p.district).size()));
                    Submission mistaken = new Submission(uuid(v2), s.type(), date, wrong, ref, e.courseType(), null,
                            null, null, e.courseVariant(), e.targetLevel(), null, e.fundingSource(), null, null, null,
                            e.sex());
                    sent.add(mistaken);
                    sent.add(Submission.retraction(uuid(v2), date, wrong, mistaken.eventId()));
                }
                int duration = courseDays(s.course(), r);
                boolean drops = r.nextDouble() < dropoutRate(s.course()) * c.dropout();
                p.courseDays = drops ? Math.max(7, (int) (duration * (0.1 + 0.7 * r.nextDouble()))) : duration;
                long key = r.nextLong();
                int toStart = AccessDraws.daysToStart(s.course(), w, access);
                if (toStart >= 0) {
                    schedule(p, date, date.plusDays(toStart), key, EventType.COURSE_START, s.course(), drops);
                } // else: withdrawn or still waiting, the participant leaves what the providers see
            }
            case COURSE_START -> {
                // the course's provider reports the start, always naming the participant (the contract requires it)
                e = !p.course.v2() ? null : new Submission(eventId, s.type(), date, p.district, p.ref, p.course.type(),
                        null, null, null, p.course.variant(), p.course.targetLevel(), null, p.course.funding(), null,
                        null, null, p.sex);
                schedule(p, date, date.plusDays(p.courseDays), r.nextLong(), EventType.COURSE_COMPLETION, s.course(),
                        s.dropsOut());
            }
            case ENTITLEMENT -> e = entitlement(date, p, access); // one who goes no further for now
            case COURSE_COMPLETION -> {
                Outcome outcome = s.dropsOut() ? Outcome.DROPPED_OUT
                        : r.nextDouble() < passRate(s.course()) ? Outcome.PASSED : Outcome.FAILED;
                LanguageLevel level = languageLevel(s.course(), outcome, r);
                ContractV2Draws.Course course = p.course == null ? new ContractV2Draws.Course(s.course(), null, null,
                        null) : p.course;
                level = ContractV2Draws.level(course, outcome == Outcome.PASSED, level, v2);
                Attempt attempt = !course.v2() ? null : p.attempts > 0 ? Attempt.REPEAT : Attempt.FIRST;
                e = new Submission(eventId, s.type(), date, p.district, ref, course.type(), outcome, level, null,
                        course.variant(), course.targetLevel(), attempt, course.funding(), null, null, null,
                        course.v2() ? sex : null);
                planAfterCompletion(p, s.course(), outcome, date, c, r);
            }
            case JOB_PLACEMENT -> {
                if (r.nextDouble() < 0.04) moveToNeighbour(p, r);
                PlacementType type = pick(r, new double[] {0.60, 0.17, 0.06, 0.17}, V1_PLACEMENT_TYPES);
                e = new Submission(eventId, s.type(), date, p.district, ref, null, null, null,
                        ContractV2Draws.placement(type, v2), null, null, null, null, null, null, null, sex);
            }
            default -> throw new IllegalStateException();
        }
        p.lastDate = date;
        if (e != null) sent.add(e);
        return sent;
    }

    private static Submission enrolment(UUID eventId, LocalDate date, Participant p, String ref, Sex sex) {
        ContractV2Draws.Course c = p.course;
        return new Submission(eventId, EventType.COURSE_ENROLMENT, date, p.district, ref, c.type(), null, null, null,
                c.variant(), c.targetLevel(), null, c.funding(), null, null, null, sex);
    }

    /** The participant's entitlement to an integration course, as its issuer reports it (naming the participant). */
    private static Submission entitlement(LocalDate date, Participant p, SplittableRandom access) {
        var issuer = AccessDraws.issuer(access);
        return Submission.entitlement(uuid(access), date, p.district, p.ref, AccessDraws.entitlement(issuer, access),
                issuer, p.sex);
    }

    private void planAfterCompletion(Participant p, CourseType course, Outcome outcome, LocalDate date,
                                     DistrictProfile c, SplittableRandom r) {
        double u = r.nextDouble();
        long key = r.nextLong();
        int waiting = Math.max(1, (int) Math.round(lognormal(r, 32, 0.75) * c.waitingGap()));
        int toPlacement = (int) Math.round(lognormal(r, 70, 0.8) * c.placementGap());
        boolean mayEnrol = p.courses < 5;
        CourseType next = null; // a further course, or null for a placement / nothing
        double placement;       // chance of a placement if no further course
        if (outcome == Outcome.DROPPED_OUT) {
            if (mayEnrol && p.attempts < 1 && u < 0.15) next = course;
            placement = 0.30; // a job is a common reason to drop out
            toPlacement = Math.max(0, toPlacement / 3);
        } else if (outcome == Outcome.FAILED) {
            if (mayEnrol && p.attempts < 1 && u < 0.35) next = course;
            placement = 0.35;
        } else {
            next = switch (course) {
                case ORIENTATION_COURSE, FIRST_ORIENTATION_COURSE -> u < 0.65 ? CourseType.INTEGRATION_COURSE : null;
                case INTEGRATION_COURSE -> u < 0.50 ? CourseType.JOB_LANGUAGE_COURSE
                        : u < 0.65 ? CourseType.VOCATIONAL_QUALIFICATION : null;
                case JOB_LANGUAGE_COURSE -> u < 0.20 ? CourseType.VOCATIONAL_QUALIFICATION : null;
                case VOCATIONAL_QUALIFICATION -> null;
            };
            if (!mayEnrol) next = null;
            placement = switch (course) {
                case ORIENTATION_COURSE, FIRST_ORIENTATION_COURSE -> 0.30;
                case INTEGRATION_COURSE -> 0.70;
                case JOB_LANGUAGE_COURSE -> 0.78;
                case VOCATIONAL_QUALIFICATION -> 0.80;
            };
        }
        if (next != null && p.course != null) {
            // the next course's funding is drawn from its step's key, as fire will draw it: a change of funder
            // means a new application, which takes longer and loses some on the way
            SplittableRandom access = AccessDraws.stream(~key); // not the stream fire draws the next step from
            AccessDraws.Switch change = AccessDraws.fundingSwitch(p.course.funding(),
                    ContractV2Draws.course(next, ContractV2Draws.stream(key)).funding());
            waiting = (int) Math.round(waiting * change.delay());
            if (access.nextDouble() < change.lost()) {
                next = null;
                placement /= 2;
            }
        }
        if (next != null) {
            p.attempts = next == course ? p.attempts + 1 : 0;
            schedule(p, date, date.plusDays(waiting), key, EventType.COURSE_ENROLMENT, next, false);
        } else if (!p.entitled && outcome == Outcome.PASSED && (course == CourseType.ORIENTATION_COURSE
                || course == CourseType.FIRST_ORIENTATION_COURSE)
                && AccessDraws.stream(~key).nextDouble() < AccessDraws.ENTITLED_WITHOUT_COURSE) {
            p.entitled = true;
            schedule(p, date, date.plusDays(waiting), key, EventType.ENTITLEMENT, null, false);
        } else if (r.nextDouble() < placement) {
            schedule(p, date, date.plusDays(toPlacement), key, EventType.JOB_PLACEMENT, null, false);
        } // else: the participant leaves what the providers see
    }

    /**
     * Queues the participant's next step for {@code due}. Providers hardly record anything on a weekend:
     * a Saturday becomes the Friday before or the Monday after, a Sunday the Monday or Tuesday after
     * (chosen by the key, so it stays reproducible), never on or before the day it was planned from.
     */
    private void schedule(Participant p, LocalDate from, LocalDate due, long key, EventType type, CourseType course,
                          boolean drops) {
        boolean early = (key & 1) == 0;
        LocalDate d = switch (due.getDayOfWeek()) {
            case SATURDAY -> early && due.minusDays(1).isAfter(from) ? due.minusDays(1) : due.plusDays(2);
            case SUNDAY -> early ? due.plusDays(1) : due.plusDays(2);
            default -> due;
        };
        pending.add(new Step(d, order++, key, p, type, course, drops));
    }

    private static void moveToNeighbour(Participant p, SplittableRandom r) {
        List<District> n = NEIGHBOURS.get(p.district);
        p.district = n.get(r.nextInt(n.size()));
    }

    static LocalDate nextWorkday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.plusDays(2)
                : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
