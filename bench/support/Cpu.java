package support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time from Linux's /proc: of single processes and of the whole machine, so that a figure can say
 * which cores went to the benchmark's own processes and which to others on a shared machine. Ticks are
 * 1/100 s (CLK_TCK).
 */
public final class Cpu {

    private Cpu() {
    }

    /** utime+stime of the process in clock ticks, or -1 (no such process, or no pid). */
    public static long ticks(String pid) {
        long[] f = stat(pid);
        return f == null ? -1 : f[0] + f[1];
    }

    /** utime+stime plus cutime+cstime (its children that were waited for), or 0. */
    public static long ticksWithChildren(long pid) {
        long[] f = stat(Long.toString(pid));
        return f == null ? 0 : f[0] + f[1] + f[2] + f[3];
    }

    /** utime, stime, cutime, cstime of /proc/PID/stat (fields 14 to 17 of the line), or null. */
    private static long[] stat(String pid) {
        if (pid.isBlank()) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** All and idle (idle + iowait) ticks of the whole machine, or {-1, -1}. */
    public static long[] machine() {
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

    /** Cores busy on the whole machine between two {@link #machine()} readings; NaN without ticks. */
    public static double busy(long[] before, long[] after) {
        long all = after[0] - before[0];
        if (before[0] < 0 || all <= 0) {
            return Double.NaN;
        }
        return Runtime.getRuntime().availableProcessors() * (1.0 - (double) (after[1] - before[1]) / all);
    }

    /** Name to pid: those of {@code --watch=name:pid,...} and this process as {@code self}. */
    public static Map<String, String> watch(String spec, String self) {
        Map<String, String> pids = new LinkedHashMap<>();
        if (!spec.isBlank()) {
            for (String entry : spec.split(",")) {
                String[] nameAndPid = entry.split(":");
                pids.put(nameAndPid[0], nameAndPid[1]);
            }
        }
        pids.put(self, Long.toString(ProcessHandle.current().pid()));
        return pids;
    }

    public static Map<String, Long> ticks(Map<String, String> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticks.put(name, ticks(pid)));
        return ticks;
    }

    /**
     * "broker 0.44, ingest 0.87, load 0.11, other processes 0.59, machine busy 2.00 of 2": the cores each
     * process used between two readings {@code seconds} apart, what else ran, and the whole machine.
     */
    public static String cores(Map<String, Long> before, Map<String, Long> after, long[] machineBefore,
                               long[] machineAfter, double seconds) {
        StringBuilder cpu = new StringBuilder();
        double ours = 0;
        for (String name : after.keySet()) {
            long b = before.getOrDefault(name, -1L);
            long a = after.get(name);
            if (b >= 0 && a >= 0) {
                double cores = (a - b) / 100.0 / seconds;
                ours += cores;
                cpu.append(String.format(Locale.ROOT, "%s %.2f, ", name, cores));
            }
        }
        double busy = busy(machineBefore, machineAfter);
        if (!Double.isNaN(busy)) {
            cpu.append(String.format(Locale.ROOT, "other processes %.2f, machine busy %.2f of %d",
                    Math.max(0, busy - ours), busy, Runtime.getRuntime().availableProcessors()));
        }
        return cpu.toString();
    }
}
