import com.sun.tools.attach.VirtualMachine;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import support.Clock;
import support.Cpu;
import support.GroupOffsets;
import support.Http;
import support.Options;
import support.Stats;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import static support.Log.log;
import static support.Stats.fmt;

/**
 * Sampler and report of bench/soak.
 *
 * <p>{@code sample}: every --sample-seconds (from 0 to --seconds) one CSV row: events accepted by the
 * load so far (its --status-file), heap of both services before and after a forced full GC, the
 * indicator engine's consumer lag, the freshness of the last interval, threads, GC pauses and CPU.
 * Heap after GC: the sampler attaches to both service JVMs (Attach API, local JMX agent), calls
 * {@code MemoryMXBean.gc()} (a full, stop-the-world collection with G1) and then scrapes
 * {@code /actuator/prometheus}: {@code jvm_memory_used_bytes{area="heap"}} summed is then the live
 * heap, without the young garbage that makes "heap used" a saw-tooth. Lag: Admin client, end offsets
 * (read_committed) minus the committed offsets of the group. Needs kafka-clients on the classpath.
 *
 * <p>{@code report}: reads such a CSV, writes an SVG plot (heap, lag, freshness, load) and prints the
 * summary: per series first-window and last-window average, least-squares slope per hour after the
 * first window (start-up and warm-up), verdict flat or growing.
 */
public class SoakMonitor {

    static final String USAGE = """
            Usage: java -cp KAFKA_CLASSPATH bench/SoakMonitor.java sample --csv=PATH [options]
                     --ingest=URL --dashboard=URL --ingest-pid=PID --dashboard-pid=PID [--broker-pid=PID]
                     [--load-pid=PID] --status-file=PATH --bootstrap=HOST:PORT
                     [--group=integration-indicators-v4] [--topic=integration.events.v1]
                     [--seconds=1800] [--sample-seconds=10] [--gc=true] [--gc-every=1] [--ready-file=PATH]
                   java bench/SoakMonitor.java report --csv=PATH --svg=PATH [--rate=500] [--title=TEXT]
            """;

