package de.weserems.integration.demo;

import de.weserems.integration.events.District;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.Submission;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static de.weserems.integration.demo.ConsoleLog.log;
import static de.weserems.integration.demo.Region.DISTRICTS;
import static de.weserems.integration.demo.Simulation.EPOCH;
import static de.weserems.integration.demo.Simulation.nextWorkday;

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
 * <p>The parts: {@link Options} reads the command line, {@link Simulation} is the model (participants
 * going through chains of measures in the districts of {@link Region}), {@link IngestClient} posts as a
 * well-behaved provider. This class runs them: it simulates the history, then backfills and trickles.
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

    private final Options opt;
    private final IngestClient ingest;

    DemoFeeder(Options opt) {
        this.opt = opt;
        this.ingest = new IngestClient(opt.url, opt.key);
    }

    void run() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate from = today.minusMonths(opt.months);
        log("demo feeder: url=%s seed=%d backfill=%s trickle=%s rate=%s/s", opt.url, opt.seed, opt.backfill,
                opt.trickle, opt.rate);

        // Simulate the history up to today. Only the events of the last --months months are sent
        // (and only with --backfill); the rest just brings the chains into a steady state.
        Simulation sim = new Simulation(opt.seed, "demo-p-");
        long[] lastYearSteps = new long[2]; // new participants, steps of participants in a chain
        LocalDate start = start(from);
        List<Submission> history = history(sim, opt.seed, start, from, today, lastYearSteps);
        long spawnedLastYear = lastYearSteps[0], eventsLastYear = lastYearSteps[0] + lastYearSteps[1];
        log("simulated %d participants since %s; %d events in the last %d months; %d participants in the middle of a chain",
                sim.participants, start, history.size(), opt.months, sim.pending.size());

        if (opt.stats) {
            printStats(history);
            return;
        }
        // SIGTERM (run-local stopping) ends the JVM at once; this says how far we got.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                log("stopping: %d events accepted by ingest in this run, %d dropped as rejected",
                        ingest.posted(), ingest.dropped())));
        if (opt.backfill) backfill(history);
        history = null; // not needed any more: let it go
        if (!opt.trickle) {
            log("--trickle=false: done");
            return;
        }
        double newShare = eventsLastYear == 0 ? 0.28 : Math.clamp((double) spawnedLastYear / eventsLastYear, 0.15, 0.5);
        trickle(sim, newShare);
    }

    /** The first simulated day: the epoch, or two years before {@code from} for a long history. */
    static LocalDate start(LocalDate from) {
        return EPOCH.isBefore(from.minusYears(2)) ? EPOCH : from.minusYears(2).withDayOfYear(1);
    }

    /**
     * Simulates {@code sim} from {@code start} to {@code today} and returns the events dated from {@code from}
     * to {@code today}, in date order; counts into {@code lastYearSteps} the new participants and the chain
     * steps of the last year.
     */
    static List<Submission> history(Simulation sim, long seed, LocalDate start, LocalDate from, LocalDate today,
                                     long[] lastYearSteps) {
        List<Submission> history = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            boolean lastYear = day.isAfter(today.minusYears(1));
            sim.simulate(day, (spawned, events) -> {
                for (Submission e : events) {
                    if (!e.occurredOn().isBefore(from)) history.add(e);
                }
                if (lastYear) lastYearSteps[spawned ? 0 : 1]++;
            });
        }
        history.addAll(Simulation.entitlementsAhead(seed, "demo-p-", start, from, today));
        // an entitlement is simulated with the enrolment it precedes: sorted into date order, as a
        // provider's export would be (the sort is stable: a retraction stays after the event it takes back)
        history.sort(Comparator.comparing(Submission::occurredOn));
        return history;
    }

    private void backfill(List<Submission> history) throws InterruptedException {
        log("backfill: posting %d events (%s .. %s) in batches of up to %d", history.size(),
                history.isEmpty() ? "-" : history.getFirst().occurredOn(),
                history.isEmpty() ? "-" : history.getLast().occurredOn(), opt.batch);
        long t0 = System.nanoTime();
        int done = 0;
        for (int i = 0; i < history.size(); i += opt.batch) {
            List<Submission> batch = history.subList(i, Math.min(history.size(), i + opt.batch));
            ingest.post(batch);
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
    private void trickle(Simulation sim, double newShare) throws InterruptedException {
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
                batch.addAll(sim.fire(s, today)); // schedules the participant's next step in sim.pending
            }
            for (int i = 0; i < batch.size(); i += opt.batch) {
                ingest.post(batch.subList(i, Math.min(batch.size(), i + opt.batch)));
            }
            sinceReport += batch.size();
            if (System.nanoTime() - lastReport >= 30_000_000_000L) {
                log("trickle: %d events in the last %d s, %d in this run, %d participants in a chain",
                        sinceReport, (System.nanoTime() - lastReport) / 1_000_000_000L, ingest.posted(), sim.pending.size());
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
    private static Step nextChainStep(Simulation sim, LocalDate today) {
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

    private static District pickDistrict(Simulation sim, LocalDate today, Random r) {
        LocalDate workday = nextWorkday(today); // the season/wave of today, even on a weekend
        double total = 0;
        double[] w = new double[DISTRICTS.size()];
        for (int i = 0; i < w.length; i++) total += w[i] = sim.intakePerDay(DISTRICTS.get(i), workday);
        double u = r.nextDouble() * total;
        for (int i = 0; i < w.length; i++) if ((u -= w[i]) < 0) return DISTRICTS.get(i);
        return DISTRICTS.getLast();
    }

    private void printStats(List<Submission> history) {
        Map<YearMonth, Map<EventType, Integer>> byMonth = new TreeMap<>();
        Map<District, Integer> enrolmentsByDistrict = new EnumMap<>(District.class);
        int withoutRef = 0;
        for (Submission e : history) {
            byMonth.computeIfAbsent(YearMonth.from(e.occurredOn()), k -> new EnumMap<>(EventType.class))
                    .merge(e.type(), 1, Integer::sum);
            if (e.type() == EventType.COURSE_ENROLMENT) enrolmentsByDistrict.merge(e.district(), 1, Integer::sum);
            if (e.participantRef() == null) withoutRef++;
        }
        System.out.println("month     enrolments completions placements entitlements starts");
        byMonth.forEach((m, c) -> System.out.printf("%s %10d %11d %10d %12d %6d%n", m,
                c.getOrDefault(EventType.COURSE_ENROLMENT, 0), c.getOrDefault(EventType.COURSE_COMPLETION, 0),
                c.getOrDefault(EventType.JOB_PLACEMENT, 0), c.getOrDefault(EventType.ENTITLEMENT, 0),
                c.getOrDefault(EventType.COURSE_START, 0)));
        System.out.println("enrolments per 10,000 residents over the whole period:");
        for (District d : DISTRICTS) {
            int n = enrolmentsByDistrict.getOrDefault(d, 0);
            System.out.printf("  %s %-23s %6d  %6.1f%n", d.ags(), d.displayName(), n, n * 10_000.0 / d.residents2018());
        }
        System.out.printf("events: %d, without participantRef: %.1f%%%n", history.size(),
                100.0 * withoutRef / Math.max(1, history.size()));
    }
}
