import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
              --login=planer:planer    dashboard user (HTTP basic)
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

    static final String[] DISTRICTS = {"03401", "03402", "03403", "03404", "03405", "03451", "03452", "03453",
            "03454", "03455", "03456", "03457", "03458", "03459", "03460", "03461", "03462"};
    static final String[] COURSE_TYPES = {"INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE", "VOCATIONAL_QUALIFICATION",
            "ORIENTATION_COURSE"};
    static final String[] OUTCOMES = {"PASSED", "FAILED", "DROPPED_OUT"};
    static final String[] LEVELS = {"A1", "A2", "B1", "B2", "C1", "C2"};
    static final String[] PLACEMENTS = {"EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MARGINAL_EMPLOYMENT"};
    static final Pattern DISTRICT_ENROLMENTS = Pattern.compile("\"figures\":\\{.*?\"counts\":\\{\"enrolments\":(\\d+|null)");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String[] d : new String[][] {{"login", "planer:planer"}, {"rate", "2000"}, {"batch", "100"},
                {"warmup-seconds", "20"}, {"probes", "300"}, {"poll-ms", "20"}, {"seed-events", "10"},
                {"district", "03462"}, {"month", "2015-03"}, {"max-in-flight", "64"}, {"probe-timeout-seconds", "30"},
                {"watch", ""}, {"result-file", ""}, {"ingest", ""}, {"dashboard", ""}, {"key", ""}}) {
            opt.put(d[0], d[1]);
        }
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !opt.containsKey(arg.substring(2, eq))) {
                fail("not an option: " + arg);
            }
            opt.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        if (opt.get("ingest").isBlank() || opt.get("dashboard").isBlank() || opt.get("key").isBlank()) {
            fail("--ingest, --dashboard and --key are required");
        }
        new Freshness(opt).run();
    }

    static void fail(String message) {
        System.err.println("Freshness: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[Freshness] " + format + "%n", args);
    }

    private final Map<String, String> opt;
    private final URI events;
    private final URI monthly;
    private final String bearer;
    private final String basic;
    private final int rate;
    private final int batch;
    private final int pollMs;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private final YearMonth probeMonth;
    private final String probeDistrict;
    private final HttpClient backgroundHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient probeHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // background figures; reset when the probes start
    private final LongAdder accepted = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final Map<String, LongAdder> otherStatus = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Long> backgroundLatencies = new ArrayList<>();

    Freshness(Map<String, String> opt) {
        this.opt = opt;
        this.events = URI.create(opt.get("ingest") + "/api/v1/events");
        this.probeMonth = YearMonth.parse(opt.get("month"));
        this.probeDistrict = opt.get("district");
        this.monthly = URI.create(opt.get("dashboard") + "/api/v1/indicators/" + probeDistrict + "/monthly?from="
                + probeMonth + "&to=" + probeMonth);
        this.bearer = "Bearer " + opt.get("key");
        this.basic = "Basic " + Base64.getEncoder().encodeToString(opt.get("login").getBytes(StandardCharsets.UTF_8));
        this.rate = Integer.parseInt(opt.get("rate"));
        this.batch = Integer.parseInt(opt.get("batch"));
        this.pollMs = Integer.parseInt(opt.get("poll-ms"));
    }

    // ------------------------------------------------------------------------------------------
    // Bodies
    // ------------------------------------------------------------------------------------------

    String backgroundBody(SplittableRandom random) {
        StringBuilder b = new StringBuilder(batch * 220);
        for (int i = 0; i < batch; i++) {
            int kind = random.nextInt(100);
            String type = kind < 50 ? "COURSE_ENROLMENT" : kind < 85 ? "COURSE_COMPLETION" : "JOB_PLACEMENT";
            b.append("{\"eventId\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                    .append("\",\"type\":\"").append(type)
                    .append("\",\"occurredOn\":\"").append(today.minusDays(random.nextInt(90)))
                    .append("\",\"district\":\"").append(DISTRICTS[random.nextInt(DISTRICTS.length)]).append('"');
            if (random.nextInt(100) >= 30) {
                b.append(",\"participantRef\":\"fresh-").append(random.nextInt(50_000)).append('"');
            }
            switch (type) {
                case "COURSE_ENROLMENT" -> b.append(",\"courseType\":\"").append(pick(COURSE_TYPES, random)).append('"');
                case "COURSE_COMPLETION" -> {
                    b.append(",\"courseType\":\"").append(pick(COURSE_TYPES, random)).append('"');
                    b.append(",\"outcome\":\"").append(pick(OUTCOMES, random)).append('"');
                    if (random.nextBoolean()) {
                        b.append(",\"languageLevel\":\"").append(pick(LEVELS, random)).append('"');
                    }
                }
                default -> b.append(",\"placementType\":\"").append(pick(PLACEMENTS, random)).append('"');
            }
            b.append("}\n");
        }
        return b.toString();
    }

    String probeEnrolment(SplittableRandom random) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\""
                + probeMonth.atDay(1 + random.nextInt(28)) + "\",\"district\":\"" + probeDistrict
                + "\",\"courseType\":\"INTEGRATION_COURSE\"}\n";
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    HttpRequest post(String body) {
        return HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-ndjson").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
            if (inFlight.get() >= Integer.parseInt(opt.get("max-in-flight"))) {
                skipped.increment();
                return;
            }
            inFlight.incrementAndGet();
            long start = System.nanoTime();
            backgroundHttp.sendAsync(post(backgroundBody(random)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        inFlight.decrementAndGet();
                        long nanos = System.nanoTime() - start;
                        synchronized (backgroundLatencies) {
                            backgroundLatencies.add(nanos);
                        }
                        String status;
                        if (error != null) {
                            status = "io-error";
                            firstError.compareAndSet(null, error.toString());
                        } else if (response.statusCode() == 202) {
                            accepted.add(batch);
                            return;
                        } else {
                            status = Integer.toString(response.statusCode());
                            firstError.compareAndSet(null, status + " " + response.body()
                                    .substring(0, Math.min(300, response.body().length())));
                        }
                        otherStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
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
        HttpResponse<String> response = probeHttp.send(get, HttpResponse.BodyHandlers.ofString());
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
            long sleep = pollMs * 1_000_000L - (System.nanoTime() - sent);
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
            }
        }
    }

    void run() throws Exception {
        SplittableRandom random = new SplittableRandom();
        int probes = Integer.parseInt(opt.get("probes"));
        int seedEvents = Integer.parseInt(opt.get("seed-events"));
        long probeTimeout = Long.parseLong(opt.get("probe-timeout-seconds")) * 1_000_000_000L;
        long[] polls = new long[2];

        log("background: %,d events/s as %d requests/s of %d events; warm-up %s s", rate, rate / batch, batch,
                opt.get("warmup-seconds"));
        ScheduledExecutorService background = startBackground();

        // seed the probe month while the warm-up runs
        long before = Math.max(0, probeCount()[0]);
        StringBuilder seed = new StringBuilder();
        for (int i = 0; i < seedEvents; i++) {
            seed.append(probeEnrolment(random));
        }
        HttpResponse<String> seeded = probeHttp.send(post(seed.toString()), HttpResponse.BodyHandlers.ofString());
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
        long warmupEnd = System.nanoTime() + Long.parseLong(opt.get("warmup-seconds")) * 1_000_000_000L;
        int warmupProbes = 0;
        long warmupLast = 0;
        long warmupLimit = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < warmupEnd || (warmupLast > 2_000_000_000L && System.nanoTime() < warmupLimit)) {
            HttpResponse<String> response = probeHttp.send(post(probeEnrolment(random)), HttpResponse.BodyHandlers.ofString());
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
        log("warm-up: %,d events accepted, statuses other than 202: %s%s; %d probes, the last %.0f ms", accepted.sum(),
                counts(otherStatus), firstError.get() == null ? "" : " (first: " + firstError.get() + ")",
                warmupProbes, warmupLast / 1e6);

        // the measured phase
        accepted.reset();
        skipped.reset();
        otherStatus.clear();
        firstError.set(null);
        synchronized (backgroundLatencies) {
            backgroundLatencies.clear();
        }
        polls[0] = 0;
        polls[1] = 0;
        Map<String, Long> cpuBefore = watchedTicks();
        long[] machineBefore = machineTicks();
        long phaseStart = System.nanoTime();
        long[] latencies = new long[probes];
        long[] fromSend = new long[probes];
        int done = 0, timeouts = 0, probeNon202 = 0;
        long lastLog = phaseStart;
        for (int i = 0; i < probes; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = probeHttp.send(post(probeEnrolment(random)), HttpResponse.BodyHandlers.ofString());
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
                        accepted.sum() / ((System.nanoTime() - phaseStart) / 1e9));
            }
            Thread.sleep(50 + random.nextInt(200));
        }
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        long backgroundAccepted = accepted.sum();
        Map<String, Long> cpuAfter = watchedTicks();
        long[] machineAfter = machineTicks();
        background.shutdownNow();

        long[] sorted = Arrays.copyOf(latencies, done);
        Arrays.sort(sorted);
        long[] sortedFromSend = Arrays.copyOf(fromSend, done);
        Arrays.sort(sortedFromSend);
        long[] bg;
        synchronized (backgroundLatencies) {
            bg = backgroundLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        Map<String, String> result = new LinkedHashMap<>();
        result.put("warmup_probes", Integer.toString(warmupProbes));
        result.put("probes", Integer.toString(probes));
        result.put("probes_visible", Integer.toString(done));
        result.put("probes_timed_out", Integer.toString(timeouts));
        result.put("probes_non_202", Integer.toString(probeNon202));
        result.put("p50_ms", ms(percentile(sorted, 0.50)));
        result.put("p90_ms", ms(percentile(sorted, 0.90)));
        result.put("p99_ms", ms(percentile(sorted, 0.99)));
        result.put("max_ms", ms(done == 0 ? 0 : sorted[done - 1]));
        result.put("min_ms", ms(done == 0 ? 0 : sorted[0]));
        result.put("from_send_p50_ms", ms(percentile(sortedFromSend, 0.50)));
        result.put("from_send_p99_ms", ms(percentile(sortedFromSend, 0.99)));
        result.put("poll_count", Long.toString(polls[0]));
        result.put("poll_mean_ms", ms(polls[0] == 0 ? 0 : polls[1] / polls[0]));
        result.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        result.put("background_target_events_per_second", Integer.toString(rate));
        result.put("background_events_per_second", String.format(Locale.ROOT, "%.1f", backgroundAccepted / seconds));
        result.put("background_non_202", Long.toString(otherStatus.values().stream().mapToLong(LongAdder::sum).sum()));
        result.put("background_non_202_by_status", counts(otherStatus));
        result.put("background_first_error", String.valueOf(firstError.get()).replace('\n', ' '));
        result.put("background_skipped_ticks", Long.toString(skipped.sum()));
        result.put("background_request_p50_ms", ms(percentile(bg, 0.50)));
        result.put("background_request_p99_ms", ms(percentile(bg, 0.99)));
        result.put("cpu_cores_used", cpu(cpuBefore, cpuAfter, machineBefore, machineAfter, seconds));
        StringBuilder text = new StringBuilder();
        result.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        System.out.print(text);
        if (!opt.get("result-file").isBlank()) {
            Files.writeString(Path.of(opt.get("result-file")), text);
        }
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1; // nearest rank
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    static String counts(Map<String, LongAdder> byStatus) {
        if (byStatus.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        new TreeMap<>(byStatus).forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append(':').append(v.sum()));
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------
    // CPU of the watched processes (Linux /proc)
    // ------------------------------------------------------------------------------------------

    static long cpuTicks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] {all, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    Map<String, Long> watchedTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        if (!opt.get("watch").isBlank()) {
            for (String entry : opt.get("watch").split(",")) {
                String[] nameAndPid = entry.split(":");
                ticks.put(nameAndPid[0], cpuTicks(nameAndPid[1]));
            }
        }
        ticks.put("load+probes", cpuTicks(Long.toString(ProcessHandle.current().pid())));
        return ticks;
    }

    static String cpu(Map<String, Long> before, Map<String, Long> after, long[] m0, long[] m1, double seconds) {
        StringBuilder cpu = new StringBuilder();
        double ours = 0;
        for (String name : after.keySet()) {
            long b = before.getOrDefault(name, -1L);
            long a = after.get(name);
            if (b >= 0 && a >= 0) {
                double cores = (a - b) / 100.0 / seconds; // ticks are 1/100 s on Linux (CLK_TCK)
                ours += cores;
                cpu.append(String.format(Locale.ROOT, "%s %.2f, ", name, cores));
            }
        }
        long all = m1[0] - m0[0];
        long idle = m1[1] - m0[1];
        int cpus = Runtime.getRuntime().availableProcessors();
        if (all > 0) {
            double busy = cpus * (1.0 - (double) idle / all);
            cpu.append(String.format(Locale.ROOT, "other processes %.2f, machine busy %.2f of %d",
                    Math.max(0, busy - ours), busy, cpus));
        }
        return cpu.toString();
    }
}
