package pages;

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
import support.Cpu;
import support.Options;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Headless Chromium under ChromeDriver, logged in to the dashboard: what both phases do with it. Its
 * processes are children of this JVM; their PIDs go to --pids-file, so that bench/dashboard-pages can
 * stop them should this JVM be killed, and their CPU ticks are noted before they end.
 */
public final class Browser {

    private final Options opt;
    private final String url;
    private final String user;
    private final String password;
    private final Path pidsFile;
    private WebDriver driver;
    private long cpuTicks;

    public Browser(Options opt) {
        this.opt = opt;
        this.url = opt.text("url");
        String[] login = opt.text("login").split(":", 2);
        this.user = login[0];
        this.password = login[1];
        this.pidsFile = opt.path("pids-file");
    }

    WebDriver driver() {
        return driver;
    }

    /** The dashboard's address, e.g. http://localhost:38080. */
    String url() {
        return url;
    }

    void open() throws IOException {
        String chromium = opt.text("chromium");
        String chromedriver = opt.text("chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Chromium and ChromeDriver needed at " + chromium + " and " + chromedriver
                    + " (apt-get install -y chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // The flags of OverviewLiveBrowserIT.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1000", "--lang=de-DE");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().withLogFile(new File(opt.text("driver-log"))).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
        writePids();
    }

    /** The browser's processes (chromedriver, chromium and its helpers), for the script's cleanup. */
    void writePids() throws IOException {
        if (pidsFile == null) return;
        String pids = ProcessHandle.current().descendants().map(p -> String.valueOf(p.pid()))
                .collect(Collectors.joining("\n"));
        Set<String> all = new TreeSet<>(Arrays.asList(pids.split("\n")));
        if (Files.exists(pidsFile)) all.addAll(Files.readAllLines(pidsFile));
        all.remove("");
        Files.write(pidsFile, all, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** CPU ticks (utime + stime, and of waited-for children) of the browser's processes still running. */
    private static long descendantTicks() {
        return ProcessHandle.current().descendants().mapToLong(p -> Cpu.ticksWithChildren(p.pid())).sum();
    }

    /** Notes the browser's CPU ticks now, unless an earlier note was higher: closed tabs take theirs along. */
    void noteCpuTicks() {
        cpuTicks = Math.max(cpuTicks, descendantTicks());
    }

    /** The browser's CPU ticks noted last (on closing at the latest), for the script's CPU figures. */
    public long cpuTicks() {
        return cpuTicks;
    }

    /** Quits Chromium and ChromeDriver; also the shutdown hook's, so it may run twice. */
    public synchronized void close() {
        if (driver == null) return;
        if (cpuTicks == 0) cpuTicks = descendantTicks();
        try {
            driver.quit();
        } catch (Exception e) {
            System.err.println("[browser] quit failed: " + e);
        }
        driver = null;
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
    }

    void logIn() {
        driver.get(url + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        WebElement name = wait.until(d -> d.findElement(By.cssSelector("vaadin-text-field[name='username'] input")));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Logs out: ends the HTTP session, so that the server detaches its UIs. */
    void logOut() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.id("logout"))).click();
        wait.until(d -> d.getCurrentUrl().contains("/login"));
    }

    /** Waits until the current tab's overview is ready (polls {@link OverviewReady#CHECK}). */
    void awaitReady(Duration timeout) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .withMessage(() -> "the overview at " + driver.getCurrentUrl() + " did not show 17 districts")
                .until(d -> ((Number) js.executeScript(OverviewReady.CHECK)).intValue() >= 17);
    }

    /** The current tab's "Stand: ..." text, which changes with every push. */
    String lastUpdated() {
        return driver.findElement(By.id("last-updated")).getText();
    }

    void screenshot(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
