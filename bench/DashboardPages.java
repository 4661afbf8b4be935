import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import support.Cpu;
import support.Options;
import support.Results;
import support.Stats;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * bench/dashboard-pages, the browser part (Selenium + ChromeDriver + headless Chromium; classpath from
 * bench/selenium-classpath/pom.xml). Two phases, one per run, started by bench/dashboard-pages:
 *
 * <ul>
 *   <li>{@code --phase=ready}: log in once, then {@code --runs} times navigate to {@code /} and measure
 *   from navigation start ({@code performance.timeOrigin}) until the overview is ready: {@code #district-table}
 *   shows 17 districts (distinct {@code [data-ags]} cells with text) and, if a {@code district-map} exists,
 *   it has {@code data-rendered-districts="17"}. A script installed before every document (CDP
 *   {@code Page.addScriptToEvaluateOnNewDocument}) notes {@code performance.now()} at the first DOM change
 *   that makes the page ready, so the figure does not depend on how often WebDriver polls. Screenshot, then
 *   log out (ends the HTTP session, so its UIs are detached on the server).</li>
 *   <li>{@code --phase=pages}: heap after a forced full GC of the dashboard ({@code jcmd PID GC.run} then
 *   {@code GC.heap_info}) with 0 pages, with {@code --pages} tabs open on {@code /} in one Chromium
 *   (one login, one HTTP session), every {@code --sample-seconds} for {@code --minutes} while they receive
 *   pushes, after closing the tabs, and after logging out.</li>
 * </ul>
 *
 * Results: key=value lines in {@code --result-file}; heap samples in {@code --csv}.
 */
public class DashboardPages {

    static final String READY_CHECK = """
            const grid = document.getElementById('district-table');
            if (!grid) return 0;
            const seen = new Set();
            grid.querySelectorAll('[data-ags]').forEach(e => {
              if (e.textContent.trim() !== '') seen.add(e.getAttribute('data-ags'));
            });
            const map = document.querySelector('district-map');
            if (map && map.getAttribute('data-rendered-districts') !== '17') return -seen.size;
            return seen.size;
            """;

    /** Installed before every document of the measuring tab: notes the first moment the overview is ready. */
    static final String READY_OBSERVER = """
            (() => {
              const ready = () => { %s };
              const check = () => {
                if (window.__overviewReadyAt !== undefined) return;
                if (ready() >= 17) {
                  window.__overviewReadyAt = performance.now();
                  window.__overviewHasMap = document.querySelector('district-map') !== null;
                  observer.disconnect();
                  clearInterval(timer);
                }
              };
              const observer = new MutationObserver(check);
              observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
              const timer = setInterval(check, 50);
            })();
            """.formatted(READY_CHECK);

    static final String USAGE = """
            Usage: java -cp SELENIUM_CLASSPATH bench/DashboardPages.java --phase=ready|pages --result-file=PATH [options]
              --url=http://localhost:38080  --login=planer:planer  --dashboard-pid=PID
              --pids-file=PATH (the browser's PIDs, for the script's clean-up)  --driver-log=PATH
              --screenshot=PATH  --chromium=/usr/bin/chromium  --chromedriver=/usr/bin/chromedriver
              ready: --runs=5
              pages: --pages=20 --minutes=10 --sample-seconds=30 --after-close-seconds=60 --csv=PATH
            """;

    final Options opt;
    final String url;
    final String user;
    final String password;
    final long dashboardPid;
    final Results result = new Results();
    final Path resultFile;
    final Path pidsFile;
    WebDriver browser;
    long browserCpuTicks;

    DashboardPages(Options opt) {
        this.opt = opt;
        this.url = opt.text("url");
        String[] login = opt.text("login").split(":", 2);
        this.user = login[0];
        this.password = login[1];
        this.dashboardPid = opt.longValue("dashboard-pid");
        this.resultFile = opt.path("result-file");
        this.pidsFile = opt.path("pids-file");
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse("DashboardPages", USAGE, args, "phase", null, "result-file", null,
                "url", "http://localhost:38080", "login", "planer:planer", "dashboard-pid", "0", "pids-file", "",
                "driver-log", "/dev/null", "screenshot", null, "chromium", "/usr/bin/chromium",
                "chromedriver", "/usr/bin/chromedriver", "runs", "5", "pages", "20", "minutes", "10",
                "sample-seconds", "30", "after-close-seconds", "60", "csv", "");
        DashboardPages bench = new DashboardPages(opt);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::closeBrowser, "close-browser"));
        try {
            switch (opt.text("phase")) {
                case "ready" -> bench.readyPhase();
                case "pages" -> bench.pagesPhase();
                default -> opt.fail("--phase=ready|pages");
            }
        } finally {
            bench.closeBrowser();
            bench.writeResult();
        }
    }

    // ------------------------------------------------------------------------------------------
    // Phase 1: time until the overview is ready
    // ------------------------------------------------------------------------------------------

    void readyPhase() throws Exception {
        int runs = opt.integer("runs");
        openBrowser();
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", READY_OBSERVER));
        logIn();
        awaitReady(Duration.ofSeconds(120));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<Long> inBrowser = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        List<String> details = new ArrayList<>();
        boolean hasMap = false;
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            browser.get(url + "/");
            Object readyAt = null;
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
            while (readyAt == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("run " + i + ": the overview was not ready within 60 s (ready check: "
                            + js.executeScript(READY_CHECK) + " districts)");
                }
                readyAt = js.executeScript("return window.__overviewReadyAt === undefined ? null : window.__overviewReadyAt;");
                if (readyAt == null) Thread.sleep(20);
            }
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            long ms = Math.round(((Number) readyAt).doubleValue());
            hasMap |= Boolean.TRUE.equals(js.executeScript("return window.__overviewHasMap === true;"));
            @SuppressWarnings("unchecked")
            Map<String, Object> nav = (Map<String, Object>) js.executeScript("""
                    const n = performance.getEntriesByType('navigation')[0];
                    return n ? {html: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd} : {};""");
            String detail = "html %s ms, DOMContentLoaded %s ms, load %s ms".formatted(
                    round(nav.get("html")), round(nav.get("dcl")), round(nav.get("load")));
            System.err.printf("[ready] run %d: ready after %d ms from navigation start (wall clock around WebDriver %d ms; %s)%n",
                    i, ms, wallMs, detail);
            inBrowser.add(ms);
            wall.add(wallMs);
            details.add(detail);
        }
        screenshot(opt.path("screenshot"));
        result.put("ready_ms", join(inBrowser));
        result.put("ready_wall_ms", join(wall));
        result.put("ready_median_ms", String.valueOf(median(inBrowser)));
        result.put("ready_max_ms", String.valueOf(inBrowser.stream().mapToLong(Long::longValue).max().orElse(0)));
        result.put("ready_wall_median_ms", String.valueOf(median(wall)));
        result.put("ready_first_detail", details.getFirst());
        result.put("ready_last_detail", details.getLast());
        result.put("district_map", hasMap ? "present, waited for data-rendered-districts=17" : "not on the page");
        result.put("region_enrolments_shown", String.valueOf(browser.findElement(By.id("region-enrolments")).getText()));
        logOut();
    }

    static String round(Object v) {
        return v instanceof Number n ? String.valueOf(Math.round(n.doubleValue())) : "?";
    }

    // ------------------------------------------------------------------------------------------
    // Phase 2: server memory per open page
    // ------------------------------------------------------------------------------------------

    record Sample(double seconds, String phase, int pages, long used, long committed) {}

    final List<Sample> samples = new ArrayList<>();
    long startNanos = System.nanoTime();
    PrintWriter csv;

    void pagesPhase() throws Exception {
        int pages = opt.integer("pages");
        double minutes = opt.decimal("minutes");
        int sampleSeconds = opt.integer("sample-seconds");
        int afterCloseSeconds = opt.integer("after-close-seconds");
        csv = new PrintWriter(Files.newBufferedWriter(opt.path("csv"), StandardCharsets.UTF_8));
        csv.println("seconds,phase,pages,heap_used_after_gc_bytes,heap_committed_bytes");
        csv.flush();

        long baseline = measure("baseline", 0, 3);
        result.put("baseline_bytes", String.valueOf(baseline));

        openBrowser();
        logIn();
        awaitReady(Duration.ofSeconds(120));
        List<String> tabs = new ArrayList<>();
        List<String> firstUpdated = new ArrayList<>();
        tabs.add(browser.getWindowHandle());
        firstUpdated.add(lastUpdated());
        long openStart = System.nanoTime();
        for (int i = 2; i <= pages; i++) {
            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(url + "/");
            awaitReady(Duration.ofSeconds(120));
            tabs.add(browser.getWindowHandle());
            firstUpdated.add(lastUpdated());
        }
        writePids();
        result.put("open_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - openStart) / 1e9));
        System.err.printf("[pages] %d pages open, ready (%.1f s for pages 2..%d)%n", pages,
                (System.nanoTime() - openStart) / 1e9, pages);
        Thread.sleep(10_000); // let the pages' first pushes settle
        long withPages = measure("pages-open", pages, 3);
        result.put("pages", String.valueOf(pages));
        result.put("with_pages_bytes", String.valueOf(withPages));
        double perPage = (withPages - baseline) / (double) pages;
        result.put("per_page_bytes", String.valueOf(Math.round(perPage)));

        // Receiving pushes: a sample every sampleSeconds, for the given minutes.
        long runNanos = (long) (minutes * 60e9);
        long runStart = System.nanoTime();
        List<double[]> run = new ArrayList<>();
        run.add(new double[] {0, withPages});
        for (long next = runStart + sampleSeconds * 1_000_000_000L; next <= runStart + runNanos + 1_000_000_000L;
             next += sampleSeconds * 1_000_000_000L) {
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) Thread.sleep(sleep);
            long used = measure("push", pages, 1);
            run.add(new double[] {(System.nanoTime() - runStart) / 1e9, used});
        }
        double runSeconds = run.getLast()[0];
        Stats.Fit fit = Stats.fit(run.stream().mapToDouble(r -> r[0]).toArray(),
                run.stream().mapToDouble(r -> r[1]).toArray(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double slope = fit.n() < 2 ? 0 : fit.slope(); // bytes per second
        double growth = slope * runSeconds;
        double growthPerPage = growth / pages;
        double limit = Math.max(0.10 * Math.max(perPage, 0), 100 * 1024);
        result.put("run_seconds", String.format(Locale.ROOT, "%.0f", runSeconds));
        result.put("run_samples", String.valueOf(run.size()));
        result.put("run_slope_bytes_per_min", String.valueOf(Math.round(slope * 60)));
        result.put("run_growth_bytes", String.valueOf(Math.round(growth)));
        result.put("run_growth_per_page_bytes", String.valueOf(Math.round(growthPerPage)));
        result.put("run_first_last_bytes", Math.round(run.getFirst()[1]) + " " + Math.round(run.getLast()[1]));
        result.put("run_min_max_bytes", Math.round(run.stream().mapToDouble(r -> r[1]).min().orElse(0)) + " "
                + Math.round(run.stream().mapToDouble(r -> r[1]).max().orElse(0)));
        result.put("run_residual_sd_bytes", Math.round(fit.residualSd()));
        result.put("run_flat_limit_bytes", String.valueOf(Math.round(limit)));
        result.put("run_verdict", growthPerPage < limit ? "flat" : "growing");

        // Do the pages still update? Compare each tab's "Stand: ..." with the text when it was opened.
        int changed = 0;
        String example = "";
        for (int i = 0; i < tabs.size(); i++) {
            browser.switchTo().window(tabs.get(i));
            String now = lastUpdated();
            if (!now.equals(firstUpdated.get(i))) {
                changed++;
                if (example.isEmpty()) example = "tab " + (i + 1) + ": '" + firstUpdated.get(i) + "' -> '" + now + "'";
            }
        }
        result.put("tabs_updated", changed + " of " + tabs.size());
        result.put("tabs_updated_example", example);
        browser.switchTo().window(tabs.getLast());
        screenshot(opt.path("screenshot"));
        browserCpuTicks = descendantTicks();

        // Close the pages (the last tab goes to about:blank: closing it would end the WebDriver session).
        for (int i = 0; i < tabs.size() - 1; i++) {
            browser.switchTo().window(tabs.get(i));
            browser.close();
        }
        browser.switchTo().window(tabs.getLast());
        browser.get("about:blank");
        Thread.sleep(15_000);
        long closed = measure("closed", 0, 3);
        result.put("after_close_bytes", String.valueOf(closed));
        for (long t = sampleSeconds; t <= afterCloseSeconds; t += sampleSeconds) {
            Thread.sleep(sampleSeconds * 1000L);
            closed = measure("closed", 0, 1);
        }
        result.put("after_close_wait_seconds", String.valueOf(afterCloseSeconds));
        result.put("after_close_later_bytes", String.valueOf(closed));

        // Log out: ends the HTTP session, Vaadin detaches all its UIs.
        browser.get(url + "/");
        awaitReady(Duration.ofSeconds(120));
        logOut();
        Thread.sleep(5_000);
        long loggedOut = measure("logged-out", 0, 3);
        result.put("after_logout_bytes", String.valueOf(loggedOut));
        browserCpuTicks = Math.max(browserCpuTicks, descendantTicks());
    }

    /** Heap used after a forced full GC of the dashboard; the median of n (a few seconds apart). */
    long measure(String phase, int pages, int n) throws Exception {
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) Thread.sleep(3_000);
            long[] heap = heapAfterGc();
            used.add(heap[0]);
            Sample s = new Sample((System.nanoTime() - startNanos) / 1e9, phase, pages, heap[0], heap[1]);
            samples.add(s);
            csv.printf(Locale.ROOT, "%.1f,%s,%d,%d,%d%n", s.seconds(), phase, pages, heap[0], heap[1]);
            csv.flush();
        }
        long m = median(used);
        System.err.printf("[pages] %-10s %2d pages: heap after GC %.1f MiB%s%n", phase, pages, m / 1048576.0,
                n > 1 ? " (median of " + used.stream().map(u -> String.format(Locale.ROOT, "%.1f", u / 1048576.0))
                        .collect(Collectors.joining(", ")) + ")" : "");
        return m;
    }

    static final Pattern HEAP = Pattern.compile("committed (\\d+)K, used (\\d+)K");

    /** {used, committed} in bytes after {@code jcmd PID GC.run}. */
    long[] heapAfterGc() throws Exception {
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

    // ------------------------------------------------------------------------------------------
    // Browser
    // ------------------------------------------------------------------------------------------

    void openBrowser() throws IOException {
        String chromium = opt.text("chromium");
        String driver = opt.text("chromedriver");
        if (!new File(chromium).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("Chromium and ChromeDriver needed at " + chromium + " and " + driver
                    + " (apt-get install -y chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // The flags of OverviewLiveBrowserIT.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000", "--lang=de-DE");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().withLogFile(new File(opt.text("driver-log"))).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
        writePids();
    }

    /** The browser's processes (chromedriver, chromium and its helpers), for the script's cleanup. */
    void writePids() throws IOException {
        if (pidsFile == null) return;
        String pids = ProcessHandle.current().descendants().map(p -> String.valueOf(p.pid()))
                .collect(Collectors.joining("\n"));
        Set<String> all = new java.util.TreeSet<>(Arrays.asList(pids.split("\n")));
        if (Files.exists(pidsFile)) all.addAll(Files.readAllLines(pidsFile));
        all.remove("");
        Files.write(pidsFile, all, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** CPU ticks (utime + stime, and of waited-for children) of the browser's processes still running. */
    static long descendantTicks() {
        return ProcessHandle.current().descendants().mapToLong(p -> Cpu.ticksWithChildren(p.pid())).sum();
    }

    synchronized void closeBrowser() {
        if (browser == null) return;
        if (browserCpuTicks == 0) browserCpuTicks = descendantTicks();
        try {
            browser.quit();
        } catch (Exception e) {
            System.err.println("[browser] quit failed: " + e);
        }
        browser = null;
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    }

    void logIn() {
        browser.get(url + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        WebElement name = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field[name='username'] input")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logOut() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.id("logout"))).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    void awaitReady(Duration timeout) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, timeout, Duration.ofMillis(50))
                .withMessage(() -> "the overview at " + browser.getCurrentUrl() + " did not show 17 districts")
                .until(d -> ((Number) js.executeScript(READY_CHECK)).intValue() >= 17);
    }

    String lastUpdated() {
        return browser.findElement(By.id("last-updated")).getText();
    }

    void screenshot(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        result.put("screenshot", target.toString());
    }

    // ------------------------------------------------------------------------------------------

    void writeResult() {
        result.put("browser_cpu_ticks", browserCpuTicks);
        if (csv != null) {
            csv.close();
        }
        try {
            result.write(resultFile);
        } catch (RuntimeException e) {
            System.err.println("Could not write " + resultFile + ": " + e);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
