package pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import support.Options;
import support.Results;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static support.Stats.median;

/**
 * {@code --phase=ready}: logs in once, then --runs times navigates to {@code /} and measures from
 * navigation start ({@code performance.timeOrigin}) until the overview is ready, as noted in the page by
 * {@link OverviewReady#OBSERVER}; the wall clock around WebDriver is kept beside it for comparison.
 * Then a screenshot, and logs out.
 */
public record ReadyPhase(Options opt, Browser browser, Results result) {

    public void run() throws Exception {
        int runs = opt.integer("runs");
        browser.open();
        WebDriver driver = browser.driver();
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", OverviewReady.OBSERVER));
        browser.logIn();
        browser.awaitReady(Duration.ofSeconds(120));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        List<Long> inBrowser = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        List<String> details = new ArrayList<>();
        boolean hasMap = false;
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            driver.get(browser.url() + "/");
            Object readyAt = null;
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
            while (readyAt == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("run " + i + ": the overview was not ready within 60 s (ready check: "
                            + js.executeScript(OverviewReady.CHECK) + " districts)");
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
        Path screenshot = opt.path("screenshot");
        browser.screenshot(screenshot);
        result.put("screenshot", screenshot.toString());
        result.put("ready_ms", join(inBrowser));
        result.put("ready_wall_ms", join(wall));
        result.put("ready_median_ms", String.valueOf(median(inBrowser)));
        result.put("ready_max_ms", String.valueOf(inBrowser.stream().mapToLong(Long::longValue).max().orElse(0)));
        result.put("ready_wall_median_ms", String.valueOf(median(wall)));
        result.put("ready_first_detail", details.getFirst());
        result.put("ready_last_detail", details.getLast());
        result.put("district_map", hasMap ? "present, waited for data-rendered-districts=17" : "not on the page");
        result.put("region_enrolments_shown", String.valueOf(driver.findElement(By.id("region-enrolments")).getText()));
        browser.logOut();
    }

    /** A navigation timing in whole ms, or "?" where the browser gave none. */
    private static String round(Object v) {
        return v instanceof Number n ? String.valueOf(Math.round(n.doubleValue())) : "?";
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
