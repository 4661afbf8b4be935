import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cell key method costs in utility, on a running dashboard (e.g. {@code ./run-local} with its
 * 24 months of demo data): every count of every district and of the region, month by month over
 * {@code --months}, as published and as exact (role STATISTICS), from the read API's CSV; and the
 * ranking of the 17 districts on the overview's default period. JDK only.
 *
 * <pre>
 * java bench/CellKeyUtility.java [--dashboard=http://localhost:8080] [--months=24]
 *      [--login=planer:planer] [--exact-login=admin:admin] [--results=bench/results/cellkey-utility.txt]
 * </pre>
 */
public class CellKeyUtility {

    private static final List<String> COUNTS = List.of("counts.enrolments", "counts.completions", "counts.passed",
            "counts.failed", "counts.dropouts", "counts.passedB1OrHigher", "counts.placements", "chain.pending");
    private static final List<String> RANKED = List.of("per10k.enrolments", "per10k.completions", "per10k.placements",
            "rates.completionRate", "rates.languageSuccessRate");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("dashboard", "http://localhost:8080", "months", "24",
                "login", "planer:planer", "exact-login", "admin:admin",
                "results", "bench/results/cellkey-utility.txt"));
        for (String a : args) {
            if (a.equals("--help")) {
                System.out.println("java bench/CellKeyUtility.java [--dashboard=URL] [--months=N] [--login=U:P] "
                        + "[--exact-login=U:P] [--results=FILE]");
                return;
            }
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2 || !opt.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            opt.put(kv[0], kv[1]);
        }
        String base = opt.get("dashboard");
        YearMonth to = YearMonth.now(ZoneId.of("Europe/Berlin"));
        YearMonth from = to.minusMonths(Integer.parseInt(opt.get("months")) - 1);

        List<Map<String, String>> overview = csv(base + "/api/v1/indicators", opt.get("login"));
        List<Map<String, String>> overviewExact = csv(base + "/api/v1/indicators?exact=true", opt.get("exact-login"));
        List<String> districts = overview.stream().map(r -> r.get("district")).filter(a -> !a.equals("034")).toList();

        Stats stats = new Stats();
        for (String ags : districts) {
            String monthly = base + "/api/v1/indicators/" + ags + "/monthly?from=" + from + "&to=" + to;
            List<Map<String, String>> published = csv(monthly, opt.get("login"));
            List<Map<String, String>> exact = csv(monthly + "&exact=true", opt.get("exact-login"));
            for (int i = 0; i < published.size(); i++) {
                boolean region = published.get(i).get("district").equals("034");
                if (region && !ags.equals(districts.getFirst())) {
                    continue; // the region's months once
                }
                stats.compare(published.get(i), exact.get(i));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("== cell key utility (").append(ZonedDateTime.now().withNano(0)).append(")\n");
        out.append("dashboard ").append(base).append(", months ").append(from).append("..").append(to)
                .append(", counts ").append(String.join(" ", COUNTS)).append('\n');
        out.append(stats.summary());
        out.append(ranks(overview, overviewExact));
        System.out.print(out);
        Files.writeString(Path.of(opt.get("results")), out + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Deviations of published from exact counts, over every cell of a district or the region and a month. */
    private static final class Stats {
        long cells;
        long shown;
        long zeros;
        long small;
        long smallShownAsItself;
        long sumAbs;
        long max;
        final Map<Long, Long> deviations = new TreeMap<>();

        void compare(Map<String, String> published, Map<String, String> exact) {
            if ("false".equals(exact.get("reported"))) {
                return; // no reports: no figures at all
            }
            for (String count : COUNTS) {
                String e = exact.get(count);
                if (e == null || e.isEmpty()) {
                    continue;
                }
                long truth = Long.parseLong(e);
                cells++;
                zeros += truth == 0 ? 1 : 0;
                String p = published.get(count);
                if (p == null || p.isEmpty()) {
                    continue;
                }
                shown++;
                long value = Long.parseLong(p);
                long d = value - truth;
                deviations.merge(d, 1L, Long::sum);
                sumAbs += Math.abs(d);
                max = Math.max(max, Math.abs(d));
                if (truth == 1 || truth == 2) {
                    small++;
                    smallShownAsItself += value == truth ? 1 : 0;
                }
            }
        }

        String summary() {
            long nonZero = cells - zeros;
            return String.format("""
                    cells (district or region x month x count, reported): %,d, of them true 0: %,d
                    shown as a number: %,d (%.1f %%); under the suppression before, at least the %,d cells of 1 or 2 (%.1f %% of the non-zero ones) were withheld, and more by the secondary rule
                    absolute deviation: mean %.3f over all cells, %.3f over the non-zero ones; maximum %d
                    deviations (published - exact: cells): %s
                    true 1 or 2 shown as themselves: %d of %d
                    """, cells, zeros, shown, 100.0 * shown / cells, small, 100.0 * small / Math.max(1, nonZero),
                    sumAbs / (double) cells, sumAbs / (double) Math.max(1, nonZero), max, deviations,
                    smallShownAsItself, small);
        }
    }

    /** For each figure the overview ranks by: how many of the 17 districts are ranked differently than by exact figures. */
    private static String ranks(List<Map<String, String>> published, List<Map<String, String>> exact) {
        StringBuilder out = new StringBuilder("overview, default period (last 12 months), districts ranked differently than by exact figures:\n");
        for (String figure : RANKED) {
            List<String> a = order(published, figure);
            List<String> b = order(exact, figure);
            int moved = 0;
            int maxShift = 0;
            for (int i = 0; i < a.size(); i++) {
                int j = b.indexOf(a.get(i));
                moved += i == j ? 0 : 1;
                maxShift = Math.max(maxShift, Math.abs(i - j));
            }
            out.append(String.format("  %-28s %2d of %d (largest shift %d places)%n", figure, moved, a.size(), maxShift));
        }
        return out.toString();
    }

    private static List<String> order(List<Map<String, String>> rows, String figure) {
        List<Map<String, String>> districts = new ArrayList<>(rows.stream()
                .filter(r -> !r.get("district").equals("034")).toList());
        districts.sort(Comparator.comparing((Map<String, String> r) -> value(r.get(figure))).reversed()
                .thenComparing(r -> r.get("district")));
        return districts.stream().map(r -> r.get("district")).toList();
    }

    private static double value(String cell) {
        return cell == null || cell.isEmpty() ? -1 : Double.parseDouble(cell);
    }

    /** The read API's CSV answer as rows of column → cell. */
    private static List<Map<String, String>> csv(String url, String login) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        List<List<String>> lines = r.body().lines().filter(l -> !l.isBlank()).map(CellKeyUtility::cells).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < line.size(); i++) {
                row.put(lines.getFirst().get(i), line.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One RFC 4180 line: commas outside quotes separate, doubled quotes are one. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
