import soakmonitor.Sampler;
import soakmonitor.SoakReport;
import support.Options;

import java.util.Arrays;

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
 * See {@link Sampler}.
 *
 * <p>{@code report}: reads such a CSV, writes an SVG plot (heap, lag, freshness, load) and prints the
 * summary: per series first-window and last-window average, least-squares slope per hour after the
 * first window (start-up and warm-up), verdict flat or growing. See {@link SoakReport}.
 *
 * <p>The two halves are in bench/soakmonitor/ (package {@code soakmonitor}), which the source launcher
 * finds beside this file as it finds bench/support/.
 */
public class SoakMonitor {

    static final String USAGE = """
            Usage: java -cp KAFKA_CLASSPATH bench/SoakMonitor.java sample --csv=PATH [options]
                     --ingest=MANAGEMENT_URL --dashboard=MANAGEMENT_URL --ingest-pid=PID --dashboard-pid=PID [--broker-pid=PID]
                     [--load-pid=PID] --status-file=PATH --bootstrap=HOST:PORT
                     [--group=integration-indicators-v7] [--topic=integration.events.v1]
                     [--seconds=1800] [--sample-seconds=10] [--gc=true] [--gc-every=1] [--ready-file=PATH]
                   java bench/SoakMonitor.java report --csv=PATH --svg=PATH [--rate=500] [--title=TEXT]
            """;

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "sample" -> new Sampler(Options.parse("SoakMonitor", USAGE, rest, "csv", null, "ingest", null,
                    "dashboard", null, "ingest-pid", null, "dashboard-pid", null, "broker-pid", "", "load-pid", "",
                    "status-file", null, "bootstrap", null, "group", "integration-indicators-v7",
                    "topic", "integration.events.v1", "seconds", "1800", "sample-seconds", "10", "gc", "true",
                    "gc-every", "1", "ready-file", "")).run();
            case "report" -> SoakReport.write(Options.parse("SoakMonitor", USAGE, rest, "csv", null, "svg", null,
                    "rate", "500", "title", ""));
            default -> Options.fail("SoakMonitor", USAGE, "unknown mode " + args[0]);
        }
    }
}