    static final String[] COLUMNS = {"elapsed_s", "accepted_events", "events_per_s", "non_202", "skipped_ticks",
            "ingest_heap_used_bytes", "ingest_heap_after_gc_bytes", "dashboard_heap_used_bytes",
            "dashboard_heap_after_gc_bytes", "lag_events", "lag_all", "freshness_count", "freshness_p50_ms",
            "freshness_p99_ms", "freshness_mean_ms", "ingest_threads", "dashboard_threads", "ingest_gc_pause_ms",
            "dashboard_gc_pause_ms", "ingest_forced_gc_ms", "dashboard_forced_gc_ms", "cpu_broker", "cpu_ingest",
            "cpu_dashboard", "cpu_load", "cpu_machine_busy"};

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "sample" -> new Sampler(Options.parse("SoakMonitor", USAGE, rest, "csv", null, "ingest", null,
                    "dashboard", null, "ingest-pid", null, "dashboard-pid", null, "broker-pid", "", "load-pid", "",
                    "status-file", null, "bootstrap", null, "group", "integration-indicators-v4",
                    "topic", "integration.events.v1", "seconds", "1800", "sample-seconds", "10", "gc", "true",
                    "gc-every", "1", "ready-file", "")).run();
            case "report" -> report(Options.parse("SoakMonitor", USAGE, rest, "csv", null, "svg", null, "rate", "500",
                    "title", ""));
            default -> Options.fail("SoakMonitor", USAGE, "unknown mode " + args[0]);
        }
    }

    // ============================================================================================
    // Sampling
    // ============================================================================================

    /** A scrape of /actuator/prometheus, reduced to what we need. */
    record Scrape(double heapUsed, double threads, double gcPauseSeconds, TreeMap<Double, Double> freshnessBuckets,
                  double freshnessCount, double freshnessSum) {
    }

    /** A service JVM reached through its local JMX agent. */
    static final class Jvm {
        final String name;
        final long pid;
        final JMXConnector connector;
        final MemoryMXBean memory;

        Jvm(String name, long pid) throws Exception {
            this.name = name;
            this.pid = pid;
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            memory = JMX.newMXBeanProxy(connection, new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME),
                    MemoryMXBean.class);
        }
    }

    static final class Sampler {
        final Options opt;
        final Path statusFile;
        final String topic;
        final int sampleSeconds;
        final boolean gc;
        final Map<String, String> pids = new LinkedHashMap<>();
        final HttpClient http = Http.client();
        final Admin admin;
        List<TopicPartition> topicPartitions;
        Jvm ingestJvm;
        Jvm dashboardJvm;

        Sampler(Options opt) {
            this.opt = opt;
            this.statusFile = opt.path("status-file");
            this.topic = opt.text("topic");
            this.sampleSeconds = opt.integer("sample-seconds");
            this.gc = opt.flag("gc");
            for (String name : List.of("broker", "ingest", "dashboard", "load")) {
                pids.put(name, opt.text(name + "-pid"));
            }
            this.admin = GroupOffsets.admin(opt.text("bootstrap"), 8000);
        }

        String get(String url) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(8)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + response.statusCode());
            }
            return response.body();
        }

        Scrape scrape(String base) throws IOException, InterruptedException {
            double heap = 0;
            double threads = Double.NaN;
            double gcPause = 0;
            TreeMap<Double, Double> buckets = new TreeMap<>();
            double count = 0;
            double sum = 0;
            for (String line : get(base + "/actuator/prometheus").split("\n")) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    heap += value(line);
                } else if (line.startsWith("jvm_threads_live_threads")) {
                    threads = value(line);
                } else if (line.startsWith("jvm_gc_pause_seconds_sum{") && !line.contains("cause=\"System.gc()\"")) {
                    gcPause += value(line); // without the collections the sampler forces
                } else if (line.startsWith("indicators_freshness_seconds_bucket{")) {
                    String le = label(line, "le");
                    double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                    buckets.merge(bound, value(line), Double::sum);
                } else if (line.startsWith("indicators_freshness_seconds_count")) {
                    count += value(line);
                } else if (line.startsWith("indicators_freshness_seconds_sum")) {
                    sum += value(line);
                }
            }
            return new Scrape(heap, threads, gcPause, buckets, count, sum);
        }

        static double value(String line) {
            String rest = line.substring(line.lastIndexOf('}') + 1).trim();
            if (line.indexOf('}') < 0) {
                rest = line.substring(line.indexOf(' ') + 1).trim();
            }
            return Double.parseDouble(rest.split("\\s+")[0]);
        }

        static String label(String line, String name) {
            int at = line.indexOf(name + "=\"");
            int from = at + name.length() + 2;
            return line.substring(from, line.indexOf('"', from));
        }

        /** Lag of the group: [on the events topic, on all topics it reads incl. repartition topics]. */
        long[] lag() throws Exception {
            if (topicPartitions == null) {
                topicPartitions = GroupOffsets.partitions(admin, topic, 8);
            }
            GroupOffsets offsets = GroupOffsets.read(admin, opt.text("group"), topicPartitions, 8);
            return new long[] {offsets.lagOn(topic), offsets.lagAll()};
        }

        Map<String, String> loadStatus() {
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

        /** Heap used now, without a GC: {heap, NaN}. */
        static double[] heapOnly(Jvm jvm) {
            return new double[] {jvm == null ? Double.NaN : jvm.memory.getHeapMemoryUsage().getUsed(), Double.NaN};
        }

        /** Forced full GC; returns {heap before, milliseconds}. */
        static double[] forceGc(Jvm jvm) {
            long before = jvm.memory.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            jvm.memory.gc();
            return new double[] {before, (System.nanoTime() - t0) / 1e6};
        }

        /** Quantile q of the observations between two cumulative histograms, interpolated in the bucket. */
        static double quantileMs(TreeMap<Double, Double> now, TreeMap<Double, Double> before, double q) {
            double total = 0;
            for (var e : now.entrySet()) {
                total = Math.max(total, e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            }
            if (total <= 0) {
                return Double.NaN;
            }
            double rank = q * total;
            double lowerBound = 0;
            double lowerCount = 0;
            for (var e : now.entrySet()) {
                double cumulative = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
                if (cumulative >= rank) {
                    if (e.getKey().isInfinite()) {
                        return lowerBound * 1000; // above the largest bucket: its bound is all we know
                    }
                    double inBucket = cumulative - lowerCount;
                    double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                    return (lowerBound + (e.getKey() - lowerBound) * fraction) * 1000;
                }
                lowerBound = e.getKey();
                lowerCount = cumulative;
            }
            return Double.NaN;
        }

        void run() throws Exception {
            if (gc) {
                ingestJvm = new Jvm("ingest", Long.parseLong(pids.get("ingest")));
                dashboardJvm = new Jvm("dashboard", Long.parseLong(pids.get("dashboard")));
                log("attached to ingest-service (PID %d) and dashboard-app (PID %d) over local JMX", ingestJvm.pid,
                        dashboardJvm.pid);
            }
            Path csv = opt.path("csv");
            Files.createDirectories(csv.toAbsolutePath().getParent());
            lag(); // loads the Admin client's classes and connects before the clock starts
            Path readyFile = opt.path("ready-file");
            if (readyFile != null) {
                Files.writeString(readyFile, "ready\n");
                // the clock starts with the load: its first status
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!Files.exists(statusFile)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the load did not start within 120 s: no " + statusFile);
                    }
                    Thread.sleep(20);
                }
            }
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
                out.println(String.join(",", COLUMNS));
                out.flush();
                long start = System.nanoTime();
                Scrape previousIngest = null;
                Scrape previousDashboard = null;
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
                    double[] ingestGc = forced ? forceGc(ingestJvm) : heapOnly(ingestJvm);
                    double[] dashboardGc = forced ? forceGc(dashboardJvm) : heapOnly(dashboardJvm);
                    Scrape ingest = scrape(opt.text("ingest"));
                    Scrape dashboard = scrape(opt.text("dashboard"));
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
                    if (previousDashboard == null) {
                        row.put("freshness_count", "");
                        row.put("freshness_p50_ms", "");
                        row.put("freshness_p99_ms", "");
                        row.put("freshness_mean_ms", "");
                    } else {
                        double n = dashboard.freshnessCount() - previousDashboard.freshnessCount();
                        row.put("freshness_count", fmt(n, 0));
                        row.put("freshness_p50_ms", fmt(quantileMs(dashboard.freshnessBuckets(),
                                previousDashboard.freshnessBuckets(), 0.50), 1));
                        row.put("freshness_p99_ms", fmt(quantileMs(dashboard.freshnessBuckets(),
                                previousDashboard.freshnessBuckets(), 0.99), 1));
                        row.put("freshness_mean_ms", n <= 0 ? "" : fmt((dashboard.freshnessSum()
                                - previousDashboard.freshnessSum()) / n * 1000, 1));
                    }
                    row.put("ingest_threads", fmt(ingest.threads(), 0));
                    row.put("dashboard_threads", fmt(dashboard.threads(), 0));
                    row.put("ingest_gc_pause_ms", previousIngest == null ? ""
                            : fmt((ingest.gcPauseSeconds() - previousIngest.gcPauseSeconds()) * 1000, 1));
                    row.put("dashboard_gc_pause_ms", previousDashboard == null ? ""
                            : fmt((dashboard.gcPauseSeconds() - previousDashboard.gcPauseSeconds()) * 1000, 1));
                    row.put("ingest_forced_gc_ms", fmt(ingestGc[1], 1));
                    row.put("dashboard_forced_gc_ms", fmt(dashboardGc[1], 1));
                    double ourCores = 0;
                    for (String name : List.of("broker", "ingest", "dashboard", "load")) {
                        long a = previousTicks.getOrDefault(name, -1L);
                        long b = ticks.get(name);
                        String cores = "";
                        if (i > 0 && a >= 0 && b >= 0) {
                            double c = (b - a) / 100.0 / interval;
                            ourCores += c;
                            cores = fmt(c, 2);
                        }
                        row.put("cpu_" + name, cores);
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
            } finally {
                admin.close(Duration.ofSeconds(5));
                for (Jvm jvm : new Jvm[] {ingestJvm, dashboardJvm}) {
                    if (jvm != null) {
                        try {
                            jvm.connector.close();
                        } catch (IOException e) {
                            // the service may be gone
                        }
                    }
                }
            }
        }
    }

    // ============================================================================================
    // Report: summary and SVG
    // ============================================================================================

    /** A column of the CSV as a series; NaN where the cell is empty. */
    record Series(String label, String unit, double[] t, double[] v) {
    }

    /** How a series is judged: growing when its slope per hour exceeds max(relative * mean, absolute). */
    record Rule(String column, String label, String unit, double scale, double relative, double absolute) {
    }

    static void report(Options opt) throws IOException {
        Path csvPath = opt.path("csv");
        Path svgPath = opt.path("svg");
        double rate = opt.decimal("rate");
        String title = opt.given("title") ? opt.text("title") : "soak " + csvPath.getFileName();
        List<String> lines = Files.readAllLines(csvPath);
        if (lines.size() < 3) {
            throw new IllegalStateException("fewer than 2 samples in " + csvPath);
        }
        List<String> header = List.of(lines.getFirst().split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        ToDoubleFunction<String[]> time = r -> Double.parseDouble(r[header.indexOf("elapsed_s")]);
        double duration = time.applyAsDouble(rows.getLast());
        double window = Math.min(300, duration / 3);

        double mb = 1.0 / 1048576;
        List<Rule> rules = List.of(
                new Rule("ingest_heap_after_gc_bytes", "ingest heap after GC", "MB", mb, 0.10, 0),
                new Rule("dashboard_heap_after_gc_bytes", "dashboard heap after GC", "MB", mb, 0.10, 0),
                // lag: growing when the engine falls behind by more than 1 s of input per hour
                new Rule("lag_events", "engine lag (events topic)", "records", 1, 0.10, rate),
                new Rule("lag_all", "engine lag (incl. repartition)", "records", 1, 0.10, rate),
                new Rule("freshness_p50_ms", "freshness p50", "ms", 1, 0.10, 100),
                new Rule("freshness_p99_ms", "freshness p99", "ms", 1, 0.10, 100),
                new Rule("freshness_mean_ms", "freshness mean", "ms", 1, 0.10, 100),
                new Rule("ingest_threads", "ingest threads", "", 1, 0.10, 5),
                new Rule("dashboard_threads", "dashboard threads", "", 1, 0.10, 5),
                new Rule("ingest_heap_used_bytes", "ingest heap used (before GC, info)", "MB", mb, 0.10, 0),
                new Rule("dashboard_heap_used_bytes", "dashboard heap used (before GC, info)", "MB", mb, 0.10, 0));

        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT,
                "per series: average of the first %.0f s | of the last %.0f s | least-squares slope per hour after"
                        + " the first %.0f s (warm-up) | verdict: growing = slope > threshold and > 2 standard errors%n", window, window, window));
        Map<String, Series> series = new LinkedHashMap<>();
        for (Rule rule : rules) {
            int col = header.indexOf(rule.column());
            if (col < 0) {
                continue;
            }
            double[] t = new double[rows.size()];
            double[] v = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                t[i] = time.applyAsDouble(rows.get(i));
                String cell = col < rows.get(i).length ? rows.get(i)[col] : "";
                double x = cell.isBlank() ? Double.NaN : Double.parseDouble(cell);
                v[i] = x < 0 ? Double.NaN : x * rule.scale(); // -1: not available
            }
            series.put(rule.column(), new Series(rule.label(), rule.unit(), t, v));
            double first = mean(t, v, 0, window);
            double last = mean(t, v, duration - window, duration);
            Stats.Fit fit = Stats.fit(t, v, window, duration);
            double perHour = fit.n() < 3 ? Double.NaN : fit.slope() * 3600;
            double threshold = Math.max(rule.relative() * Math.abs(fit.mean()), rule.absolute());
            double twoSe = 2 * fit.standardError() * 3600;
            String verdict = rule.label().contains("info)") ? "no verdict (saw-tooth of young garbage)"
                    : Double.isNaN(perHour) ? "n/a"
                    : perHour <= threshold ? "flat"
                    : perHour <= twoSe ? "flat (slope above the threshold but within its noise, 2 SE " + num(twoSe) + ")"
                    : "GROWING";
            String thresholdText = rule.absolute() > 0
                    ? String.format(Locale.ROOT, "max(%.0f%% of mean, %s %s)/h", rule.relative() * 100,
                    num(rule.absolute()), rule.unit())
                    : String.format(Locale.ROOT, "%.0f%% of mean/h", rule.relative() * 100);
            summary.append(String.format(Locale.ROOT, "  %-44s %10s | %10s | %10s %s/h | %s (threshold %s = %s)%n",
                    rule.label() + (rule.unit().isEmpty() ? "" : " [" + rule.unit() + "]"), num(first), num(last),
                    (perHour > 0 ? "+" : "") + num(perHour), rule.unit(), verdict, thresholdText, num(threshold)));
        }
        System.out.print(summary);

        // load and GC figures, for context
        Series eps = column(header, rows, time, "events_per_s", "events/s", "");
        int col = header.indexOf("accepted_events");
        double acceptedTotal = Double.parseDouble(rows.getLast()[col]);
        System.out.printf(Locale.ROOT, "  load: %,.0f events accepted in %.0f s = %.1f events/s; per interval min %.0f, "
                        + "max %.0f; non-202 %s, skipped ticks %s%n", acceptedTotal, duration, acceptedTotal / duration,
                min(eps.v()), max(eps.v()), rows.getLast()[header.indexOf("non_202")],
                rows.getLast()[header.indexOf("skipped_ticks")]);
        for (String svc : List.of("ingest", "dashboard")) {
            Series forced = column(header, rows, time, svc + "_forced_gc_ms", "", "");
            Series pauses = column(header, rows, time, svc + "_gc_pause_ms", "", "");
            System.out.printf(Locale.ROOT, "  %s: forced full GC (heap-after-GC samples) mean %.0f ms (max %.0f); other GC pauses "
                            + "%.2f%% of the time%n", svc, mean(forced.t(), forced.v(), 0, duration), max(forced.v()),
                    sum(pauses.v()) / 1000 / duration * 100);
        }
        System.out.printf(Locale.ROOT, "  cpu cores (mean): broker %.2f, ingest %.2f, dashboard %.2f, load %.2f, "
                        + "machine busy %.2f of %d%n",
                meanOf(header, rows, time, "cpu_broker", duration), meanOf(header, rows, time, "cpu_ingest", duration),
                meanOf(header, rows, time, "cpu_dashboard", duration), meanOf(header, rows, time, "cpu_load", duration),
                meanOf(header, rows, time, "cpu_machine_busy", duration), Runtime.getRuntime().availableProcessors());

        // SVG
        List<Panel> panels = List.of(
                new Panel("heap after forced full GC (MB)", List.of(
                        new Line(series.get("ingest_heap_after_gc_bytes"), "ingest-service", "#1f77b4", false),
                        new Line(series.get("dashboard_heap_after_gc_bytes"), "dashboard-app", "#d62728", false),
                        new Line(series.get("ingest_heap_used_bytes"), "ingest used before GC", "#1f77b4", true),
                        new Line(series.get("dashboard_heap_used_bytes"), "dashboard used before GC", "#d62728", true))),
                new Panel("engine consumer lag (records, read_committed end - committed)", List.of(
                        new Line(series.get("lag_events"), "integration.events.v1", "#2ca02c", false),
                        new Line(series.get("lag_all"), "incl. repartition topics", "#9467bd", true))),
                new Panel("freshness per interval (ms, received by ingest to in the read model)", List.of(
                        new Line(series.get("freshness_p50_ms"), "p50", "#ff7f0e", false),
                        new Line(series.get("freshness_p99_ms"), "p99", "#8c564b", false),
                        new Line(series.get("freshness_mean_ms"), "mean", "#7f7f7f", true))),
                new Panel("load: accepted events/s per interval", List.of(
                        new Line(eps, "events/s (202)", "#17becf", false))));
        Files.writeString(svgPath, svg(title, panels, duration));
    }

    static Series column(List<String> header, List<String[]> rows, ToDoubleFunction<String[]> time, String name,
                         String label, String unit) {
        int col = header.indexOf(name);
        double[] t = new double[rows.size()];
        double[] v = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            t[i] = time.applyAsDouble(rows.get(i));
            String cell = col < 0 || col >= rows.get(i).length ? "" : rows.get(i)[col];
            v[i] = cell.isBlank() ? Double.NaN : Double.parseDouble(cell);
        }
        return new Series(label, unit, t, v);
    }

    static double meanOf(List<String> header, List<String[]> rows, ToDoubleFunction<String[]> time, String name,
                         double duration) {
        Series s = column(header, rows, time, name, "", "");
        return mean(s.t(), s.v(), 0, duration);
    }

    static double mean(double[] t, double[] v, double from, double to) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from - 1e-9 && t[i] <= to + 1e-9 && !Double.isNaN(v[i])) {
                s += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    static double min(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && (Double.isNaN(m) || x < m)) {
                m = x;
            }
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NaN;
        for (double x : v) {
            if (!Double.isNaN(x) && (Double.isNaN(m) || x > m)) {
                m = x;
            }
        }
        return m;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
            }
        }
        return s;
    }

    /** An axis label: 0, 2.5, 10, 1,000 (no trailing zeros). */
    static String tick(double x) {
        String text = x == Math.rint(x) ? String.format(Locale.ROOT, "%,.0f", x)
                : String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "");
        return text;
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", x);
    }

    record Line(Series series, String label, String color, boolean dashed) {
    }

    record Panel(String title, List<Line> lines) {
    }

    static String svg(String title, List<Panel> panels, double duration) {
        int width = 960, left = 80, right = 20, top = 40, panelHeight = 190, gap = 60;
        int plotWidth = width - left - right;
        int height = top + panels.size() * (panelHeight + gap);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                left, escape(title)));
        double xMax = niceCeil(duration / 60.0);
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int y0 = top + p * (panelHeight + gap) + 20;
            double yMax = 0;
            for (Line line : panel.lines()) {
                if (line.series() != null) {
                    double m = max(line.series().v());
                    if (!Double.isNaN(m)) {
                        yMax = Math.max(yMax, m);
                    }
                }
            }
            yMax = yMax <= 0 ? 1 : niceCeil(yMax * 1.05);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left, y0 - 8,
                    escape(panel.title())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#999\"/>%n", left, y0, plotWidth, panelHeight));
            for (int k = 0; k <= 4; k++) { // y grid
                double value = yMax * k / 4;
                double y = y0 + panelHeight - panelHeight * k / 4.0;
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, left + plotWidth, y, y,
                        left - 6, y + 4, tick(value)));
            }
            double xStep = niceCeil(xMax / 6);
            for (double m = 0; m <= xMax + 1e-9; m += xStep) { // x ticks (minutes)
                double x = left + plotWidth * m / xMax;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, x, y0, y0 + panelHeight,
                        x, y0 + panelHeight + 14, tick(m)));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">minutes</text>%n",
                    left + plotWidth, y0 + panelHeight + 28));
            int legendX = left + 10;
            for (Line line : panel.lines()) {
                if (line.series() == null) {
                    continue;
                }
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < line.series().t().length; i++) {
                    double v = line.series().v()[i];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    double x = left + plotWidth * (line.series().t()[i] / 60.0) / xMax;
                    double y = y0 + panelHeight - panelHeight * Math.min(v, yMax) / yMax;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                String dash = line.dashed() ? " stroke-dasharray=\"4 3\" stroke-opacity=\"0.6\"" : "";
                s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s "
                        + "points=\"%s\"/>%n", line.color(), dash, points.toString().trim()));
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                                + "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\">%s</text>%n", legendX, legendX + 18,
                        y0 + 12, y0 + 12, line.color(), dash, legendX + 22, y0 + 16, escape(line.label())));
                legendX += 30 + 7 * line.label().length();
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten that is >= x. */
    static double niceCeil(double x) {
        if (x <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= x - 1e-9) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
