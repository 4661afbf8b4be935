package pages;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static support.Stats.median;

/**
 * The dashboard's heap after a forced full GC ({@code jcmd PID GC.run} then {@code GC.heap_info}): with
 * the young garbage gone, what its open pages keep alive. Every sample also goes to the CSV, timed from
 * this object's creation (the program's start).
 */
public final class DashboardHeap {

    private static final Pattern HEAP = Pattern.compile("committed (\\d+)K, used (\\d+)K");

    private final long dashboardPid;
    private final long startNanos = System.nanoTime();
    private PrintWriter csv;

    public DashboardHeap(long dashboardPid) {
        this.dashboardPid = dashboardPid;
    }

    /** Starts the CSV of samples (before the first {@link #measure}). */
    void writeCsv(Path file) throws IOException {
        csv = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        csv.println("seconds,phase,pages,heap_used_after_gc_bytes,heap_committed_bytes");
        csv.flush();
    }

    /** Heap used after a forced full GC of the dashboard; the median of n (a few seconds apart). */
    long measure(String phase, int pages, int n) throws Exception {
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) Thread.sleep(3_000);
            long[] heap = afterGc();
            used.add(heap[0]);
            csv.printf(Locale.ROOT, "%.1f,%s,%d,%d,%d%n", (System.nanoTime() - startNanos) / 1e9, phase, pages,
                    heap[0], heap[1]);
            csv.flush();
        }
        long m = median(used);
        System.err.printf("[pages] %-10s %2d pages: heap after GC %.1f MiB%s%n", phase, pages, m / 1048576.0,
                n > 1 ? " (median of " + used.stream().map(u -> String.format(Locale.ROOT, "%.1f", u / 1048576.0))
                        .collect(Collectors.joining(", ")) + ")" : "");
        return m;
    }

    /** {used, committed} in bytes after {@code jcmd PID GC.run}. */
    private long[] afterGc() throws Exception {
        Path commands = Files.createTempFile("dashboard-pages-jcmd", ".txt");
        try {
            Files.writeString(commands, "GC.run\nGC.heap_info\n");
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, String.valueOf(dashboardPid), "-f", commands.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd failed: " + out);
            }
            Matcher m = HEAP.matcher(out);
            if (!m.find()) throw new IllegalStateException("no heap figures in: " + out);
            return new long[] {Long.parseLong(m.group(2)) * 1024, Long.parseLong(m.group(1)) * 1024};
        } finally {
            Files.deleteIfExists(commands);
        }
    }

    /** Closes the CSV, if there is one. */
    public void close() {
        if (csv != null) {
            csv.close();
        }
    }
}
