package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import de.weserems.integration.testsupport.ReadApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: log in, open the overview, post enrolments to ingest-service, and see the
 * district's number change by server push, without a reload; retract them and see it move back the same way.
 * Screenshots go to {@code target/screenshots}.
 */
class OverviewLiveBrowserIT extends BrowserTestBase {

    @Test
    void a_posted_enrolment_changes_the_open_overview_without_reload() throws Exception {
        // other tests of this module post to Leer too: the page opens on what is there plus these 4
        OpenOverview page = openOverviewOn("03457");
        assertThat(browser.findElement(By.id("demo-data-notice")).getText()).isNotBlank();
        screenshot("overview-before");

        long posted = System.nanoTime();
        // the page shows published figures, each at most maxDeviation off the true count: posting more than
        // twice that many makes the move visible whatever the deviations before and after
        int more = 2 * page.maxDeviation() + 2;
        assertThat(post(enrolments(page.ags(), more)).statusCode()).isEqualTo(202);

        long after = page.awaitShownNear(page.exactBefore() + more);
        assertThat(after).isGreaterThan(page.before());
        long millis = (System.nanoTime() - posted) / 1_000_000;
        System.out.printf("browser: Leer %d -> %d on the open page %d ms after posting %d%n", page.before(), after,
                millis, more);
        page.assertNotReloaded();
        assertThat(browser.findElement(By.id("last-updated")).getText()).startsWith("Stand:");
        screenshot("overview-after");
    }

    @Test
    void a_wrong_password_is_refused_in_german() throws Exception {
        logIn("planer", "falsch");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("error"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                Boolean.TRUE.equals(js.executeScript(
                        "const f = document.querySelector('vaadin-login-form'); return f != null && f.error === true;")));
        assertThat(js.executeScript("return document.querySelector('vaadin-login-form').i18n.errorMessage.title;"))
                .isEqualTo("Anmeldung fehlgeschlagen");
        screenshot("login-error");
    }

    @Test
    void retracted_enrolments_leave_the_open_overview_without_reload() throws Exception {
        // Wesermarsch: no other test of this module posts there, so the exact figure before is the one to come back to
        OpenOverview page = openOverviewOn("03461");

        // as in the test above: more than twice maxDeviation, so up and back down are both visible on the page
        int more = 2 * page.maxDeviation() + 2;
        List<UUID> ids = IntStream.range(0, more).mapToObj(i -> UUID.randomUUID()).toList();
        String today = LocalDate.now(Region.ZONE).toString();
        assertThat(post(ids.stream().map(id -> "{\"eventId\":\"" + id + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\""
                        + today + "\",\"district\":\"" + page.ags() + "\",\"courseType\":\"INTEGRATION_COURSE\"}")
                .collect(Collectors.joining(",", "[", "]"))).statusCode()).isEqualTo(202);
        long up = page.awaitShownNear(page.exactBefore() + more);
        screenshot("overview-enrolled");

        // a retraction names the enrolment's eventId; occurredOn is the day of the retraction, district the enrolment's
        long retracted = System.nanoTime();
        assertThat(post(ids.stream().map(id -> "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"RETRACTION\",\"occurredOn\":\""
                        + today + "\",\"district\":\"" + page.ags() + "\",\"retracts\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"))).statusCode()).isEqualTo(202);
        // the ranges around exactBefore + more and exactBefore do not overlap: a number in the second is the way back
        long down = page.awaitShownNear(page.exactBefore());
        long millis = (System.nanoTime() - retracted) / 1_000_000;
        System.out.printf("browser: Wesermarsch %d -> %d -> %d on the open page, back %d ms after retracting %d%n",
                page.before(), up, down, millis, more);
        assertThat(down).isLessThan(up);
        page.assertNotReloaded();
        awaitEverythingProcessed();
        assertThat(enrolmentsOf(page.ags())).as("the exact figure is back where it was").isEqualTo(page.exactBefore());
        screenshot("overview-retracted");
    }

    /**
     * Posts 4 enrolments to {@code ags} (so it shows a number, not "keine Meldungen"), waits for them in the
     * exact figures, logs in and opens the overview, and marks the page's JavaScript state: a reload would
     * wipe the mark.
     */
    private OpenOverview openOverviewOn(String ags) throws Exception {
        long prior = Math.max(0, enrolmentsOf(ags));
        assertThat(post(enrolments(ags, 4)).statusCode()).isEqualTo(202);
        long exactBefore = awaitEnrolments(ags, v -> v >= prior + 4, Duration.ofSeconds(30))[0];
        int maxDeviation = ReadApi.maxDeviation(URI.create("http://localhost:" + port));
        assertThat(maxDeviation).as("the published figures are perturbed").isPositive();

        logIn("planer", "planer");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        By count = By.cssSelector("span[data-ags='" + ags + "']");
        wait.until(d -> !d.findElement(count).getText().isBlank());
        long before = parse(browser.findElement(count).getText());
        assertThat(Math.abs(before - exactBefore)).as("published beside exact").isLessThanOrEqualTo(maxDeviation);
        ((JavascriptExecutor) browser).executeScript("window.__noReload = 'still here';");
        return new OpenOverview(ags, count, wait, (JavascriptExecutor) browser, exactBefore, before, maxDeviation);
    }

    /** The overview open on a district's count, as {@link #openOverviewOn} left it. */
    private record OpenOverview(String ags, By count, WebDriverWait push, JavascriptExecutor page, long exactBefore,
                                long before, int maxDeviation) {

        /** Waits until the page shows a number at most maxDeviation off {@code exact}, by push; returns it. */
        long awaitShownNear(long exact) {
            return push.until(d -> {
                long shown = parse(d.findElement(count).getText());
                return Math.abs(shown - exact) <= maxDeviation ? shown : null;
            });
        }

        void assertNotReloaded() {
            assertThat(page.executeScript("return window.__noReload;")).isEqualTo("still here");
        }
    }

    private static long parse(String text) {
        String digits = text.replace(".", "").trim();
        return digits.matches("\\d+") ? Long.parseLong(digits) : -1;
    }
}
