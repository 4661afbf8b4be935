import support.Answers;
import support.Cpu;
import support.Events;
import support.IngestApi;
import support.Options;
import support.Results;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static support.Log.log;
import static support.Stats.percentile;

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
 * <p>JDK only, run with the source launcher (it compiles bench/support/ with it): {@code java bench/IngestLoad.java --help}.
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

    /** One NDJSON body and where its eventIds are, so that it can be re-keyed in place. */
    record Body(byte[] bytes, int[] idOffsets) {
    }

    public static void main(String[] args) throws Exception {
        new IngestLoad(Options.parse("IngestLoad", USAGE, args, "url", null, "key", null, "clients", "8",
                "events", "1000", "warmup-seconds", "20", "seconds", "60", "max-bodies", "6000", "watch", "",
                "result-file", "")).run();
    }

    private final Options opt;
    private final IngestApi api;
    private final int clients;
    private final int events;
    private final LocalDate today = LocalDate.now();

    IngestLoad(Options opt) {
        this.opt = opt;
        this.api = IngestApi.of(opt);
        this.clients = opt.integer("clients");
        this.events = opt.integer("events");
    }

    // ------------------------------------------------------------------------------------------
    // Bodies
    // ------------------------------------------------------------------------------------------

    /** A body of {@code events} valid events: the three types mixed, all 17 districts, the last 2 years. */
    Body newBody(SplittableRandom random) {
        StringBuilder b = new StringBuilder(events * 200);
        int[] offsets = new int[events];
        for (int i = 0; i < events; i++) {
            String type = Events.type(random);
            offsets[i] = Events.appendHead(b, random, type, today.minusDays(random.nextInt(730)), Events.district(random));
            Events.appendField(b, "participantRef", "bench-" + random.nextInt(1_000_000));
            Events.appendTypeFields(b, type, random);
            b.append("}\n");
        }
        return new Body(b.toString().getBytes(StandardCharsets.US_ASCII), offsets); // ASCII: chars == bytes
    }

    /** Fresh eventIds for a body that was already sent. */
    static void rekey(Body body, SplittableRandom random) {
        for (int offset : body.idOffsets()) {
            Events.writeUuid(body.bytes(), offset, random);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Load
    // ------------------------------------------------------------------------------------------

    /** What the clients of one phase did. */
    static final class Phase {
        final Answers answers = new Answers();
        final LongAdder requests = new LongAdder();
        final LongAdder rekeyed = new LongAdder();
        final List<long[]> latencies = new ArrayList<>(); // one array per client, nanos
        final int[] latencyCount;
        long startNanos;
        long halfNanos;     // the second half of a phase gives the rate of a warm JVM
        long halfAccepted;
        final List<Long> intervalRates = new ArrayList<>(); // events/s per 10 s
        final AtomicLong lastAnswer = new AtomicLong();

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
                    phase.halfAccepted = phase.answers.acceptedEvents();
                }
                if (now - lastReport >= 10_000_000_000L) {
                    long accepted = phase.answers.acceptedEvents();
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
        HttpRequest request = api.post(body.bytes(), Duration.ofSeconds(60));
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = api.send(request);
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
            phase.answers.count(response, null, events);
        } catch (IOException e) {
            phase.answers.count(null, e, events);
            sleepQuietly(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Run
    // ------------------------------------------------------------------------------------------

    void run() throws Exception {
        int warmupSeconds = opt.integer("warmup-seconds");
        int seconds = opt.integer("seconds");
        log("%d clients, NDJSON x%d to %s; warm-up %d s, then %d s measured", clients, events, api, warmupSeconds,
                seconds);
        Phase warmup = runPhase("warm-up", warmupSeconds, null);
        double warmupRate = warmup.halfNanos == 0 ? 0 : (warmup.answers.acceptedEvents() - warmup.halfAccepted)
                / Math.max(1e-9, (warmup.lastAnswer.get() - warmup.halfNanos) / 1e9);
        log("warm-up (second half): %,d events/s, statuses other than 202: %s", (long) warmupRate,
                warmup.answers.byStatus());
        if (warmup.answers.first() != null) {
            log("first non-202 answer in the warm-up: %s", warmup.answers.first());
        }
        if (warmup.answers.acceptedEvents() == 0) {
            throw new IllegalStateException("no request was accepted in the warm-up: " + warmup.answers.first());
        }

        // Bodies for the measured phase, generated now so that the measurement does not pay for them.
        int wanted = (int) Math.min(opt.integer("max-bodies"), Math.ceil(warmupRate * seconds * 2.0 / events) + clients);
        long t0 = System.nanoTime();
        List<Body> bodies = new ArrayList<>(Collections.nCopies(wanted, (Body) null));
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

        Map<String, String> watched = Cpu.watch(opt.text("watch"), "load");
        Map<String, Long> cpuBefore = Cpu.ticks(watched);
        long[] machineBefore = Cpu.machine();
        Phase measured = runPhase("measured", seconds, Collections.synchronizedList(bodies));
        Map<String, Long> cpuAfter = Cpu.ticks(watched);
        long[] machineAfter = Cpu.machine();
        double elapsed = (measured.lastAnswer.get() - measured.startNanos) / 1e9;
        long accepted = measured.answers.acceptedEvents();

        long[] all = new long[0];
        for (int c = 0; c < clients; c++) {
            long[] own = Arrays.copyOf(measured.latencies.get(c), measured.latencyCount[c]);
            long[] merged = Arrays.copyOf(all, all.length + own.length);
            System.arraycopy(own, 0, merged, all.length, own.length);
            all = merged;
        }
        Arrays.sort(all);

        new Results()
                .put("clients", clients)
                .put("events_per_request", events)
                .put("seconds", elapsed, 3)
                .put("requests", measured.requests.sum())
                .put("accepted_events", accepted)
                .put("events_per_second", accepted / elapsed, 1)
                .put("p50_ms", percentile(all, 0.50) / 1e6, 1)
                .put("p99_ms", percentile(all, 0.99) / 1e6, 1)
                .put("max_ms", all.length == 0 ? 0 : all[all.length - 1] / 1e6, 1)
                .put("non_202", measured.answers.nonAccepted())
                .put("non_202_by_status", measured.answers.byStatus())
                .put("first_non_202", measured.answers.first())
                .put("bodies_pregenerated", wanted)
                .put("bodies_rekeyed_during_measurement", measured.rekeyed.sum())
                .put("events_per_second_per_10s", String.join(" ", measured.intervalRates.stream()
                        .map(r -> String.format(Locale.ROOT, "%,d", r)).toList()))
                .put("warmup_events_per_second", warmupRate, 1)
                .put("cpu_cores_used", Cpu.cores(cpuBefore, cpuAfter, machineBefore, machineAfter, elapsed))
                .print(opt.path("result-file"));
    }
}
