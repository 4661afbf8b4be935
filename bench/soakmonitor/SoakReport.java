package soakmonitor;

import soakmonitor.SvgPlot.Line;
import soakmonitor.SvgPlot.Panel;
import support.Options;
import support.Stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code SoakMonitor report}: the summary of a soak CSV on stdout (per series the average of the first
 * and of the last window, the least-squares slope per hour after the first window, flat or growing;
 * then load, GC and CPU for context) and its plot as an SVG file.
 */
public final class SoakReport {

    /** How a series is judged: growing when its slope per hour exceeds max(relative * mean, absolute). */
    record Rule(String column, String label, String unit, double scale, double relative, double absolute) {
    }

    private SoakReport() {
    }

    public static void write(Options opt) throws IOException {
        Path csvPath = opt.path("csv");
        Path svgPath = opt.path("svg");
        double rate = opt.decimal("rate");
        String title = opt.given("title") ? opt.text("title") : "soak " + csvPath.getFileName();
        SoakCsv csv = new SoakCsv(csvPath);
        double duration = csv.duration();
        Map<String, Series> judged = printVerdicts(csv, rules(rate), duration);
        Series eps = csv.column("events_per_s", "events/s", "");
        printContext(csv, eps, duration);
        Files.writeString(svgPath, SvgPlot.svg(title, panels(judged, eps), duration));
    }

    private static List<Rule> rules(double rate) {
        double mb = 1.0 / 1048576;
        return List.of(
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
    }

    /**
     * Prints a line per rule whose column the CSV has. The first window (start-up and warm-up) is left
     * out of the slope; returns the judged series by column, for the plot.
     */
    private static Map<String, Series> printVerdicts(SoakCsv csv, List<Rule> rules, double duration) {
        double window = Math.min(300, duration / 3);
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT,
                "per series: average of the first %.0f s | of the last %.0f s | least-squares slope per hour after"
                        + " the first %.0f s (warm-up) | verdict: growing = slope > threshold and > 2 standard errors%n", window, window, window));
        Map<String, Series> series = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (!csv.has(rule.column())) {
                continue;
            }
            Series s = csv.scaled(rule.column(), rule.label(), rule.unit(), rule.scale());
            series.put(rule.column(), s);
            double first = s.mean(0, window);
            double last = s.mean(duration - window, duration);
            Stats.Fit fit = Stats.fit(s.t(), s.v(), window, duration);
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
        return series;
    }

    /** Load, GC and CPU figures, for context: what the verdicts were measured under. */
    private static void printContext(SoakCsv csv, Series eps, double duration) {
        double acceptedTotal = Double.parseDouble(csv.last("accepted_events"));
        System.out.printf(Locale.ROOT, "  load: %,.0f events accepted in %.0f s = %.1f events/s; per interval min %.0f, "
                        + "max %.0f; non-202 %s, skipped ticks %s%n", acceptedTotal, duration, acceptedTotal / duration,
                eps.min(), eps.max(), csv.last("non_202"), csv.last("skipped_ticks"));
        for (String svc : List.of("ingest", "dashboard")) {
            Series forced = csv.column(svc + "_forced_gc_ms", "", "");
            Series pauses = csv.column(svc + "_gc_pause_ms", "", "");
            System.out.printf(Locale.ROOT, "  %s: forced full GC (heap-after-GC samples) mean %.0f ms (max %.0f); other GC pauses "
                            + "%.2f%% of the time%n", svc, forced.mean(0, duration), forced.max(),
                    pauses.sum() / 1000 / duration * 100);
        }
        System.out.printf(Locale.ROOT, "  cpu cores (mean): broker %.2f, ingest %.2f, dashboard %.2f, load %.2f, "
                        + "machine busy %.2f of %d%n",
                csv.mean("cpu_broker"), csv.mean("cpu_ingest"), csv.mean("cpu_dashboard"), csv.mean("cpu_load"),
                csv.mean("cpu_machine_busy"), Runtime.getRuntime().availableProcessors());
    }

    private static List<Panel> panels(Map<String, Series> series, Series eps) {
        return List.of(
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
    }

    /** A figure of the summary: n/a, or 3 significant digits or so (1,234 | 12.3 | 1.23). */
    private static String num(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", x);
    }
}
