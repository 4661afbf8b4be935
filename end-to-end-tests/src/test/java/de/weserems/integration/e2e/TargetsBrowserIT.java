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
 * a reload; its table marks the district.
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
        WebElement mark = wait.until(d -> d.findElements(By.cssSelector("span[data-breach='" + CLOPPENBURG + "']"))
                .stream().findFirst().orElse(null));
        assertThat(mark.getText()).as("the table marks the district").isEqualTo("Ziel verfehlt");
        wait.until(d -> CLOPPENBURG.equals(d.findElement(By.tagName("district-map"))
                .getDomAttribute("data-breached-districts")));
        assertThat(js.executeScript("return window.__noReload;")).as("no reload").isEqualTo("still here");
        js.executeScript("document.getElementById('alerts').scrollIntoView({block: 'center'});");
        screenshot("targets-breach-on-overview");
    }

    /**
     * Opens the Vaadin select {@code id} and clicks the item labelled {@code label}, wherever the overlay
     * renders it (light or shadow DOM).
     */
    private void choose(WebDriverWait wait, String id, String label) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> d.findElement(By.id(id)));
        js.executeScript("document.getElementById(arguments[0]).opened = true;", id);
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
                const deep = (root) => [...root.querySelectorAll('*')].flatMap(e =>
                    e.shadowRoot ? [e, ...deep(e.shadowRoot)] : [e]);
                const item = deep(document).find(e => e.localName === 'vaadin-select-item'
                    && e.textContent.trim() === arguments[0]);
                if (!item) return false;
                item.click();
                return true;
                """, label)));
        wait.until(d -> Boolean.FALSE.equals(js.executeScript(
                "return document.getElementById(arguments[0]).opened;", id)));
        wait.until(d -> !String.valueOf(js.executeScript("return document.getElementById(arguments[0]).value;", id))
                .isEmpty());
    }
}
