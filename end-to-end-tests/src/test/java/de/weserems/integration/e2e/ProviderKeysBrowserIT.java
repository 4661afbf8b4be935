package de.weserems.integration.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys without a restart, in a real Chromium against a running ingest-service: an admin creates a provider in
 * Anbieter-Verwaltung and issues a key, which works at the ingest API within seconds; after the admin revokes it,
 * the next call gets 401. The key page is photographed for the docs.
 */
class ProviderKeysBrowserIT extends BrowserTestBase {

    /** Leer: the provider may report there and only there. */
    private static final String LEER = "03457";

    @Test
    void an_admin_issues_a_key_that_works_at_once_and_after_revoking_it_the_next_call_gets_401() throws Exception {
        logIn("admin", "admin");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.id("district-table")).size() == 1);
        browser.get(url("anbieter-verwaltung"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String id = "vhs-" + UUID.randomUUID().toString().substring(0, 6);
        wait.until(d -> d.findElement(By.cssSelector("#provider-id input"))).sendKeys(id);
        browser.findElement(By.cssSelector("#provider-name input")).sendKeys("VHS Leer (Test)");
        js.executeScript("document.getElementById('provider-districts').opened = true;");
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
                const deep = (root) => [...root.querySelectorAll('*')].flatMap(e =>
                    e.shadowRoot ? [e, ...deep(e.shadowRoot)] : [e]);
                const item = deep(document).find(e => e.localName === 'vaadin-multi-select-combo-box-item'
                    && e.textContent.trim() === 'Leer');
                if (!item) return false;
                item.click();
                return true;
                """)));
        js.executeScript("document.getElementById('provider-districts').opened = false;");
        browser.findElement(By.id("provider-save")).click();

        wait.until(d -> d.findElement(By.id("key-issue")).isDisplayed());
        browser.findElement(By.id("key-issue")).click();
        String key = wait.until(d -> {
            Object value = js.executeScript("const f = document.getElementById('key-new'); return f ? f.value : null;");
            return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
        });
        screenshot("provider-keys");

        long issued = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(postWith(key).statusCode()).isEqualTo(202));
        System.out.printf("key worked at ingest %d ms after it was issued%n", (System.nanoTime() - issued) / 1_000_000);

        wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
                const b = [...document.querySelectorAll('#key-table vaadin-button')]
                    .find(e => e.textContent.trim() === 'Sperren');
                if (!b) return false;
                b.click();
                return true;
                """)));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(postWith(key).statusCode()).isEqualTo(401));
        wait.until(d -> String.valueOf(js.executeScript(
                "return document.getElementById('key-table').textContent;")).contains("gesperrt am"));
        screenshot("provider-keys-revoked");
    }

    private HttpResponse<String> postWith(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(ingest.eventsUri())
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(enrolments(LEER, 1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
