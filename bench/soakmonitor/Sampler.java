package soakmonitor;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import support.Clock;
import support.Cpu;
import support.GroupOffsets;
import support.Http;
import support.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static support.Log.log;
import static support.Stats.fmt;

/**
 * {@code SoakMonitor sample}: every --sample-seconds (from 0 to --seconds) one CSV row of the
 * {@link #COLUMNS}, from the load's status file, both service JVMs ({@link ServiceJvm}), their
 * Prometheus scrapes ({@link PrometheusScrape}), the engine group's lag and the CPU ticks in /proc.
 */
public final class Sampler {

    static final String[] COLUMNS = {"elapsed_s", "accepted_events", "events_per_s", "non_202", "skipped_ticks",
            "ingest_heap_used_bytes", "ingest_heap_after_gc_bytes", "dashboard_heap_used_bytes",
            "dashboard_heap_after_gc_bytes", "lag_events", "lag_all", "freshness_count", "freshness_p50_ms",
            "freshness_p99_ms", "freshness_mean_ms", "ingest_threads", "dashboard_threads", "ingest_gc_pause_ms",
            "dashboard_gc_pause_ms", "ingest_forced_gc_ms", "dashboard_forced_gc_ms", "cpu_broker", "cpu_ingest",
            "cpu_dashboard", "cpu_load", "cpu_machine_busy"};

    private static final List<String> PROCESSES = List.of("broker", "ingest", "dashboard", "load");

    private final Options opt;
    private final Path statusFile;
    private final String topic;
    private final int sampleSeconds;
    private final boolean gc;
    private final Map<String, String> pids = new LinkedHashMap<>();
    private final HttpClient http = Http.client();
    private final Admin admin;
    private List<TopicPartition> topicPartitions;
    private ServiceJvm ingestJvm;
    private ServiceJvm dashboardJvm;

    public Sampler(Options opt) {
        this.opt = opt;
        this.statusFile = opt.path("status-file");
        this.topic = opt.text("topic");
        this.sampleSeconds = opt.integer("sample-seconds");
        this.gc = opt.flag("gc");
        for (String name : PROCESSES) {
            pids.put(name, opt.text(name + "-pid"));
        }
        this.admin = GroupOffsets.admin(opt.text("bootstrap"), 8000);
    }

    /** Lag of the group: [on the events topic, on all topics it reads incl. repartition topics]. */
    private long[] lag() throws Exception {
        if (topicPartitions == null) {
            topicPartitions = GroupOffsets.partitions(admin, topic, 8);
        }
        GroupOffsets offsets = GroupOffsets.read(admin, opt.text("group"), topicPartitions, 8);
        return new long[] {offsets.lagOn(topic), offsets.lagAll()};
    }

