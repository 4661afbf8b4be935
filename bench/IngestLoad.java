import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator of bench/ingest-throughput: C clients, each on its own thread and HTTP/1.1
 * connection, POST NDJSON bodies of N valid events (contract v1) to the ingest API back to back
 * (closed loop: a client sends its next request when the previous one was answered).
 *
 * <p>Phases: a warm-up (result discarded; bodies are re-keyed in place, which is cheap), then the
 * bodies for the measured phase are generated in advance (twice as many as the rate of the warm-up's
 * second half needs) so that generating JSON is not part of the measurement, then the measured phase.
 * Every event of every request has a fresh random eventId. Should the pre-generated bodies run out, a client re-keys
 * a body it already sent (36 bytes per event overwritten, about 0.1 ms per body) and this is reported.
 *
 * <p>JDK only, run with the source launcher: {@code java bench/IngestLoad.java --help}.
 * Writes its figures as key=value lines to {@code --result-file} (read by bench/ingest-throughput).
 */
public class IngestLoad {

    static final String USAGE = """
            Usage: java bench/IngestLoad.java --url=URL --key=API_KEY [options]
              --clients=8            concurrent clients (one connection and one thread each)
              --events=1000          events per NDJSON request
              --warmup-seconds=20    warm-up, not counted
              --seconds=60           measured phase
              --max-bodies=6000      upper bound of pre-generated bodies (memory: ~0.2 MB each)
              --watch=name:pid,...   report the CPU time these processes use during the measured phase
              --result-file=PATH     key=value figures for the calling script
            """;

    static final String[] DISTRICTS = {"03401", "03402", "03403", "03404", "03405", "03451", "03452", "03453",
            "03454", "03455", "03456", "03457", "03458", "03459", "03460", "03461", "03462"};
    static final String[] COURSE_TYPES = {"INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE", "VOCATIONAL_QUALIFICATION",
            "ORIENTATION_COURSE"};
    static final String[] OUTCOMES = {"PASSED", "FAILED", "DROPPED_OUT"};
    static final String[] LEVELS = {"A1", "A2", "B1", "B2", "C1", "C2"};
    static final String[] PLACEMENTS = {"EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MARGINAL_EMPLOYMENT"};
    static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Every line starts with this, so the eventId of a line is at its start + PREFIX.length. */
    static final String PREFIX = "{\"eventId\":\"";

