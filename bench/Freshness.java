import support.Answers;
import support.Clock;
import support.Cpu;
import support.Events;
import support.Http;
import support.IngestApi;
import support.Options;
import support.Results;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static support.Log.log;
import static support.Stats.ms;
import static support.Stats.percentile;

/**
 * Load and probes of bench/freshness (JDK only): how long after the 202 of the ingest API an event is
 * visible in the dashboard's read API, while a steady background load runs.
 *
 * <ul>
 *   <li>Background: every batch/rate seconds (50 ms at 2,000 events/s in batches of 100) one NDJSON
 *       request of fresh valid events (the three types, all 17 districts, occurredOn in the last 90 days,
 *       participants from a pool), sent asynchronously so a slow answer does not delay the next one
 *       (open loop; at most --max-in-flight requests outstanding, further ticks are counted as skipped).</li>
 *   <li>Probes (own HTTP client and connections): first --seed-events enrolments into the probe month
 *       and district (default 2015-03, 03462 Wittmund, a month no background event touches) so that its
 *       count is not withheld; then, --probes times: POST one enrolment into that month, note when the
 *       202 arrived, poll {@code GET /api/v1/indicators/{ags}/monthly?from=M&to=M} every --poll-ms until
 *       the district's enrolment count grew by one, and note when that answer arrived. Latency = answer
 *       that shows it - 202. A random pause of 50-250 ms between probes keeps them from locking onto the
 *       engine's commit interval. The warm-up (--warmup-seconds) counts from when the seed is visible
 *       and probes all along, discarded, so that the backlog the background built while the engine
 *       started is worked off before the measurement: it lasts --warmup-seconds and then until a
 *       warm-up probe was visible within 2 s (at most 300 s more).</li>
 * </ul>
 *
 * <p>Writes key=value figures to stdout and --result-file.
 */
public class Freshness {

    static final String USAGE = """
            Usage: java bench/Freshness.java --ingest=URL --dashboard=URL --key=API_KEY [options]
              --login=admin:admin      dashboard user with the role STATISTICS (HTTP basic)
              --rate=2000              background events per second
              --batch=100              events per background request
              --warmup-seconds=20      background load before the first probe
              --probes=300
              --poll-ms=20
              --seed-events=10
              --district=03462 --month=2015-03
              --max-in-flight=64
              --probe-timeout-seconds=30
              --watch=name:pid,...     report the CPU these processes use during the probes
              --result-file=PATH
            """;

    static final Pattern DISTRICT_ENROLMENTS = Pattern.compile("\"figures\":\\{.*?\"counts\":\\{\"enrolments\":(\\d+|null)");

    public static void main(String[] args) throws Exception {
        new Freshness(Options.parse("Freshness", USAGE, args, "ingest", null, "dashboard", null, "key", null,
                "login", "admin:admin", "rate", "2000", "batch", "100", "warmup-seconds", "20", "probes", "300",
                "poll-ms", "20", "seed-events", "10", "district", "03462", "month", "2015-03", "max-in-flight", "64",
                "probe-timeout-seconds", "30", "watch", "", "result-file", "")).run();
    }

    private final Options opt;
    private final URI monthly;
    private final String basic;
    private final int rate;
    private final int batch;
    private final int pollMs;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private final YearMonth probeMonth;
    private final String probeDistrict;
    private final IngestApi backgroundApi;
    private final IngestApi probeApi; // its own connections: probes do not queue behind the background
    private final HttpClient readApi = Http.client();

    // background figures; reset when the probes start
    private final Answers answers = new Answers();
    private final LongAdder skipped = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Long> backgroundLatencies = new ArrayList<>();

    Freshness(Options opt) {
        this.opt = opt;
        URI events = URI.create(opt.text("ingest") + "/api/v1/events");
        this.backgroundApi = new IngestApi(events, opt.text("key"));
        this.probeApi = new IngestApi(events, opt.text("key"));
        this.probeMonth = YearMonth.parse(opt.text("month"));
        this.probeDistrict = opt.text("district");
        // exact figures (role STATISTICS): a published count moves by the new event and its perturbation
        this.monthly = URI.create(opt.text("dashboard") + "/api/v1/indicators/" + probeDistrict + "/monthly?from="
                + probeMonth + "&to=" + probeMonth + "&exact=true");
        this.basic = "Basic " + Base64.getEncoder().encodeToString(opt.text("login").getBytes(StandardCharsets.UTF_8));
        this.rate = opt.integer("rate");
        this.batch = opt.integer("batch");
        this.pollMs = opt.integer("poll-ms");
    }

    // ------------------------------------------------------------------------------------------
    // Bodies
    // ------------------------------------------------------------------------------------------

