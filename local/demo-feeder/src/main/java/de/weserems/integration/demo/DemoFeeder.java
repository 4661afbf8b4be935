package de.weserems.integration.demo;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo feeder for the local run ({@code ./run-local}): pushes synthetic but plausible integration
 * events through the REAL ingest API, exactly as a data provider would (API key, JSON arrays of at
 * most 500 events, retries on 429/503 with the same request).
 *
 * <p>The reactor builds it as a runnable jar ({@code mvn package}):
 * {@code java -jar local/demo-feeder/target/demo-feeder-0.1.0-SNAPSHOT-exec.jar --help}. It speaks the
 * contract through integration-events (districts, enums, the submission's JSON) and HTTP through the
 * JDK's java.net.http, so what it posts is what the contract says, not a copy of it.
 *
 * <h2>The model</h2>
 * Participants go through chains of measures: an enrolment, a completion some months later (mostly
 * PASSED, some FAILED, ~12% DROPPED_OUT), often another enrolment after a waiting gap (typically a
 * job-related language course after the integration course), and a job placement weeks or months
 * after the last completion. Occasionally someone moves to a neighbouring district. New participants
 * appear in each of the 17 districts roughly in proportion to its population (about 1,000 enrolments
 * a month region-wide), with seasons and slow multi-year waves that differ per district, and each
 * district has its own character (intake, dropouts, waiting gaps) so the dashboard has stories to show.
 *
 * <h2>Reproducibility</h2>
 * The history is simulated day by day from a fixed epoch (2020-01-01) with {@code new Random(seed)}.
 * Every scheduled step carries its own 64-bit key, and everything about that step (event id, outcome,
 * the follow-up step) is derived from that key alone. So with the same seed the simulated history is
 * the same whatever day the feeder starts: a backfill sent twice has the same event ids (counted once),
 * and after a restart the feeder knows the participants that were in the middle of a chain and continues
 * them with the same event ids. The trickle's new participants come from a per-run random, so a restart
 * never repeats the previous run's new events. (The flip side: after a restart the trickle first re-sends
 * the chain steps an earlier run already brought forward; they count once, so for a while mostly the
 * new participants' enrolments show on the dashboard.)
 *
 * <h2>Backfill and trickle</h2>
 * Backfill ({@code --backfill=true}, only when the event topic is empty): every simulated event of the
 * last {@code --months} months, up to today, in batches. Trickle (always, unless {@code --trickle=false}):
 * a steady stream of {@code --rate} events per second dated today, a time-lapse of the simulation:
 * new participants enrol, and participants in the middle of a chain take their next step early (today).
 */
public class DemoFeeder {

    static final String DEFAULT_URL = "http://localhost:8081/api/v1/events";
    static final String DEFAULT_KEY = "local-demo-key";
    static final long DEFAULT_SEED = 20190101L;
    /** The contract allows up to 500 events per request; that is also the ingest default limit. */
    static final int MAX_BATCH = 500;
    /** The simulation always starts here, so that a given seed means the same history on any day. */
    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    /** Tuned so that the region sees about 1,000 enrolments a month (first and follow-up courses). */
    static final double NEW_PARTICIPANTS_PER_MONTH = 640;

    public static void main(String[] args) throws Exception {
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("DemoFeeder: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (opt.help) {
            System.out.print(Options.USAGE);
            return;
        }
        new DemoFeeder(opt).run();
    }

    // ------------------------------------------------------------------------------------------
    // Reference data: the 17 districts of Weser-Ems (integration-events), with approximate neighbours.
    // ------------------------------------------------------------------------------------------

    /** The districts in AGS order; intake follows their residents of 2018. */
    static final List<District> DISTRICTS = List.of(District.values());

    /** Shared borders (undirected), good enough for "moved to a neighbouring district". */
    static final String[][] BORDERS = {
            {"03401", "03458"}, {"03402", "03452"}, {"03402", "03457"}, {"03403", "03451"},
            {"03403", "03458"}, {"03403", "03461"}, {"03404", "03459"}, {"03405", "03455"},
            {"03451", "03453"}, {"03451", "03455"}, {"03451", "03457"}, {"03451", "03458"},
            {"03451", "03461"}, {"03452", "03455"}, {"03452", "03457"}, {"03452", "03462"},
            {"03453", "03454"}, {"03453", "03457"}, {"03453", "03458"}, {"03453", "03459"},
            {"03453", "03460"}, {"03454", "03456"}, {"03454", "03457"}, {"03454", "03459"},
            {"03455", "03461"}, {"03455", "03462"}, {"03458", "03460"}, {"03458", "03461"},
            {"03459", "03460"}};

    static final Map<District, List<District>> NEIGHBOURS = new EnumMap<>(District.class);

    static {
        for (District d : DISTRICTS) NEIGHBOURS.put(d, new ArrayList<>());
        for (String[] b : BORDERS) {
            District one = District.byAgs(b[0]).orElseThrow();
            District other = District.byAgs(b[1]).orElseThrow();
            NEIGHBOURS.get(one).add(other);
            NEIGHBOURS.get(other).add(one);
        }
    }

    // The event contract v1 (types, values, the submission's JSON) is integration-events': one event as a
    // provider sends it is a Submission, with the fields that do not belong to its type null (and omitted).

    // ------------------------------------------------------------------------------------------
    // The simulation.
    // ------------------------------------------------------------------------------------------

    /** A participant's state along the chain. Each participant has at most one pending step. */
    static final class Participant {
        final String ref;
        District district;
        int courses;        // enrolments so far
        int attempts;       // enrolments in the current course type (repeats after FAILED/DROPPED_OUT)
        LocalDate lastDate; // date of the last event sent or simulated

        Participant(String ref, District district) {
            this.ref = ref;
            this.district = district;
        }
    }

    /** What happens next to a participant, and when (the due date; the trickle may bring it forward). */
    record Step(LocalDate due, long order, long key, Participant who, EventType type, CourseType course,
                boolean dropsOut) {}

    /** Per-district character, fixed by the seed: the dashboard then has differences to show. */
    record Profile(double intake, double wavePhase, double dropout, double waitingGap, double placementGap) {}

    static final class Simulation {
        final Random spawnRandom;
        final String refPrefix;
        final Map<District, Profile> profile = new EnumMap<>(District.class);
        final PriorityQueue<Step> pending = new PriorityQueue<>(
                Comparator.comparing(Step::due).thenComparingLong(Step::order));
        final int totalPopulation = DISTRICTS.stream().mapToInt(District::residents2018).sum();
        long order;
        int participants;

        Simulation(long seed, String refPrefix) {
            this.spawnRandom = new Random(seed);
            this.refPrefix = refPrefix;
            Random r = new Random(seed * 31 + 7);
            for (District d : DISTRICTS) {
                profile.put(d, new Profile(
                        0.75 + 0.55 * r.nextDouble(),       // intake relative to population
                        r.nextDouble() * 2 * Math.PI,       // phase of a slow three-year wave
                        0.75 + 0.6 * r.nextDouble(),        // dropout tendency
                        0.6 + 1.1 * r.nextDouble(),         // waiting gaps between measures
                        0.75 + 0.6 * r.nextDouble()));      // time to placement
            }
        }

        /** Seasonal factor: few course starts in the summer holidays and around Christmas. */
        static final double[] SEASON = {1.05, 1.10, 1.10, 1.0, 1.0, 0.95, 0.80, 0.75, 1.20, 1.15, 1.05, 0.85};

        double intakePerDay(District d, LocalDate day) {
            Profile c = profile.get(d);
            double years = ChronoUnit.DAYS.between(EPOCH, day) / 365.25;
            double wave = 1 + 0.18 * Math.sin(2 * Math.PI * years / 3 + c.wavePhase());
            double perWorkday = NEW_PARTICIPANTS_PER_MONTH * 12 / 250.0;
            return perWorkday * d.residents2018() / totalPopulation * c.intake() * wave
                    * SEASON[day.getMonthValue() - 1];
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
            CourseType first = pick(new SplittableRandom(key ^ 0x5DEECE66DL),
                    new double[] {0.55, 0.22, 0.15, 0.08}, CourseType.values());
            return new Step(day, order++, key, p, EventType.COURSE_ENROLMENT, first, false);
        }

        /**
         * Turns a step into its event, dated {@code date} (the due date, or today in the trickle), and
         * schedules the participant's next step. Everything random comes from the step's own key.
         */
        Submission fire(Step s, LocalDate date) {
            SplittableRandom r = new SplittableRandom(s.key());
            Participant p = s.who();
            Profile c = profile.get(p.district);
            UUID eventId = uuid(r);
            String ref = r.nextDouble() < 0.10 ? null : p.ref; // ~10% of providers' records lack the reference
            Submission e;
            switch (s.type()) {
                case COURSE_ENROLMENT -> {
                    if (p.courses > 0 && r.nextDouble() < 0.05) moveToNeighbour(p, r);
                    c = profile.get(p.district);
                    p.courses++;
                    e = new Submission(eventId, s.type(), date, p.district, ref, s.course(), null, null, null);
                    int duration = courseDays(s.course(), r);
                    boolean drops = r.nextDouble() < dropoutRate(s.course()) * c.dropout();
                    int days = drops ? Math.max(7, (int) (duration * (0.1 + 0.7 * r.nextDouble()))) : duration;
                    schedule(p, date, date.plusDays(days), r.nextLong(), EventType.COURSE_COMPLETION, s.course(), drops);
                }
                case COURSE_COMPLETION -> {
                    Outcome outcome = s.dropsOut() ? Outcome.DROPPED_OUT
                            : r.nextDouble() < passRate(s.course()) ? Outcome.PASSED : Outcome.FAILED;
                    LanguageLevel level = languageLevel(s.course(), outcome, r);
                    e = new Submission(eventId, s.type(), date, p.district, ref, s.course(), outcome, level, null);
                    planAfterCompletion(p, s.course(), outcome, date, c, r);
                }
                case JOB_PLACEMENT -> {
                    if (r.nextDouble() < 0.04) moveToNeighbour(p, r);
                    PlacementType type = pick(r, new double[] {0.60, 0.17, 0.06, 0.17}, PlacementType.values());
                    e = new Submission(eventId, s.type(), date, p.district, ref, null, null, null, type);
                }
                default -> throw new IllegalStateException();
            }
            p.lastDate = date;
            return e;
        }

        void planAfterCompletion(Participant p, CourseType course, Outcome outcome, LocalDate date,
                                 Profile c, SplittableRandom r) {
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
                    case ORIENTATION_COURSE -> u < 0.65 ? CourseType.INTEGRATION_COURSE : null;
                    case INTEGRATION_COURSE -> u < 0.50 ? CourseType.JOB_LANGUAGE_COURSE
                            : u < 0.65 ? CourseType.VOCATIONAL_QUALIFICATION : null;
                    case JOB_LANGUAGE_COURSE -> u < 0.20 ? CourseType.VOCATIONAL_QUALIFICATION : null;
                    case VOCATIONAL_QUALIFICATION -> null;
                };
                if (!mayEnrol) next = null;
                placement = switch (course) {
                    case ORIENTATION_COURSE -> 0.30;
                    case INTEGRATION_COURSE -> 0.70;
                    case JOB_LANGUAGE_COURSE -> 0.78;
                    case VOCATIONAL_QUALIFICATION -> 0.80;
                };
            }
            if (next != null) {
                p.attempts = next == course ? p.attempts + 1 : 0;
                schedule(p, date, date.plusDays(waiting), key, EventType.COURSE_ENROLMENT, next, false);
            } else if (r.nextDouble() < placement) {
                schedule(p, date, date.plusDays(toPlacement), key, EventType.JOB_PLACEMENT, null, false);
            } // else: the participant leaves what the providers see
        }

        /**
         * Queues the participant's next step for {@code due}. Providers hardly record anything on a weekend:
         * a Saturday becomes the Friday before or the Monday after, a Sunday the Monday or Tuesday after
         * (chosen by the key, so it stays reproducible), never on or before the day it was planned from.
         */
        void schedule(Participant p, LocalDate from, LocalDate due, long key, EventType type, CourseType course,
                      boolean drops) {
            boolean early = (key & 1) == 0;
            LocalDate d = switch (due.getDayOfWeek()) {
                case SATURDAY -> early && due.minusDays(1).isAfter(from) ? due.minusDays(1) : due.plusDays(2);
                case SUNDAY -> early ? due.plusDays(1) : due.plusDays(2);
                default -> due;
            };
            pending.add(new Step(d, order++, key, p, type, course, drops));
        }

        static void moveToNeighbour(Participant p, SplittableRandom r) {
            List<District> n = NEIGHBOURS.get(p.district);
            p.district = n.get(r.nextInt(n.size()));
        }

        static int courseDays(CourseType t, SplittableRandom r) {
            return switch (t) {
                case INTEGRATION_COURSE -> 150 + r.nextInt(70) + r.nextInt(70);        // about 5-9 months
                case JOB_LANGUAGE_COURSE -> 90 + r.nextInt(60) + r.nextInt(60);        // 3-7 months
                case VOCATIONAL_QUALIFICATION -> 120 + r.nextInt(130) + r.nextInt(130); // 4-16 months
                case ORIENTATION_COURSE -> 21 + r.nextInt(30);                         // 3-7 weeks
            };
        }

        static double dropoutRate(CourseType t) {
            return switch (t) {
                case INTEGRATION_COURSE -> 0.13;
                case JOB_LANGUAGE_COURSE -> 0.12;
                case VOCATIONAL_QUALIFICATION -> 0.14;
                case ORIENTATION_COURSE -> 0.05;
            };
        }

        static double passRate(CourseType t) {
            return switch (t) {
                case INTEGRATION_COURSE -> 0.78;
                case JOB_LANGUAGE_COURSE -> 0.74;
                case VOCATIONAL_QUALIFICATION -> 0.82;
                case ORIENTATION_COURSE -> 0.92;
            };
        }

        /** The certified level: only for language courses, and not always reported. */
        static LanguageLevel languageLevel(CourseType t, Outcome o, SplittableRandom r) {
            if (o == Outcome.DROPPED_OUT || r.nextDouble() < 0.08) return null;
            if (t == CourseType.INTEGRATION_COURSE) {
                if (o == Outcome.FAILED) return r.nextDouble() < 0.6 ? LanguageLevel.A1 : null;
                return pick(r, new double[] {0.30, 0.63, 0.07},
                        new LanguageLevel[] {LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.B2});
            }
            if (t == CourseType.JOB_LANGUAGE_COURSE) {
                if (o == Outcome.FAILED) return r.nextDouble() < 0.5 ? LanguageLevel.B1 : null;
                return pick(r, new double[] {0.06, 0.20, 0.62, 0.12},
                        new LanguageLevel[] {LanguageLevel.A2, LanguageLevel.B1, LanguageLevel.B2, LanguageLevel.C1});
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------
    // The feeder.
    // ------------------------------------------------------------------------------------------

    final Options opt;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final AtomicLong posted = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    DemoFeeder(Options opt) {
        this.opt = opt;
    }

    void run() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate from = today.minusMonths(opt.months);
        log("demo feeder: url=%s seed=%d backfill=%s trickle=%s rate=%s/s", opt.url, opt.seed, opt.backfill,
                opt.trickle, opt.rate);

        // Simulate the history up to today. Only the events of the last --months months are sent
        // (and only with --backfill); the rest just brings the chains into a steady state.
        Simulation sim = new Simulation(opt.seed, "demo-p-");
        List<Submission> history = new ArrayList<>();
        long spawnedLastYear = 0, eventsLastYear = 0;
        LocalDate start = EPOCH.isBefore(from.minusYears(2)) ? EPOCH : from.minusYears(2).withDayOfYear(1);
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            boolean lastYear = day.isAfter(today.minusYears(1));
            for (Step s : sim.spawn(day, sim.spawnRandom)) {
                Submission e = sim.fire(s, day);
                if (!day.isBefore(from)) history.add(e);
                if (lastYear) spawnedLastYear++;
            }
            while (!sim.pending.isEmpty() && !sim.pending.peek().due().isAfter(day)) {
                Submission e = sim.fire(sim.pending.poll(), day);
                if (!day.isBefore(from)) history.add(e);
                if (lastYear) eventsLastYear++;
            }
        }
        eventsLastYear += spawnedLastYear;
        log("simulated %d participants since %s; %d events in the last %d months; %d participants in the middle of a chain",
                sim.participants, start, history.size(), opt.months, sim.pending.size());

        if (opt.stats) {
            printStats(history);
            return;
        }
        // SIGTERM (run-local stopping) ends the JVM at once; this says how far we got.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                log("stopping: %d events accepted by ingest in this run, %d dropped as rejected",
                        posted.get(), dropped.get())));
        if (opt.backfill) backfill(history);
        history = null; // not needed any more: let it go
        if (!opt.trickle) {
            log("--trickle=false: done");
            return;
        }
        double newShare = eventsLastYear == 0 ? 0.28 : Math.clamp((double) spawnedLastYear / eventsLastYear, 0.15, 0.5);
        trickle(sim, newShare);
    }

    void backfill(List<Submission> history) throws InterruptedException {
        log("backfill: posting %d events (%s .. %s) in batches of up to %d", history.size(),
                history.isEmpty() ? "-" : history.getFirst().occurredOn(),
                history.isEmpty() ? "-" : history.getLast().occurredOn(), opt.batch);
        long t0 = System.nanoTime();
        int done = 0;
        for (int i = 0; i < history.size(); i += opt.batch) {
            List<Submission> batch = history.subList(i, Math.min(history.size(), i + opt.batch));
            post(batch);
            done += batch.size();
            log("backfill: %d / %d events posted (%d%%)", done, history.size(), 100L * done / history.size());
        }
        log("backfill: done in %d s", (System.nanoTime() - t0) / 1_000_000_000L);
    }

    /**
     * A time-lapse of the simulation, dated today: each event is either a new participant's enrolment
     * or the next step of a participant in the middle of a chain (brought forward to today). Steps of
     * participants whose last event is from today wait for another day, so no chain gets a 0-day gap.
     */
    void trickle(Simulation sim, double newShare) throws InterruptedException {
        long runSeed = opt.seed ^ System.nanoTime();
        Random live = new Random(runSeed);
        // New participants of this run get refs of their own (demo-p-<run>-000001), so that a restart
        // does not tie its new participants to the previous run's.
        String runPrefix = "demo-p-" + Long.toString(Math.floorMod(runSeed, 46656L), 36) + "-";
        int newParticipants = 0;
        log("trickle: %s events/s dated today; %.0f%% new participants, the rest continue chains",
                opt.rate, newShare * 100);
        long periodNanos = opt.rate >= 1 ? 1_000_000_000L : (long) (1e9 / opt.rate);
        double perTick = opt.rate * periodNanos / 1e9;
        double carry = 0;
        long next = System.nanoTime();
        long sinceReport = 0;
        long lastReport = System.nanoTime();
        while (true) {
            LocalDate today = LocalDate.now();
            carry += perTick;
            int n = (int) carry;
            carry -= n;
            List<Submission> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Step s = live.nextDouble() < newShare ? null : nextChainStep(sim, today);
                if (s == null) {
                    String ref = runPrefix + String.format("%06d", ++newParticipants);
                    s = sim.newParticipant(ref, pickDistrict(sim, today, live), today, live.nextLong());
                }
                batch.add(sim.fire(s, today)); // schedules the participant's next step in sim.pending
            }
            for (int i = 0; i < batch.size(); i += opt.batch) {
                post(batch.subList(i, Math.min(batch.size(), i + opt.batch)));
            }
            sinceReport += batch.size();
            if (System.nanoTime() - lastReport >= 30_000_000_000L) {
                log("trickle: %d events in the last %d s, %d in this run, %d participants in a chain",
                        sinceReport, (System.nanoTime() - lastReport) / 1_000_000_000L, posted.get(), sim.pending.size());
                sinceReport = 0;
                lastReport = System.nanoTime();
            }
            next += periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            else next = System.nanoTime(); // we fell behind (ingest was away): no burst to catch up
        }
    }

    /** The soonest pending step of a participant whose last event is before today, or null. */
    static Step nextChainStep(Simulation sim, LocalDate today) {
        List<Step> skipped = new ArrayList<>();
        Step found = null;
        while (!sim.pending.isEmpty()) {
            Step s = sim.pending.poll();
            if (s.who().lastDate == null || s.who().lastDate.isBefore(today)) {
                found = s;
                break;
            }
            skipped.add(s);
        }
        sim.pending.addAll(skipped);
        return found;
    }

    static District pickDistrict(Simulation sim, LocalDate today, Random r) {
        LocalDate workday = nextWorkday(today); // the season/wave of today, even on a weekend
        double total = 0;
        double[] w = new double[DISTRICTS.size()];
        for (int i = 0; i < w.length; i++) total += w[i] = sim.intakePerDay(DISTRICTS.get(i), workday);
        double u = r.nextDouble() * total;
        for (int i = 0; i < w.length; i++) if ((u -= w[i]) < 0) return DISTRICTS.get(i);
        return DISTRICTS.getLast();
    }

    // ------------------------------------------------------------------------------------------
    // HTTP: as a well-behaved provider.
    // ------------------------------------------------------------------------------------------

    static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    /**
     * Posts one batch until it is stored. 202: done. 429/503 and connection errors: wait (Retry-After
     * if given) and resend the SAME request - same event ids, so a resend counts once. 413: split the
     * batch. Any other 4xx means this feeder is wrong: log it with the answer and go on.
     */
    void post(List<Submission> batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(opt.url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + opt.key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(Submission.toJsonArray(batch)))
                .build();
        int attempt = 0;
        int serverErrors = 0;
        long lastComplaint = 0;
        while (true) {
            attempt++;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // Ingest not up yet, restarting, or gone for a moment: wait and send the same again.
                if (System.nanoTime() - lastComplaint > 30_000_000_000L) {
                    log("ingest not reachable (%s); retrying the same %d events", e, batch.size());
                    lastComplaint = System.nanoTime();
                }
                Thread.sleep(backoffMillis(attempt));
                continue;
            }
            int status = response.statusCode();
            if (status == 202 || status == 200) {
                Matcher m = ACCEPTED.matcher(response.body());
                long accepted = m.find() ? Long.parseLong(m.group(1)) : batch.size();
                if (accepted != batch.size()) {
                    log("WARN: sent %d events, ingest says accepted=%d (%s)", batch.size(), accepted, response.body());
                }
                posted.addAndGet(accepted);
                return;
            }
            if (status == 429 || status == 503) {
                long wait = retryAfterMillis(response).orElse(backoffMillis(attempt));
                if (System.nanoTime() - lastComplaint > 30_000_000_000L) {
                    log("ingest answered %d; resending the same %d events in %d ms", status, batch.size(), wait);
                    lastComplaint = System.nanoTime();
                }
                Thread.sleep(wait);
                continue;
            }
            if (status == 413 && batch.size() > 1) {
                log("ingest answered 413 for %d events; splitting the batch", batch.size());
                int half = batch.size() / 2;
                post(batch.subList(0, half));
                post(batch.subList(half, batch.size()));
                return;
            }
            if (status >= 500 && ++serverErrors <= 5) {
                log("ingest answered %d (%s); retrying the same %d events", status, abbreviate(response.body()), batch.size());
                Thread.sleep(backoffMillis(attempt));
                continue;
            }
            // A 4xx (or a persistent 5xx) is a bug in this feeder or the service: say so loudly, go on.
            // (A wrong key would reject every request: then say it in full only every 30 s.)
            dropped.addAndGet(batch.size());
            rejectedRequests++;
            if (System.nanoTime() - lastRejectionLog > 30_000_000_000L) {
                log("ERROR: ingest rejected %d events with %d (%d rejected requests in this run): %s",
                        batch.size(), status, rejectedRequests, response.body());
                log("ERROR: first event of that request: %s", batch.getFirst().toJson());
                lastRejectionLog = System.nanoTime();
            }
            return;
        }
    }

    long rejectedRequests;
    long lastRejectionLog = System.nanoTime() - 60_000_000_000L;

    static long backoffMillis(int attempt) {
        return Math.min(15_000L, 500L << Math.min(attempt, 5));
    }

    static OptionalLong retryAfterMillis(HttpResponse<?> response) {
        String v = response.headers().firstValue("Retry-After").orElse(null);
        if (v == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Math.clamp(Long.parseLong(v.trim()) * 1000, 100, 120_000));
        } catch (NumberFormatException e) {
            try { // or an HTTP date
                ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                long ms = Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis();
                return OptionalLong.of(Math.clamp(ms, 100, 120_000));
            } catch (DateTimeParseException e2) {
                return OptionalLong.empty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Helpers.
    // ------------------------------------------------------------------------------------------

    void printStats(List<Submission> history) {
        Map<YearMonth, Map<EventType, Integer>> byMonth = new TreeMap<>();
        Map<District, Integer> enrolmentsByDistrict = new EnumMap<>(District.class);
        int withoutRef = 0;
        for (Submission e : history) {
            byMonth.computeIfAbsent(YearMonth.from(e.occurredOn()), k -> new EnumMap<>(EventType.class))
                    .merge(e.type(), 1, Integer::sum);
            if (e.type() == EventType.COURSE_ENROLMENT) enrolmentsByDistrict.merge(e.district(), 1, Integer::sum);
            if (e.participantRef() == null) withoutRef++;
        }
        System.out.println("month     enrolments completions placements");
        byMonth.forEach((m, c) -> System.out.printf("%s %10d %11d %10d%n", m,
                c.getOrDefault(EventType.COURSE_ENROLMENT, 0), c.getOrDefault(EventType.COURSE_COMPLETION, 0),
                c.getOrDefault(EventType.JOB_PLACEMENT, 0)));
        System.out.println("enrolments per 10,000 residents over the whole period:");
        for (District d : DISTRICTS) {
            int n = enrolmentsByDistrict.getOrDefault(d, 0);
            System.out.printf("  %s %-23s %6d  %6.1f%n", d.ags(), d.displayName(), n, n * 10_000.0 / d.residents2018());
        }
        System.out.printf("events: %d, without participantRef: %.1f%%%n", history.size(),
                100.0 * withoutRef / Math.max(1, history.size()));
    }

    static LocalDate nextWorkday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.plusDays(2)
                : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(1) : d;
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    static int poisson(double lambda, Random r) {
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** A log-normal number of days with the given median; long tails, as real waiting times have. */
    static double lognormal(SplittableRandom r, double median, double sigma) {
        double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.min(median * Math.exp(sigma * g), 720);
    }

    static <T> T pick(SplittableRandom r, double[] weights, T[] values) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length; i++) if ((u -= weights[i]) < 0) return values[i];
        return values[values.length - 1];
    }

    /** A random (version 4) UUID drawn from the step's own random, so the same step has the same id. */
    static UUID uuid(SplittableRandom r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static void log(String format, Object... args) {
        System.out.println(LocalDateTime.now().format(LOG_TIME) + " " + String.format(Locale.ROOT, format, args));
    }

    // ------------------------------------------------------------------------------------------
    // Options.
    // ------------------------------------------------------------------------------------------

    static final class Options {
        static final String USAGE = """
                Usage: java -jar local/demo-feeder/target/demo-feeder-0.1.0-SNAPSHOT-exec.jar [options]

                Pushes synthetic but plausible integration events (enrolments, completions, job placements
                of participants moving through chains of measures in the 17 districts of Weser-Ems) through
                the ingest API, as a data provider would. Runs until killed (SIGTERM or Ctrl-C).

                Options (--name=value or --name value):
                  --url=URL             ingest endpoint (default %s)
                                        tip: append ?dryRun=true to validate without storing
                  --key=KEY             provider API key (default %s)
                  --backfill=BOOL       first post the history of the last --months months (default false;
                                        ./run-local passes true only when the event topic is empty)
                  --months=N            length of the backfilled history in months (default 24)
                  --trickle=BOOL        afterwards keep sending events dated today (default true)
                  --rate=R              trickle rate in events per second, may be fractional (default 0.5)
                  --seed=N              seed of the simulation (default %d); the same seed gives the same
                                        history and the same event ids, so a backfill sent twice counts once
                  --batch=N             events per request, 1..%d (default %d)
                  --stats               print monthly counts of the history that --backfill would send, then exit
                  --help                this text
                """.formatted(DEFAULT_URL, DEFAULT_KEY, DEFAULT_SEED, MAX_BATCH, MAX_BATCH);

        String url = DEFAULT_URL;
        String key = DEFAULT_KEY;
        boolean backfill = false;
        boolean trickle = true;
        int months = 24;
        double rate = 0.5;
        long seed = DEFAULT_SEED;
        int batch = MAX_BATCH;
        boolean stats;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) { o.help = true; continue; }
                if (a.equals("--stats")) { o.stats = true; continue; }
                if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
                String name, value;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(2, eq);
                    value = a.substring(eq + 1);
                } else {
                    name = a.substring(2);
                    if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                    value = args[++i];
                }
                try {
                    switch (name) {
                        case "url" -> o.url = URI.create(value).toString();
                        case "key" -> o.key = value;
                        case "backfill" -> o.backfill = bool(name, value);
                        case "trickle" -> o.trickle = bool(name, value);
                        case "months" -> o.months = range(name, Integer.parseInt(value), 1, 120);
                        case "rate" -> {
                            o.rate = Double.parseDouble(value);
                            if (!(o.rate > 0 && o.rate <= 1000)) throw new IllegalArgumentException("--rate must be > 0 and <= 1000");
                        }
                        case "seed" -> o.seed = Long.parseLong(value);
                        case "batch" -> o.batch = range(name, Integer.parseInt(value), 1, MAX_BATCH);
                        default -> throw new IllegalArgumentException("unknown option --" + name);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + ": not a number: " + value);
                }
            }
            return o;
        }

        static boolean bool(String name, String v) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException("--" + name + " must be true or false, not " + v);
            };
        }

        static int range(String name, int v, int min, int max) {
            if (v < min || v > max) throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max);
            return v;
        }
    }
}
