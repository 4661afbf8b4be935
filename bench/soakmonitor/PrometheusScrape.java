package soakmonitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.TreeMap;

/**
 * A scrape of a service's /actuator/prometheus, reduced to what the sampler records: heap used, live
 * threads, GC pauses and the freshness histogram. Counters and histograms are cumulative, so a figure
 * of one interval is the difference of two scrapes.
 */
record PrometheusScrape(double heapUsed, double threads, double gcPauseSeconds,
                        TreeMap<Double, Double> freshnessBuckets, double freshnessCount, double freshnessSum) {

    static PrometheusScrape of(HttpClient http, String base) throws IOException, InterruptedException {
        double heap = 0;
        double threads = Double.NaN;
        double gcPause = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double count = 0;
        double sum = 0;
        for (String line : get(http, base + "/actuator/prometheus").split("\n")) {
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
        return new PrometheusScrape(heap, threads, gcPause, buckets, count, sum);
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        // the management port, as the local operator (profile 'local')
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "operator:operator".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(8)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static double value(String line) {
        String rest = line.substring(line.lastIndexOf('}') + 1).trim();
        if (line.indexOf('}') < 0) {
            rest = line.substring(line.indexOf(' ') + 1).trim();
        }
        return Double.parseDouble(rest.split("\\s+")[0]);
    }

    private static String label(String line, String name) {
        int at = line.indexOf(name + "=\"");
        int from = at + name.length() + 2;
        return line.substring(from, line.indexOf('"', from));
    }

    /**
     * Quantile q of the freshness observations since {@code before}, in ms, interpolated in its bucket;
     * NaN when there were none.
     */
    double freshnessQuantileMs(PrometheusScrape before, double q) {
        return quantileMs(freshnessBuckets, before.freshnessBuckets, q);
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
}