    String backgroundBody(SplittableRandom random) {
        StringBuilder b = new StringBuilder(batch * 220);
        for (int i = 0; i < batch; i++) {
            String type = Events.type(random);
            Events.appendHead(b, random, type, today.minusDays(random.nextInt(90)), Events.district(random));
            if (random.nextInt(100) >= 30) {
                Events.appendField(b, "participantRef", "fresh-" + random.nextInt(50_000));
            }
            Events.appendTypeFields(b, type, random);
            b.append("}\n");
        }
        return b.toString();
    }

    String probeEnrolment(SplittableRandom random) {
        StringBuilder b = new StringBuilder(200);
        Events.appendHead(b, random, "COURSE_ENROLMENT", probeMonth.atDay(1 + random.nextInt(28)), probeDistrict);
        Events.appendField(b, "courseType", "INTEGRATION_COURSE");
        return b.append("}\n").toString();
    }

    static HttpRequest post(IngestApi api, String body) {
        return api.post(body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
    }

    // ------------------------------------------------------------------------------------------
    // Background load
    // ------------------------------------------------------------------------------------------

    ScheduledExecutorService startBackground() {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r ->
                Thread.ofPlatform().name("background").daemon().unstarted(r));
        SplittableRandom random = new SplittableRandom(7);
        long periodMicros = Math.round(batch * 1_000_000.0 / rate);
        ticker.scheduleAtFixedRate(() -> {
            if (inFlight.get() >= opt.integer("max-in-flight")) {
                skipped.increment();
                return;
            }
            inFlight.incrementAndGet();
            long start = System.nanoTime();
            backgroundApi.sendAsync(post(backgroundApi, backgroundBody(random)))
                    .whenComplete((response, error) -> {
                        inFlight.decrementAndGet();
                        long nanos = System.nanoTime() - start;
                        synchronized (backgroundLatencies) {
                            backgroundLatencies.add(nanos);
                        }
                        answers.count(response, error, batch);
                    });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        return ticker;
    }

    // ------------------------------------------------------------------------------------------
    // Probes
    // ------------------------------------------------------------------------------------------

    /** The district's enrolment count of the probe month (-1 when withheld or not reported) and when the answer came. */
    long[] probeCount() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(monthly).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = readApi.send(get, HttpResponse.BodyHandlers.ofString());
        long at = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IOException("GET " + monthly + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = DISTRICT_ENROLMENTS.matcher(response.body());
        if (!m.find()) {
            throw new IOException("no district enrolment count in " + response.body());
        }
        return new long[] {m.group(1).equals("null") ? -1 : Long.parseLong(m.group(1)), at};
    }

    /** Polls until the count is at least {@code wanted}; returns the arrival time of that answer, or -1 on timeout. */
    long awaitCount(long wanted, long timeoutNanos, long[] polls) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long sent = System.nanoTime();
            long[] count = probeCount();
            polls[0]++;
            polls[1] += count[1] - sent;
            if (count[0] >= wanted) {
                return count[1];
            }
            if (count[1] > deadline) {
                return -1;
            }
            Clock.sleepUntil(sent + pollMs * 1_000_000L);
        }
    }

