package de.weserems.integration.dashboard.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * In a real Chromium: log in, open the overview, post enrolments to ingest-service, and see the
 * district's number change by server push, without a reload. Screenshots go to {@code target/screenshots}.
 */
class OverviewLiveBrowserIT extends EndToEndTestBase {

    private WebDriver browser;

    @BeforeEach
    void openChromium() {
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
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void a_posted_enrolment_changes_the_open_overview_without_reload() throws Exception {
        String leer = "03457";
        // enough to be shown (not withheld) from the start
        assertThat(post(enrolments(leer, 4)).statusCode()).isEqualTo(202);
        awaitEnrolments(leer, v -> v >= 4, Duration.ofSeconds(30));

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
        assertThat(post(enrolments(leer, 2)).statusCode()).isEqualTo(202);

        wait.until(d -> parse(d.findElement(leerCount).getText()) == before + 2);
        long millis = (System.nanoTime() - posted) / 1_000_000;
        System.out.printf("browser: Leer %d -> %d on the open page %d ms after posting%n", before, before + 2, millis);
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

    private void logIn(String user, String password) {
        browser.get("http://localhost:" + port + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement name = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field[name='username'] input")));
        name.sendKeys(user);
        WebElement pass = browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
        pass.sendKeys(password, Keys.ENTER);
    }

    private static long parse(String text) {
        String digits = text.replace(".", "").trim();
        return digits.matches("\\d+") ? Long.parseLong(digits) : -1;
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