    /** One NDJSON body and where its eventIds are, so that it can be re-keyed in place. */
    record Body(byte[] bytes, int[] idOffsets) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("clients", "8", "events", "1000", "warmup-seconds", "20",
                "seconds", "60", "max-bodies", "6000", "watch", "", "result-file", ""));
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                fail("not an option: " + arg);
            }
            opt.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        if (!opt.containsKey("url") || !opt.containsKey("key")) {
            fail("--url and --key are required");
        }
        new IngestLoad(opt).run();
    }

    static void fail(String message) {
        System.err.println("IngestLoad: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[IngestLoad] " + format + "%n", args);
    }

    private final URI url;
    private final String authorization;
    private final int clients;
    private final int events;
    private final int warmupSeconds;
    private final int seconds;
    private final int maxBodies;
    private final String watch;
    private final String resultFile;
    private final LocalDate today = LocalDate.now();
    private final HttpClient http;

    IngestLoad(Map<String, String> opt) {
        this.url = URI.create(opt.get("url"));
        this.authorization = "Bearer " + opt.get("key");
        this.clients = Integer.parseInt(opt.get("clients"));
        this.events = Integer.parseInt(opt.get("events"));
        this.warmupSeconds = Integer.parseInt(opt.get("warmup-seconds"));
        this.seconds = Integer.parseInt(opt.get("seconds"));
        this.maxBodies = Integer.parseInt(opt.get("max-bodies"));
        this.watch = opt.get("watch");
        this.resultFile = opt.get("result-file");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    // ------------------------------------------------------------------------------------------
    // Bodies
    // ------------------------------------------------------------------------------------------

    /** A body of {@code events} valid events: the three types mixed, all 17 districts, the last 2 years. */
    Body newBody(SplittableRandom random) {
        StringBuilder b = new StringBuilder(events * 200);
        int[] offsets = new int[events];
        for (int i = 0; i < events; i++) {
            offsets[i] = b.length() + PREFIX.length(); // ASCII only: chars == bytes
            b.append(PREFIX).append(uuid(random)).append("\",\"type\":\"");
            int kind = random.nextInt(100);
            String type = kind < 50 ? "COURSE_ENROLMENT" : kind < 85 ? "COURSE_COMPLETION" : "JOB_PLACEMENT";
            b.append(type)
                    .append("\",\"occurredOn\":\"").append(today.minusDays(random.nextInt(730)))
                    .append("\",\"district\":\"").append(DISTRICTS[random.nextInt(DISTRICTS.length)])
                    .append("\",\"participantRef\":\"bench-").append(random.nextInt(1_000_000)).append('"');
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
        return new Body(b.toString().getBytes(StandardCharsets.US_ASCII), offsets);
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /** A random (version 4) UUID; SplittableRandom rather than SecureRandom: ids need to be unique, not secret. */
    static String uuid(SplittableRandom random) {
        byte[] out = new byte[36];
        writeUuid(out, 0, random);
        return new String(out, StandardCharsets.US_ASCII);
    }

    static void writeUuid(byte[] out, int at, SplittableRandom random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;               // version 4
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10
        int p = at;
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[p++] = HEX[(int) (hi >>> (nibble * 4)) & 0xF];
            if (nibble == 8 || nibble == 4) {
                out[p++] = '-';
            }
        }
        out[p++] = '-';
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[p++] = HEX[(int) (lo >>> (nibble * 4)) & 0xF];
            if (nibble == 12) {
                out[p++] = '-';
            }
        }
    }

    /** Fresh eventIds for a body that was already sent. */
    static void rekey(Body body, SplittableRandom random) {
        for (int offset : body.idOffsets()) {
            writeUuid(body.bytes(), offset, random);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Load
    // ------------------------------------------------------------------------------------------

    /** What the clients of one phase did. */
    static final class Phase {
        final LongAdder accepted = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder rekeyed = new LongAdder();
        final Map<String, LongAdder> otherStatus = new ConcurrentHashMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final List<long[]> latencies = new ArrayList<>(); // one array per client, nanos
        final int[] latencyCount;
        long startNanos;
        long halfNanos;     // the second half of a phase gives the rate of a warm JVM
        long halfAccepted;
        final List<Long> intervalRates = new ArrayList<>(); // events/s per 10 s
        final java.util.concurrent.atomic.AtomicLong lastAnswer = new java.util.concurrent.atomic.AtomicLong();

        Phase(int clients) {
            latencyCount = new int[clients];
        }
    }

    /** Runs the clients until the deadline; a request that started before it is waited for and counted. */
    Phase runPhase(String name, int durationSeconds, List<Body> pregenerated) throws InterruptedException {
        Phase phase = new Phase(clients);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            phase.latencies.add(new long[1024]);
        }
        Thread[] threads = new Thread[clients];
        phase.startNanos = System.nanoTime();
        long deadline = phase.startNanos + durationSeconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            int client = c;
            SplittableRandom random = new SplittableRandom(System.nanoTime() ^ (client * 0x9E3779B97F4A7C15L));
            threads[c] = Thread.ofPlatform().name("client-" + c).start(() -> {
                Body own = null; // a body this client sent and may re-key
                while (System.nanoTime() < deadline) {
                    Body body;
                    int index = pregenerated == null ? Integer.MAX_VALUE : next.getAndIncrement();
                    if (pregenerated != null && index < pregenerated.size()) {
                        body = pregenerated.get(index);
                        pregenerated.set(index, null); // sent once; let it be collected
                        own = body;
                    } else {
                        if (own == null) {
                            own = newBody(random);
                        } else {
                            rekey(own, random);
                        }
                        body = own;
                        if (pregenerated != null) {
                            phase.rekeyed.increment();
                        }
                    }
                    post(phase, client, body);
                }
            });
        }
        long lastReport = phase.startNanos;
        long lastAccepted = 0;
        long half = phase.startNanos + durationSeconds * 500_000_000L;
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(1000);
                long now = System.nanoTime();
                if (phase.halfNanos == 0 && now >= half) {
                    phase.halfNanos = now;
                    phase.halfAccepted = phase.accepted.sum();
                }
                if (now - lastReport >= 10_000_000_000L) {
                    long accepted = phase.accepted.sum();
                    long rate = (long) ((accepted - lastAccepted) / ((now - lastReport) / 1e9));
                    phase.intervalRates.add(rate);
                    log("%s: %,d events/s over the last %.0f s", name, rate, (now - lastReport) / 1e9);
                    lastReport = now;
                    lastAccepted = accepted;
                }
            }
        }
        return phase;
    }

    void post(Phase phase, int client, Body body) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        long start = System.nanoTime();
        String status;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.nanoTime();
            synchronized (phase.latencies) {
                long[] own = phase.latencies.get(client);
                int n = phase.latencyCount[client];
                if (n == own.length) {
                    own = Arrays.copyOf(own, n * 2);
                    phase.latencies.set(client, own);
                }
                own[n] = end - start;
                phase.latencyCount[client] = n + 1;
            }
            phase.requests.increment();
            phase.lastAnswer.accumulateAndGet(end, Math::max);
            if (response.statusCode() == 202) {
                phase.accepted.add(events);
                return;
            }
            status = Integer.toString(response.statusCode());
            String text = response.body();
            phase.firstError.compareAndSet(null, status + " " + text.substring(0, Math.min(500, text.length())));
        } catch (IOException e) {
            status = "io-error";
            phase.firstError.compareAndSet(null, e.toString());
            sleepQuietly(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        phase.otherStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------
    // CPU of the watched processes (Linux /proc)
    // ------------------------------------------------------------------------------------------

    /** utime+stime in clock ticks of /proc/PID/stat, or -1. */
    static long cpuTicks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** All and idle (idle + iowait) ticks of the whole machine. */
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
        Map<String, Long> ticks = new TreeMap<>();
        if (!watch.isBlank()) {
            for (String entry : watch.split(",")) {
                String[] nameAndPid = entry.split(":");
                ticks.put(nameAndPid[0], cpuTicks(nameAndPid[1]));
            }
        }
        ticks.put("load", cpuTicks(Long.toString(ProcessHandle.current().pid())));
        return ticks;
    }

    // ------------------------------------------------------------------------------------------
    // Run
    // ------------------------------------------------------------------------------------------

    void run() throws Exception {
        log("%d clients, NDJSON x%d to %s; warm-up %d s, then %d s measured", clients, events, url, warmupSeconds,
                seconds);
        Phase warmup = runPhase("warm-up", warmupSeconds, null);
        double warmupRate = warmup.halfNanos == 0 ? 0 : (warmup.accepted.sum() - warmup.halfAccepted)
                / Math.max(1e-9, (warmup.lastAnswer.get() - warmup.halfNanos) / 1e9);
        log("warm-up (second half): %,d events/s, statuses other than 202: %s", (long) warmupRate, counts(warmup.otherStatus));
        if (warmup.firstError.get() != null) {
            log("first non-202 answer in the warm-up: %s", warmup.firstError.get());
        }
        if (warmup.accepted.sum() == 0) {
            throw new IllegalStateException("no request was accepted in the warm-up: " + warmup.firstError.get());
        }

        // Bodies for the measured phase, generated now so that the measurement does not pay for them.
        int wanted = (int) Math.min(maxBodies, Math.ceil(warmupRate * seconds * 2.0 / events) + clients);
        long t0 = System.nanoTime();
        List<Body> bodies = new ArrayList<>(java.util.Collections.nCopies(wanted, (Body) null));
        int generators = Math.max(1, Runtime.getRuntime().availableProcessors());
        Thread[] gen = new Thread[generators];
        for (int g = 0; g < generators; g++) {
            int first = g;
            gen[g] = Thread.ofPlatform().start(() -> {
                SplittableRandom random = new SplittableRandom(System.nanoTime() + first * 7919L);
                for (int i = first; i < wanted; i += generators) {
                    bodies.set(i, newBody(random));
                }
            });
        }
        for (Thread t : gen) {
            t.join();
        }
        long bytes = bodies.stream().mapToLong(b -> b.bytes().length).sum();
        log("pre-generated %,d bodies (%,d events, %.0f MB) in %.1f s", wanted, (long) wanted * events, bytes / 1e6,
                (System.nanoTime() - t0) / 1e9);
        System.gc();

        Map<String, Long> cpuBefore = watchedTicks();
        long[] machineBefore = machineTicks();
        Phase measured = runPhase("measured", seconds, java.util.Collections.synchronizedList(bodies));
        Map<String, Long> cpuAfter = watchedTicks();
        long[] machineAfter = machineTicks();
        double elapsed = (measured.lastAnswer.get() - measured.startNanos) / 1e9;
        long accepted = measured.accepted.sum();

        long[] all = new long[0];
        for (int c = 0; c < clients; c++) {
            long[] own = Arrays.copyOf(measured.latencies.get(c), measured.latencyCount[c]);
            long[] merged = Arrays.copyOf(all, all.length + own.length);
            System.arraycopy(own, 0, merged, all.length, own.length);
            all = merged;
        }
        Arrays.sort(all);
        long nonAccepted = measured.otherStatus.values().stream().mapToLong(LongAdder::sum).sum();

        Map<String, String> result = new LinkedHashMap<>();
        result.put("clients", Integer.toString(clients));
        result.put("events_per_request", Integer.toString(events));
        result.put("seconds", String.format(Locale.ROOT, "%.3f", elapsed));
        result.put("requests", Long.toString(measured.requests.sum()));
        result.put("accepted_events", Long.toString(accepted));
        result.put("events_per_second", String.format(Locale.ROOT, "%.1f", accepted / elapsed));
        result.put("p50_ms", String.format(Locale.ROOT, "%.1f", percentile(all, 0.50) / 1e6));
        result.put("p99_ms", String.format(Locale.ROOT, "%.1f", percentile(all, 0.99) / 1e6));
        result.put("max_ms", String.format(Locale.ROOT, "%.1f", all.length == 0 ? 0 : all[all.length - 1] / 1e6));
        result.put("non_202", Long.toString(nonAccepted));
        result.put("non_202_by_status", counts(measured.otherStatus));
        result.put("first_non_202", String.valueOf(measured.firstError.get()).replace('\n', ' '));
        result.put("bodies_pregenerated", Integer.toString(wanted));
        result.put("bodies_rekeyed_during_measurement", Long.toString(measured.rekeyed.sum()));
        result.put("events_per_second_per_10s", measured.intervalRates.stream().map(r -> String.format(Locale.ROOT, "%,d", r))
                .reduce((a, b) -> a + " " + b).orElse(""));
        result.put("warmup_events_per_second", String.format(Locale.ROOT, "%.1f", warmupRate));
        long machineAll = machineAfter[0] - machineBefore[0];
        long machineIdle = machineAfter[1] - machineBefore[1];
        int cpus = Runtime.getRuntime().availableProcessors();
        StringBuilder cpu = new StringBuilder();
        double ours = 0;
        for (String name : cpuAfter.keySet()) {
            long before = cpuBefore.getOrDefault(name, -1L);
            long after = cpuAfter.get(name);
            if (before >= 0 && after >= 0) {
                double cores = (after - before) / 100.0 / elapsed; // ticks are 1/100 s on Linux (CLK_TCK)
                ours += cores;
                cpu.append(String.format(Locale.ROOT, "%s %.2f, ", name, cores));
            }
        }
        if (machineAll > 0) {
            double busy = cpus * (1.0 - (double) machineIdle / machineAll);
            cpu.append(String.format(Locale.ROOT, "other processes %.2f, machine busy %.2f of %d",
                    Math.max(0, busy - ours), busy, cpus));
        }
        result.put("cpu_cores_used", cpu.toString());

        StringBuilder text = new StringBuilder();
        result.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        System.out.print(text);
        if (!resultFile.isBlank()) {
            try {
                Files.writeString(Path.of(resultFile), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
}
