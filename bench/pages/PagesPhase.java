package pages;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import support.Options;
import support.Results;
import support.Stats;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --phase=pages}: the dashboard's heap after a forced full GC ({@link DashboardHeap}) with 0
 * pages, with --pages tabs open on {@code /} in one Chromium (one login, one HTTP session), every
 * --sample-seconds for --minutes while they receive pushes (flat or growing, per page), after closing
 * the tabs, and after logging out.
 */
public record PagesPhase(Options opt, Browser browser, DashboardHeap heap, Results result) {

    public void run() throws Exception {
        int pages = opt.integer("pages");
        double minutes = opt.decimal("minutes");
        int sampleSeconds = opt.integer("sample-seconds");
        int afterCloseSeconds = opt.integer("after-close-seconds");
        heap.writeCsv(opt.path("csv"));

        long baseline = heap.measure("baseline", 0, 3);
        result.put("baseline_bytes", String.valueOf(baseline));

        browser.open();
        WebDriver driver = browser.driver();
        browser.logIn();
        browser.awaitReady(Duration.ofSeconds(120));
        List<String> tabs = new ArrayList<>();
        List<String> firstUpdated = new ArrayList<>();
        tabs.add(driver.getWindowHandle());
        firstUpdated.add(browser.lastUpdated());
        long openStart = System.nanoTime();
        for (int i = 2; i <= pages; i++) {
            driver.switchTo().newWindow(WindowType.TAB);
            driver.get(browser.url() + "/");
            browser.awaitReady(Duration.ofSeconds(120));
            tabs.add(driver.getWindowHandle());
            firstUpdated.add(browser.lastUpdated());
        }
        browser.writePids();
        result.put("open_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - openStart) / 1e9));
        System.err.printf("[pages] %d pages open, ready (%.1f s for pages 2..%d)%n", pages,
                (System.nanoTime() - openStart) / 1e9, pages);
        Thread.sleep(10_000); // let the pages' first pushes settle
        long withPages = heap.measure("pages-open", pages, 3);
        result.put("pages", String.valueOf(pages));
        result.put("with_pages_bytes", String.valueOf(withPages));
        double perPage = (withPages - baseline) / (double) pages;
        result.put("per_page_bytes", String.valueOf(Math.round(perPage)));

        receivePushes(pages, minutes, sampleSeconds, withPages, perPage);
        countUpdatedTabs(driver, tabs, firstUpdated);
        Path screenshot = opt.path("screenshot");
        browser.screenshot(screenshot);
        result.put("screenshot", screenshot.toString());
        browser.noteCpuTicks();

        // Close the pages (the last tab goes to about:blank: closing it would end the WebDriver session).
        for (int i = 0; i < tabs.size() - 1; i++) {
            driver.switchTo().window(tabs.get(i));
            driver.close();
        }
        driver.switchTo().window(tabs.getLast());
        driver.get("about:blank");
        Thread.sleep(15_000);
        long closed = heap.measure("closed", 0, 3);
        result.put("after_close_bytes", String.valueOf(closed));
        for (long t = sampleSeconds; t <= afterCloseSeconds; t += sampleSeconds) {
            Thread.sleep(sampleSeconds * 1000L);
            closed = heap.measure("closed", 0, 1);
        }
        result.put("after_close_wait_seconds", String.valueOf(afterCloseSeconds));
        result.put("after_close_later_bytes", String.valueOf(closed));

        // Log out: ends the HTTP session, Vaadin detaches all its UIs.
        driver.get(browser.url() + "/");
        browser.awaitReady(Duration.ofSeconds(120));
        browser.logOut();
        Thread.sleep(5_000);
        long loggedOut = heap.measure("logged-out", 0, 3);
        result.put("after_logout_bytes", String.valueOf(loggedOut));
        browser.noteCpuTicks();
    }

    /**
     * A sample every sampleSeconds for the given minutes while the pages receive pushes; the heap's
     * least-squares growth over the run, per page, against a limit of 10% of a page (at least 100 KiB).
     */
    private void receivePushes(int pages, double minutes, int sampleSeconds, long withPages, double perPage)
            throws Exception {
        long runNanos = (long) (minutes * 60e9);
        long runStart = System.nanoTime();
        List<double[]> run = new ArrayList<>();
        run.add(new double[] {0, withPages});
        for (long next = runStart + sampleSeconds * 1_000_000_000L; next <= runStart + runNanos + 1_000_000_000L;
             next += sampleSeconds * 1_000_000_000L) {
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) Thread.sleep(sleep);
            long used = heap.measure("push", pages, 1);
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
    }

    /** Do the pages still update? Compares each tab's "Stand: ..." with the text when it was opened. */
    private void countUpdatedTabs(WebDriver driver, List<String> tabs, List<String> firstUpdated) {
        int changed = 0;
        String example = "";
        for (int i = 0; i < tabs.size(); i++) {
            driver.switchTo().window(tabs.get(i));
            String now = browser.lastUpdated();
            if (!now.equals(firstUpdated.get(i))) {
                changed++;
                if (example.isEmpty()) example = "tab " + (i + 1) + ": '" + firstUpdated.get(i) + "' -> '" + now + "'";
            }
        }
        result.put("tabs_updated", changed + " of " + tabs.size());
        result.put("tabs_updated_example", example);
        driver.switchTo().window(tabs.getLast());
    }
}