    /** The load's key=value status (accepted_events, non_202, skipped_ticks, pid); empty before its first. */
    private Map<String, String> loadStatus() {
        Map<String, String> status = new HashMap<>();
        try {
            for (String line : Files.readAllLines(statusFile)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    status.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            // not written yet
        }
        return status;
    }

    public void run() throws Exception {
        if (gc) {
            ingestJvm = new ServiceJvm(Long.parseLong(pids.get("ingest")));
            dashboardJvm = new ServiceJvm(Long.parseLong(pids.get("dashboard")));
            log("attached to ingest-service (PID %d) and dashboard-app (PID %d) over local JMX", ingestJvm.pid,
                    dashboardJvm.pid);
        }
        Path csv = opt.path("csv");
        Files.createDirectories(csv.toAbsolutePath().getParent());
        lag(); // loads the Admin client's classes and connects before the clock starts
        Path readyFile = opt.path("ready-file");
        if (readyFile != null) {
            Files.writeString(readyFile, "ready\n");
            awaitLoad();
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println(String.join(",", COLUMNS));
            out.flush();
            sample(out);
        } finally {
            admin.close(Duration.ofSeconds(5));
            for (ServiceJvm jvm : new ServiceJvm[] {ingestJvm, dashboardJvm}) {
                if (jvm != null) {
                    jvm.close();
                }
            }
        }
    }

    /** The clock starts with the load: its first status. */
    private void awaitLoad() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(statusFile)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the load did not start within 120 s: no " + statusFile);
            }
            Thread.sleep(20);
        }
    }

    private void sample(PrintWriter out) throws Exception {
        long start = System.nanoTime();
        PrometheusScrape previousIngest = null;
        PrometheusScrape previousDashboard = null;
        long previousAccepted = 0;
        double previousElapsed = 0;
        Map<String, Long> previousTicks = new HashMap<>();
        long[] previousMachine = Cpu.machine();
        previousTicks.putAll(Cpu.ticks(pids));
        int seconds = opt.integer("seconds");
        int gcEvery = opt.integer("gc-every");
        for (int i = 0; i * sampleSeconds <= seconds; i++) {
            Clock.sleepUntil(start + i * sampleSeconds * 1_000_000_000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Map<String, String> status = loadStatus();
            long accepted = Long.parseLong(status.getOrDefault("accepted_events", "0"));
            boolean forced = gc && i % gcEvery == 0;
            double[] ingestGc = forced ? ingestJvm.forceGc() : ServiceJvm.heapOnly(ingestJvm);
            double[] dashboardGc = forced ? dashboardJvm.forceGc() : ServiceJvm.heapOnly(dashboardJvm);
            PrometheusScrape ingest = PrometheusScrape.of(http, opt.text("ingest"));
            PrometheusScrape dashboard = PrometheusScrape.of(http, opt.text("dashboard"));
            long[] lag;
            try {
                lag = lag();
            } catch (Exception e) {
                log("lag not available: %s", e);
                lag = new long[] {-1, -1};
            }
            if (pids.get("load").isBlank() && status.containsKey("pid")) {
                pids.put("load", status.get("pid"));
                previousTicks.put("load", Cpu.ticks(status.get("pid")));
            }
            Map<String, Long> ticks = Cpu.ticks(pids);
            long[] machine = Cpu.machine();

            double interval = elapsed - previousElapsed;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("elapsed_s", fmt(elapsed, 1));
            row.put("accepted_events", accepted);
            row.put("events_per_s", i == 0 ? "" : fmt((accepted - previousAccepted) / interval, 1));
            row.put("non_202", status.getOrDefault("non_202", "0"));
            row.put("skipped_ticks", status.getOrDefault("skipped_ticks", "0"));
            row.put("ingest_heap_used_bytes", fmt(ingestGc[0], 0));
            row.put("ingest_heap_after_gc_bytes", forced ? fmt(ingest.heapUsed(), 0) : "");
            row.put("dashboard_heap_used_bytes", fmt(dashboardGc[0], 0));
            row.put("dashboard_heap_after_gc_bytes", forced ? fmt(dashboard.heapUsed(), 0) : "");
            row.put("lag_events", lag[0]);
            row.put("lag_all", lag[1]);
            putFreshness(row, dashboard, previousDashboard);
            row.put("ingest_threads", fmt(ingest.threads(), 0));
            row.put("dashboard_threads", fmt(dashboard.threads(), 0));
            row.put("ingest_gc_pause_ms", previousIngest == null ? ""
                    : fmt((ingest.gcPauseSeconds() - previousIngest.gcPauseSeconds()) * 1000, 1));
            row.put("dashboard_gc_pause_ms", previousDashboard == null ? ""
                    : fmt((dashboard.gcPauseSeconds() - previousDashboard.gcPauseSeconds()) * 1000, 1));
            row.put("ingest_forced_gc_ms", fmt(ingestGc[1], 1));
            row.put("dashboard_forced_gc_ms", fmt(dashboardGc[1], 1));
            for (String name : PROCESSES) {
                long a = previousTicks.getOrDefault(name, -1L);
                long b = ticks.get(name);
                row.put("cpu_" + name, i > 0 && a >= 0 && b >= 0 ? fmt((b - a) / 100.0 / interval, 2) : "");
            }
            row.put("cpu_machine_busy", i == 0 ? "" : fmt(Cpu.busy(previousMachine, machine), 2));
            out.println(String.join(",", row.values().stream().map(String::valueOf).toList()));
            out.flush();
            if (i % Math.max(1, 60 / sampleSeconds) == 0) {
                log("%4.0f s: %,d events accepted, heap %s ingest %.0f MB / dashboard %.0f MB, lag %d, "
                                + "freshness p99 %s ms", elapsed, accepted, forced ? "after GC" : "used",
                        ingest.heapUsed() / 1048576, dashboard.heapUsed() / 1048576, lag[0],
                        row.get("freshness_p99_ms"));
            }
            previousIngest = ingest;
            previousDashboard = dashboard;
            previousAccepted = accepted;
            previousElapsed = elapsed;
            previousTicks.putAll(ticks);
            previousMachine = machine;
        }
    }

    /** Freshness of the interval since the previous scrape; empty cells for the first sample. */
    private static void putFreshness(Map<String, Object> row, PrometheusScrape dashboard, PrometheusScrape previous) {
        if (previous == null) {
            row.put("freshness_count", "");
            row.put("freshness_p50_ms", "");
            row.put("freshness_p99_ms", "");
            row.put("freshness_mean_ms", "");
            return;
        }
        double n = dashboard.freshnessCount() - previous.freshnessCount();
        row.put("freshness_count", fmt(n, 0));
        row.put("freshness_p50_ms", fmt(dashboard.freshnessQuantileMs(previous, 0.50), 1));
        row.put("freshness_p99_ms", fmt(dashboard.freshnessQuantileMs(previous, 0.99), 1));
        row.put("freshness_mean_ms", n <= 0 ? "" : fmt((dashboard.freshnessSum() - previous.freshnessSum()) / n * 1000, 1));
    }
}
