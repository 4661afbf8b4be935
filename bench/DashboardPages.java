import pages.Browser;
import pages.DashboardHeap;
import pages.PagesPhase;
import pages.ReadyPhase;
import support.Options;
import support.Results;

import java.nio.file.Path;

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
 *   log out (ends the HTTP session, so its UIs are detached on the server). See {@link ReadyPhase}.</li>
 *   <li>{@code --phase=pages}: heap after a forced full GC of the dashboard ({@code jcmd PID GC.run} then
 *   {@code GC.heap_info}) with 0 pages, with {@code --pages} tabs open on {@code /} in one Chromium
 *   (one login, one HTTP session), every {@code --sample-seconds} for {@code --minutes} while they receive
 *   pushes, after closing the tabs, and after logging out. See {@link PagesPhase}.</li>
 * </ul>
 *
 * Results: key=value lines in {@code --result-file}; heap samples in {@code --csv}. The phases are in
 * bench/pages/ (package {@code pages}), which the source launcher finds beside this file as it finds
 * bench/support/.
 */
public class DashboardPages {

    static final String USAGE = """
            Usage: java -cp SELENIUM_CLASSPATH bench/DashboardPages.java --phase=ready|pages --result-file=PATH [options]
              --url=http://localhost:38080  --login=planer:planer  --dashboard-pid=PID
              --pids-file=PATH (the browser's PIDs, for the script's clean-up)  --driver-log=PATH
              --screenshot=PATH  --chromium=/usr/bin/chromium  --chromedriver=/usr/bin/chromedriver
              ready: --runs=5
              pages: --pages=20 --minutes=10 --sample-seconds=30 --after-close-seconds=60 --csv=PATH
            """;

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse("DashboardPages", USAGE, args, "phase", null, "result-file", null,
                "url", "http://localhost:38080", "login", "planer:planer", "dashboard-pid", "0", "pids-file", "",
                "driver-log", "/dev/null", "screenshot", null, "chromium", "/usr/bin/chromium",
                "chromedriver", "/usr/bin/chromedriver", "runs", "5", "pages", "20", "minutes", "10",
                "sample-seconds", "30", "after-close-seconds", "60", "csv", "");
        Browser browser = new Browser(opt);
        DashboardHeap heap = new DashboardHeap(opt.longValue("dashboard-pid"));
        Path resultFile = opt.path("result-file");
        Results result = new Results();
        // Chromium and ChromeDriver are children of this JVM: quit them also when it is stopped (SIGTERM).
        Runtime.getRuntime().addShutdownHook(new Thread(browser::close, "close-browser"));
        try {
            switch (opt.text("phase")) {
                case "ready" -> new ReadyPhase(opt, browser, result).run();
                case "pages" -> new PagesPhase(opt, browser, heap, result).run();
                default -> opt.fail("--phase=ready|pages");
            }
        } finally {
            browser.close();
            writeResult(result, browser, heap, resultFile);
        }
    }

    /** Also after a failed phase: the script reads what there is (browser_cpu_ticks at least). */
    static void writeResult(Results result, Browser browser, DashboardHeap heap, Path resultFile) {
        result.put("browser_cpu_ticks", browser.cpuTicks());
        heap.close();
        try {
            result.write(resultFile);
        } catch (RuntimeException e) {
            System.err.println("Could not write " + resultFile + ": " + e);
        }
    }
}
