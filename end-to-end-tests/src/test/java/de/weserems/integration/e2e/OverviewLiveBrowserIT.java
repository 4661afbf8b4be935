package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import de.weserems.integration.testsupport.ReadApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
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
        String leer = "03457";
        // other tests of this module post to Leer too: wait for these 4 on top of what is there
        long prior = Math.max(0, enrolmentsOf(leer));
        assertThat(post(enrolments(leer, 4)).statusCode()).isEqualTo(202);
        long exactBefore = awaitEnrolments(leer, v -> v >= prior + 4, Duration.ofSeconds(30))[0];
        int maxDeviation = ReadApi.maxDeviation(URI.create("http://localhost:" + port));
        assertThat(maxDeviation).as("the published figures are perturbed").isPositive();

        logIn("planer", "planer");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        By leerCount = By.cssSelector("span[data-ags='" + leer + "']");
        WebElement cell = wait.until(d -> d.findElement(leerCount));
        wait.until(d -> !d.findElement(leerCount).getText().isBlank());
        long before = parse(cell.getText());
        assertThat(browser.findElement(By.id("demo-data-notice")).getText()).isNotBlank();
        screenshot("overview-before");

        // a marker in the page's JavaScript state: a reload would wipe it
        ((JavascriptExecutor) browser).executeScript("window.__noReload = 'still here';");
        long posted = System.nanoTime();
        // the page shows published figures, each at most maxDeviation off the true count: posting more than
        // twice that many makes the move visible whatever the deviations before and after
        int more = 2 * maxDeviation + 2;
        assertThat(Math.abs(before - exactBefore)).as("published beside exact").isLessThanOrEqualTo(maxDeviation);
        assertThat(post(enrolments(leer, more)).statusCode()).isEqualTo(202);

        long after = wait.until(d -> {
            long shown = parse(d.findElement(leerCount).getText());
            return Math.abs(shown - (exactBefore + more)) <= maxDeviation ? shown : null;
        });
        assertThat(after).isGreaterThan(before);
        long millis = (System.nanoTime() - posted) / 1_000_000;
        System.out.printf("browser: Leer %d -> %d on the open page %d ms after posting %d%n", before, after, millis, more);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__noReload;")).isEqualTo("still here");
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
        String wesermarsch = "03461";
        // a few enrolments first, so the district is reported (a number, not "keine Meldungen") when the page opens
        long prior = Math.max(0, enrolmentsOf(wesermarsch));
        assertThat(post(enrolments(wesermarsch, 4)).statusCode()).isEqualTo(202);
        long exactBefore = awaitEnrolments(wesermarsch, v -> v >= prior + 4, Duration.ofSeconds(30))[0];
        int maxDeviation = ReadApi.maxDeviation(URI.create("http://localhost:" + port));
        assertThat(maxDeviation).as("the published figures are perturbed").isPositive();

        logIn("planer", "planer");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        By count = By.cssSelector("span[data-ags='" + wesermarsch + "']");
        WebElement cell = wait.until(d -> d.findElement(count));
        wait.until(d -> !d.findElement(count).getText().isBlank());
        long before = parse(cell.getText());
        assertThat(Math.abs(before - exactBefore)).as("published beside exact").isLessThanOrEqualTo(maxDeviation);
        ((JavascriptExecutor) browser).executeScript("window.__noReload = 'still here';");

        // as in the test above: more than twice maxDeviation, so up and back down are both visible on the page
        int more = 2 * maxDeviation + 2;
        List<UUID> ids = IntStream.range(0, more).mapToObj(i -> UUID.randomUUID()).toList();
        String today = LocalDate.now(Region.ZONE).toString();
        assertThat(post(ids.stream().map(id -> "{\"eventId\":\"" + id + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\""
                        + today + "\",\"district\":\"" + wesermarsch + "\",\"courseType\":\"INTEGRATION_COURSE\"}")
                .collect(Collectors.joining(",", "[", "]"))).statusCode()).isEqualTo(202);
        long up = wait.until(d -> {
            long shown = parse(d.findElement(count).getText());
            return Math.abs(shown - (exactBefore + more)) <= maxDeviation ? shown : null;
        });
        screenshot("overview-enrolled");

        // a retraction names the enrolment's eventId; occurredOn is the day of the retraction, district the enrolment's
        long retracted = System.nanoTime();
        assertThat(post(ids.stream().map(id -> "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"RETRACTION\",\"occurredOn\":\""
                        + today + "\",\"district\":\"" + wesermarsch + "\",\"retracts\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"))).statusCode()).isEqualTo(202);
        // the ranges around exactBefore + more and exactBefore do not overlap: a number in the second is the way back
        long down = wait.until(d -> {
            long shown = parse(d.findElement(count).getText());
            return Math.abs(shown - exactBefore) <= maxDeviation ? shown : null;
        });
        long millis = (System.nanoTime() - retracted) / 1_000_000;
        System.out.printf("browser: Wesermarsch %d -> %d -> %d on the open page, back %d ms after retracting %d%n",
                before, up, down, millis, more);
        assertThat(down).isLessThan(up);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__noReload;")).isEqualTo("still here");
        awaitEverythingProcessed();
        assertThat(enrolmentsOf(wesermarsch)).as("the exact figure is back where it was").isEqualTo(exactBefore);
        screenshot("overview-retracted");
    }

    private static long parse(String text) {
        String digits = text.replace(".", "").trim();
        return digits.matches("\\d+") ? Long.parseLong(digits) : -1;
    }
}
