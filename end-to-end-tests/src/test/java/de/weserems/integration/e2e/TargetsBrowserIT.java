package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets in a real Chromium: an admin sets a target on a district in Ziele, opens the overview, events
 * posted to ingest-service miss the target, and the overview's "Hinweise" show the breach by push, without
 * a reload.
 */
class TargetsBrowserIT extends BrowserTestBase {

    /** Cloppenburg: no other test of this module posts there, so its completion rate is this test's alone. */
    private static final String CLOPPENBURG = "03453";

    @Test
    void an_admin_sets_a_target_posted_events_miss_it_and_the_open_overview_shows_the_breach() throws Exception {
        logIn("admin", "admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.id("district-table")).size() == 1);
        browser.get(url("ziele"));
        choose(wait, "target-indicator", "Abschlussquote");
        choose(wait, "target-area", "Cloppenburg");
        choose(wait, "target-comparison", "mindestens");
        browser.findElement(By.cssSelector("#target-threshold input")).sendKeys("99");
        browser.findElement(By.id("target-set")).click();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> String.valueOf(js.executeScript(
                "const g = document.getElementById('target-table'); return g ? g.textContent : '';"))
                .contains("mindestens 99 %"));
        screenshot("targets-set");

        browser.get(url(""));
        wait.until(d -> d.findElements(By.id("alerts")).size() == 1);
        js.executeScript("window.__noReload = 'still here';");

        // 12 passed and 12 dropped out: a completion rate of about half, on enough cases to be published
        String today = LocalDate.now(Region.ZONE).toString();
        String events = IntStream.range(0, 24).mapToObj(i -> "{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"COURSE_COMPLETION\",\"occurredOn\":\"" + today + "\",\"district\":\""
                        + CLOPPENBURG + "\",\"courseType\":\"INTEGRATION_COURSE\",\"outcome\":\""
                        + (i < 12 ? "PASSED" : "DROPPED_OUT") + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        long posted = System.nanoTime();
        assertThat(post(events).statusCode()).isEqualTo(202);

        WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(
                        By.cssSelector("#alert-list li.alert-started[data-area='" + CLOPPENBURG + "']")).stream()
                .findFirst().orElse(null));
        System.out.printf("browser: the breach shows on the open overview %d ms after posting%n",
                (System.nanoTime() - posted) / 1_000_000);
        assertThat(notice.getText()).contains("Ziel verfehlt", "Cloppenburg", "Abschlussquote",
                "Ziel: mindestens 99 %", "letzte 3 Monate");
        assertThat(js.executeScript("return window.__noReload;")).as("no reload").isEqualTo("still here");
        screenshot("targets-breach-on-overview");
    }

    /** Opens the Vaadin select {@code id} and picks the item labelled {@code label}. */
    private void choose(WebDriverWait wait, String id, String label) {
        wait.until(d -> d.findElement(By.id(id))).click();
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().trim().equals(label)).findFirst().orElse(null));
        item.click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream().noneMatch(WebElement::isDisplayed));
    }
}