    void run() throws Exception {
        SplittableRandom random = new SplittableRandom();
        int probes = opt.integer("probes");
        int seedEvents = opt.integer("seed-events");
        long probeTimeout = opt.longValue("probe-timeout-seconds") * 1_000_000_000L;
        long[] polls = new long[2];

        log("background: %,d events/s as %d requests/s of %d events; warm-up %s s", rate, rate / batch, batch,
                opt.text("warmup-seconds"));
        ScheduledExecutorService background = startBackground();

        // seed the probe month while the warm-up runs
        long before = Math.max(0, probeCount()[0]);
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < seedEvents; i++) {
            seed.append(probeEnrolment(random));
        }
        HttpResponse<String> seeded = probeApi.send(post(probeApi, seed.toString()));
        if (seeded.statusCode() != 202) {
            throw new IllegalStateException("seeding answered " + seeded.statusCode() + ": " + seeded.body());
        }
        if (awaitCount(before + seedEvents, 120_000_000_000L, polls) < 0) {
            throw new IllegalStateException("the " + seedEvents + " seed events did not become visible within 120 s");
        }
        long count = probeCount()[0];
        log("probe month %s of %s seeded: enrolments %d", probeMonth, probeDistrict, count);
        // The warm-up counts from here (the engine is running) and probes all along, discarded: the engine
        // first works off what the background sent while it started, and the measurement must not see that.
        // It lasts --warmup-seconds and then until a probe was visible within 2 s (caught up; at most 300 s).
        long warmupEnd = System.nanoTime() + opt.longValue("warmup-seconds") * 1_000_000_000L;
        int warmupProbes = 0;
        long warmupLast = 0;
        long warmupLimit = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < warmupEnd || (warmupLast > 2_000_000_000L && System.nanoTime() < warmupLimit)) {
            HttpResponse<String> response = probeApi.send(post(probeApi, probeEnrolment(random)));
            long at = System.nanoTime();
            if (response.statusCode() == 202) {
                long visible = awaitCount(count + 1, 120_000_000_000L, polls);
                if (visible < 0) {
                    throw new IllegalStateException("a warm-up probe was not visible within 120 s");
                }
                count++;
                warmupProbes++;
                warmupLast = visible - at;
            }
            Thread.sleep(50 + random.nextInt(200));
        }
        log("warm-up: %,d events accepted, statuses other than 202: %s%s; %d probes, the last %.0f ms",
                answers.acceptedEvents(), answers.byStatus(), answers.first() == null ? "" : " (first: " + answers.first() + ")",
                warmupProbes, warmupLast / 1e6);

        // the measured phase
        answers.reset();
        skipped.reset();
        synchronized (backgroundLatencies) {
            backgroundLatencies.clear();
        }
        polls[0] = 0;
        polls[1] = 0;
        Map<String, String> watched = Cpu.watch(opt.text("watch"), "load+probes");
        Map<String, Long> cpuBefore = Cpu.ticks(watched);
        long[] machineBefore = Cpu.machine();
        long phaseStart = System.nanoTime();
        long[] latencies = new long[probes];
        long[] fromSend = new long[probes];
        int done = 0, timeouts = 0, probeNon202 = 0;
        long lastLog = phaseStart;
        for (int i = 0; i < probes; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = probeApi.send(post(probeApi, probeEnrolment(random)));
            long accepted202 = System.nanoTime();
            if (response.statusCode() != 202) {
                probeNon202++;
                log("probe %d answered %d: %s", i, response.statusCode(), response.body());
                continue;
            }
            long visible = awaitCount(count + 1, probeTimeout, polls);
            if (visible < 0) {
                timeouts++;
                log("probe %d: not visible within %d s", i, probeTimeout / 1_000_000_000L);
                count = Math.max(count, probeCount()[0]);
                continue;
            }
            latencies[done] = visible - accepted202;
            fromSend[done] = visible - sent;
            done++;
            count++;
            if (System.nanoTime() - lastLog > 10_000_000_000L) {
                lastLog = System.nanoTime();
                long[] sofar = Arrays.copyOf(latencies, done);
                Arrays.sort(sofar);
                log("%d of %d probes, p50 %.0f ms, p99 %.0f ms so far; background %,.0f events/s", done, probes,
                        percentile(sofar, 0.5) / 1e6, percentile(sofar, 0.99) / 1e6,
                        answers.acceptedEvents() / ((System.nanoTime() - phaseStart) / 1e9));
            }
            Thread.sleep(50 + random.nextInt(200));
        }
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        long backgroundAccepted = answers.acceptedEvents();
        Map<String, Long> cpuAfter = Cpu.ticks(watched);
        long[] machineAfter = Cpu.machine();
        background.shutdownNow();

        long[] sorted = Arrays.copyOf(latencies, done);
        Arrays.sort(sorted);
        long[] sortedFromSend = Arrays.copyOf(fromSend, done);
        Arrays.sort(sortedFromSend);
        long[] bg;
        synchronized (backgroundLatencies) {
            bg = backgroundLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        new Results()
                .put("warmup_probes", warmupProbes)
                .put("probes", probes)
                .put("probes_visible", done)
                .put("probes_timed_out", timeouts)
                .put("probes_non_202", probeNon202)
                .put("p50_ms", ms(percentile(sorted, 0.50)))
                .put("p90_ms", ms(percentile(sorted, 0.90)))
                .put("p99_ms", ms(percentile(sorted, 0.99)))
                .put("max_ms", ms(done == 0 ? 0 : sorted[done - 1]))
                .put("min_ms", ms(done == 0 ? 0 : sorted[0]))
                .put("from_send_p50_ms", ms(percentile(sortedFromSend, 0.50)))
                .put("from_send_p99_ms", ms(percentile(sortedFromSend, 0.99)))
                .put("poll_count", polls[0])
                .put("poll_mean_ms", ms(polls[0] == 0 ? 0 : polls[1] / polls[0]))
                .put("seconds", seconds, 1)
                .put("background_target_events_per_second", rate)
                .put("background_events_per_second", backgroundAccepted / seconds, 1)
                .put("background_non_202", answers.nonAccepted())
                .put("background_non_202_by_status", answers.byStatus())
                .put("background_first_error", answers.first())
                .put("background_skipped_ticks", skipped.sum())
                .put("background_request_p50_ms", ms(percentile(bg, 0.50)))
                .put("background_request_p99_ms", ms(percentile(bg, 0.99)))
                .put("cpu_cores_used", Cpu.cores(cpuBefore, cpuAfter, machineBefore, machineAfter, seconds))
                .print(opt.path("result-file"));
    }
}
