import support.Answers;
import support.Clock;
import support.Events;
import support.IngestApi;
import support.Options;
import support.Results;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static support.Log.log;

/**
 * Load generator of bench/soak: a steady, paced (open loop) stream of valid events (contract v1) to
 * the ingest API for a fixed time: every --batch/--rate seconds one NDJSON request of --batch events,
 * sent asynchronously so that a slow answer does not delay the next. A tick while --max-outstanding
 * requests are unanswered is skipped and counted (the service could not keep up).
 *
 * <p>Events: fresh random eventIds; 50% enrolments, 35% completions, 15% placements; occurredOn in
 * the last 180 days; a participantRef from a pool of --participants (each with a home district for
 * 90% of its events), so the same participants come back again and again and chains form.
 *
 * <p>Every second it writes its counters as key=value lines to --status-file (replaced atomically),
 * which bench/SoakMonitor.java reads at each sample. JDK only (and bench/support/):
 * {@code java bench/SoakLoad.java --help}.
 */
public class SoakLoad {

    static final String USAGE = """
            Usage: java bench/SoakLoad.java --url=URL --key=API_KEY [options]
              --rate=500               events per second
              --batch=50               events per NDJSON request
              --seconds=1800           how long
              --participants=50000     pool of participantRefs
              --max-outstanding=64     unanswered requests before ticks are skipped
              --status-file=PATH       counters, rewritten every second
            """;

    public static void main(String[] args) throws Exception {
        new SoakLoad(Options.parse("SoakLoad", USAGE, args, "url", null, "key", null, "rate", "500", "batch", "50",
                "seconds", "1800", "participants", "50000", "max-outstanding", "64", "status-file", "")).run();
    }

    private final Options opt;
    private final IngestApi api;
    private final int batch;
    private final int participants;
    private final Path statusFile;
    private final LocalDate today = LocalDate.now();
    private final SplittableRandom random = new SplittableRandom();

    private final Answers answers = new Answers();
    private final LongAdder sentEvents = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder skippedTicks = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicInteger outstanding = new AtomicInteger();

    SoakLoad(Options opt) {
        this.opt = opt;
        this.api = IngestApi.of(opt);
        this.batch = opt.integer("batch");
        this.participants = opt.integer("participants");
        this.statusFile = opt.path("status-file");
    }

    /** One NDJSON body of {@code batch} fresh, valid events. */
    byte[] body() {
        StringBuilder b = new StringBuilder(batch * 220);
        for (int i = 0; i < batch; i++) {
            int participant = random.nextInt(participants);
            // the participant's home district for 90% of its events, another one otherwise
            String district = random.nextInt(10) < 9 ? Events.DISTRICTS[participant % Events.DISTRICTS.length]
                    : Events.district(random);
            String type = Events.type(random);
            Events.appendHead(b, random, type, today.minusDays(random.nextInt(180)), district);
            Events.appendField(b, "participantRef", "soak-" + participant);
            Events.appendTypeFields(b, type, random);
            b.append("}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    void send() {
        if (outstanding.get() >= opt.integer("max-outstanding")) {
            skippedTicks.increment();
            return;
        }
        HttpRequest request = api.post(body(), Duration.ofSeconds(30));
        outstanding.incrementAndGet();
        requests.increment();
        sentEvents.add(batch);
        long start = System.nanoTime();
        api.sendAsync(request).whenComplete((response, error) -> {
            outstanding.decrementAndGet();
            answered.increment();
            latencyNanos.add(System.nanoTime() - start);
            answers.count(response, error, batch);
        });
    }

    Results status(double elapsed, boolean done) {
        long a = answered.sum();
        return new Results()
                .put("pid", ProcessHandle.current().pid())
                .put("elapsed_seconds", elapsed, 1)
                .put("sent_events", sentEvents.sum())
                .put("accepted_events", answers.acceptedEvents())
                .put("requests", requests.sum())
                .put("request_mean_ms", a == 0 ? 0 : latencyNanos.sum() / 1e6 / a, 1)
                .put("non_202", answers.nonAccepted())
                .put("non_202_by_status", answers.byStatus())
                .put("first_non_202", answers.first())
                .put("skipped_ticks", skippedTicks.sum())
                .put("outstanding", outstanding.get())
                .put("done", done);
    }

    void writeStatus(double elapsed, boolean done) {
        if (statusFile == null) {
            return;
        }
        try {
            status(elapsed, done).writeAtomically(statusFile);
        } catch (IOException e) {
            log("cannot write %s: %s", statusFile, e);
        }
    }

    void run() throws InterruptedException {
        int rate = opt.integer("rate");
        int seconds = opt.integer("seconds");
        long intervalNanos = Math.round(1e9 * batch / rate);
        log("%d events/s as %.1f requests/s of %d events to %s for %d s; %d participants", rate, 1e9 / intervalNanos,
                batch, api, seconds, participants);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long next = start;
        long nextStatus = start;
        long lastLogged = start;
        long lastAccepted = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            if (now >= next) {
                send();
                next += intervalNanos;
                if (now - next > 5_000_000_000L) {
                    // far behind (e.g. the machine stalled): count the missed ticks instead of a burst
                    long missed = (now - next) / intervalNanos;
                    skippedTicks.add(missed);
                    next += missed * intervalNanos;
                }
                continue;
            }
            if (now >= nextStatus) {
                writeStatus((now - start) / 1e9, false);
                nextStatus += 1_000_000_000L;
                if (now - lastLogged >= 60_000_000_000L) {
                    long accepted = answers.acceptedEvents();
                    log("%.0f s: %,d events accepted (%.0f/s over the last minute), non-202 %d, skipped ticks %d",
                            (now - start) / 1e9, accepted, (accepted - lastAccepted) / ((now - lastLogged) / 1e9),
                            answers.nonAccepted(), skippedTicks.sum());
                    lastLogged = now;
                    lastAccepted = accepted;
                }
            }
            Clock.sleepUntil(Math.min(next, nextStatus));
        }
        // wait (at most 30 s) for the answers of what was sent
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        writeStatus(elapsed, true);
        System.out.print(status(elapsed, true).text());
    }
}
