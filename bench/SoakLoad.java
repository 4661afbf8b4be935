import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

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
 * which bench/SoakMonitor.java reads at each sample. JDK only: {@code java bench/SoakLoad.java --help}.
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

    static final String[] DISTRICTS = {"03401", "03402", "03403", "03404", "03405", "03451", "03452", "03453",
            "03454", "03455", "03456", "03457", "03458", "03459", "03460", "03461", "03462"};
    static final String[] COURSE_TYPES = {"INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE", "VOCATIONAL_QUALIFICATION",
            "ORIENTATION_COURSE"};
    static final String[] OUTCOMES = {"PASSED", "FAILED", "DROPPED_OUT"};
    static final String[] LEVELS = {"A1", "A2", "B1", "B2", "C1", "C2"};
    static final String[] PLACEMENTS = {"EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MARGINAL_EMPLOYMENT"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("rate", "500", "batch", "50", "seconds", "1800",
                "participants", "50000", "max-outstanding", "64", "status-file", ""));
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
        new SoakLoad(opt).run();
    }

    static void fail(String message) {
        System.err.println("SoakLoad: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[SoakLoad] " + format + "%n", args);
    }

    private final URI url;
    private final String authorization;
    private final int rate;
    private final int batch;
    private final int seconds;
    private final int participants;
    private final int maxOutstanding;
    private final Path statusFile;
    private final LocalDate today = LocalDate.now();
    private final SplittableRandom random = new SplittableRandom();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final LongAdder sentEvents = new LongAdder();
    private final LongAdder acceptedEvents = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder skippedTicks = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Map<String, LongAdder> otherStatus = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    SoakLoad(Map<String, String> opt) {
        url = URI.create(opt.get("url"));
        authorization = "Bearer " + opt.get("key");
        rate = Integer.parseInt(opt.get("rate"));
        batch = Integer.parseInt(opt.get("batch"));
        seconds = Integer.parseInt(opt.get("seconds"));
        participants = Integer.parseInt(opt.get("participants"));
        maxOutstanding = Integer.parseInt(opt.get("max-outstanding"));
        statusFile = opt.get("status-file").isBlank() ? null : Path.of(opt.get("status-file"));
    }

    /** One NDJSON body of {@code batch} fresh, valid events. */
    byte[] body() {
        StringBuilder b = new StringBuilder(batch * 220);
        for (int i = 0; i < batch; i++) {
            int participant = random.nextInt(participants);
            // the participant's home district for 90% of its events, another one otherwise
            String district = random.nextInt(10) < 9 ? DISTRICTS[participant % DISTRICTS.length]
                    : DISTRICTS[random.nextInt(DISTRICTS.length)];
            int kind = random.nextInt(100);
            String type = kind < 50 ? "COURSE_ENROLMENT" : kind < 85 ? "COURSE_COMPLETION" : "JOB_PLACEMENT";
            b.append("{\"eventId\":\"").append(uuid()).append("\",\"type\":\"").append(type)
                    .append("\",\"occurredOn\":\"").append(today.minusDays(random.nextInt(180)))
                    .append("\",\"district\":\"").append(district)
                    .append("\",\"participantRef\":\"soak-").append(participant).append('"');
            switch (type) {
                case "COURSE_ENROLMENT" -> b.append(",\"courseType\":\"").append(pick(COURSE_TYPES)).append('"');
                case "COURSE_COMPLETION" -> {
                    b.append(",\"courseType\":\"").append(pick(COURSE_TYPES)).append('"');
                    b.append(",\"outcome\":\"").append(pick(OUTCOMES)).append('"');
                    if (random.nextBoolean()) {
                        b.append(",\"languageLevel\":\"").append(pick(LEVELS)).append('"');
                    }
                }
                default -> b.append(",\"placementType\":\"").append(pick(PLACEMENTS)).append('"');
            }
            b.append("}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A random version 4 UUID (unique, not secret: SplittableRandom is enough). */
    String uuid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String h = String.format("%016x", hi);
        String l = String.format("%016x", lo);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12) + "-" + l.substring(0, 4) + "-"
                + l.substring(4);
    }

    void send() {
        if (outstanding.get() >= maxOutstanding) {
            skippedTicks.increment();
            return;
        }
        byte[] bytes = body();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        outstanding.incrementAndGet();
        requests.increment();
        sentEvents.add(batch);
        long start = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            outstanding.decrementAndGet();
            answered.increment();
            latencyNanos.add(System.nanoTime() - start);
            String status;
            if (error != null) {
                status = "io-error";
                firstError.compareAndSet(null, error.toString());
            } else if (response.statusCode() == 202) {
                acceptedEvents.add(batch);
                return;
            } else {
                status = Integer.toString(response.statusCode());
                String text = response.body();
                firstError.compareAndSet(null, status + " " + text.substring(0, Math.min(300, text.length())));
            }
            otherStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        });
    }

    long nonAccepted() {
        return otherStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    String statusText(double elapsed, boolean done) {
        StringBuilder b = new StringBuilder();
        b.append("pid=").append(ProcessHandle.current().pid()).append('\n');
        b.append("elapsed_seconds=").append(String.format(Locale.ROOT, "%.1f", elapsed)).append('\n');
        b.append("sent_events=").append(sentEvents.sum()).append('\n');
        b.append("accepted_events=").append(acceptedEvents.sum()).append('\n');
        b.append("requests=").append(requests.sum()).append('\n');
        long a = answered.sum();
        b.append("request_mean_ms=").append(String.format(Locale.ROOT, "%.1f", a == 0 ? 0 : latencyNanos.sum() / 1e6 / a))
                .append('\n');
        b.append("non_202=").append(nonAccepted()).append('\n');
        StringBuilder byStatus = new StringBuilder();
        new TreeMap<>(otherStatus).forEach((k, v) -> byStatus.append(byStatus.isEmpty() ? "" : " ").append(k).append(':')
                .append(v.sum()));
        b.append("non_202_by_status=").append(byStatus).append('\n');
        b.append("first_non_202=").append(String.valueOf(firstError.get()).replace('\n', ' ')).append('\n');
        b.append("skipped_ticks=").append(skippedTicks.sum()).append('\n');
        b.append("outstanding=").append(outstanding.get()).append('\n');
        b.append("done=").append(done).append('\n');
        return b.toString();
    }

    void writeStatus(double elapsed, boolean done) {
        if (statusFile == null) {
            return;
        }
        try {
            Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.writeString(tmp, statusText(elapsed, done));
            Files.move(tmp, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log("cannot write %s: %s", statusFile, e);
        }
    }

    void run() throws InterruptedException {
        long intervalNanos = Math.round(1e9 * batch / rate);
        log("%d events/s as %.1f requests/s of %d events to %s for %d s; %d participants", rate, 1e9 / intervalNanos,
                batch, url, seconds, participants);
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
                    long accepted = acceptedEvents.sum();
                    log("%.0f s: %,d events accepted (%.0f/s over the last minute), non-202 %d, skipped ticks %d",
                            (now - start) / 1e9, accepted, (accepted - lastAccepted) / ((now - lastLogged) / 1e9),
                            nonAccepted(), skippedTicks.sum());
                    lastLogged = now;
                    lastAccepted = accepted;
                }
            }
            long sleep = Math.min(next, nextStatus) - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        // wait (at most 30 s) for the answers of what was sent
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        writeStatus(elapsed, true);
        System.out.print(statusText(elapsed, true));
    }
}
