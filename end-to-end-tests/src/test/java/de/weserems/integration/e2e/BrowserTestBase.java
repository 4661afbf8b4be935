package de.weserems.integration.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product in a real headless Chromium (system Chromium and ChromeDriver): log in, look at
 * pages, take screenshots into {@code target/screenshots}. Without Chromium the test is skipped
 * locally and fails in CI.
 */
abstract class BrowserTestBase extends EndToEndTestBase {

    WebDriver browser;

    @BeforeEach
    void openChromium() {
        browser = startChromium();
    }

    /** Headless Chromium at 1440 × 1000, German first; skips the test without Chromium locally, fails in CI. */
    static WebDriver startChromium() {
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String driver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        boolean present = new File(chromium).canExecute() && new File(driver).canExecute();
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("Chromium not installed (" + chromium + ", " + driver + "): "
                    + "apt-get install -y chromium chromium-driver. In CI this test fails instead.");
        }
        assertThat(present).as("Chromium and ChromeDriver at %s and %s", chromium, driver).isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000", "--lang=de-DE");
        // the browser's console, to see whether the Content-Security-Policy blocked anything
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            try {
                // Vaadin must work under the dashboard's Content-Security-Policy: nothing it loads or runs is refused
                assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                        .extracting(org.openqa.selenium.logging.LogEntry::getMessage)
                        .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
            } finally {
                browser.quit();
            }
        }
    }

    void logIn(String user, String password) {
        browser.get("http://localhost:" + port + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement name = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field[name='username'] input")));
        name.sendKeys(user);
        WebElement pass = browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
        pass.sendKeys(password, Keys.ENTER);
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** axe-core's WCAG 2.1 A/AA rules on the page shown now ({@link AxeCheck}): fails on a serious or critical violation. */
    void assertAccessible(String name) throws Exception {
        AxeCheck.assertNoSeriousViolation(browser, name);
    }

    /** Waits until Vaadin has no request under way (the page shows what the server sent). */
    void awaitVaadinIdle() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
