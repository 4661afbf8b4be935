package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view a role can open, with figures present, in a real Chromium under axe-core's WCAG 2.1 A/AA
 * rules ({@link AxeCheck}): first in German, then in English after the language switch; no serious or
 * critical violation on any, and no German words left on an English page. Each page's title and
 * {@code <html lang>} follow the language, the title being the bundle's text for the view. The
 * results: {@code target/axe/<view>-<language>.json}.
 */
class AccessibilityBrowserIT extends BrowserTestBase {

    /** A view (an admin may open every one): its name in the results, its path and its title's key. */
    private record View(String name, String path, String titleKey) {
    }

    private static final List<View> VIEWS = views();

    private static List<View> views() {
        YearMonth now = YearMonth.now(Region.ZONE);
        return List.of(new View("overview", "", "nav.overview"),
                new View("landkreis", "landkreis/03454", "nav.district"),
                new View("vergleich", "vergleich?kreise=03454,03457&from=" + now.minusMonths(2) + "&to=" + now,
                        "nav.compare"),
                // before two districts are chosen: the comparison's empty state
                new View("vergleich-leer", "vergleich", "nav.compare"),
                new View("foerderkette", "foerderkette", "nav.chain"),
                new View("zugang", "zugang", "nav.access"),
                new View("methodik", "methodik", "nav.methodology"),
                new View("berechnung", "berechnung", "nav.engine"),
                new View("ziele", "ziele", "nav.targets"),
                new View("datenlieferungen", "datenlieferungen", "nav.deliveries"),
                new View("anbieter-verwaltung", "anbieter-verwaltung", "nav.providerAdmin"),
                new View("hochladen", "hochladen", "nav.upload"),
                new View("meine-lieferungen", "meine-lieferungen", "nav.myDeliveries"));
    }

    /** Words only German has, to find a text left German on an English page (names of places aside). */
    private static final java.util.regex.Pattern GERMAN_WORDS =
            java.util.regex.Pattern.compile("(?U)\\b(und|nicht|keine|oder|für|mit|der|die|das|ist|werden|Zahlen|Anzahl)\\b");

    @Test
    void every_view_in_german_and_english_has_no_serious_wcag_violation_and_follows_the_language() throws Exception {
        assertThat(post(enrolments("03454", 30)).statusCode()).isEqualTo(202);
        assertThat(post(enrolments("03457", 20)).statusCode()).isEqualTo(202);
        assertThat(post(enrolments("03459", 12)).statusCode()).isEqualTo(202);
        awaitEnrolments("03454", v -> v >= 30, Duration.ofSeconds(60));
        List<String> failures = new ArrayList<>();

        browser.get(url("login"));
        check("login", "login.title", "de", failures);
        logIn("admin", "admin");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("login"));
        for (View view : VIEWS) {
            browser.get(url(view.path()));
            check(view.name(), view.titleKey(), "de", failures);
        }

        awaitVaadinIdle();
        browser.findElement(By.id("language")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "en".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.lang;")));
        for (View view : VIEWS) {
            browser.get(url(view.path()));
            check(view.name(), view.titleKey(), "en", failures);
        }
        // the login page, reached in a session that chose English, is in English too
        browser.get(url("login"));
        check("login", "login.title", "en", failures);

        assertThat(failures).as("views that failed").isEmpty();
    }

    /**
     * Waits for the view (its translated title and no request under way), checks its title and
     * language, runs axe; a failure is kept so that one run lists every view's violations.
     */
    private void check(String name, String titleKey, String language, List<String> failures) throws Exception {
        Properties bundle = bundle(language);
        String title = bundle.getProperty("app.pageTitle").replace("{0}", bundle.getProperty(titleKey));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            wait.until(d -> title.equals(d.getTitle()));
        } catch (org.openqa.selenium.TimeoutException e) {
            failures.add(name + " (" + language + "): title \"" + browser.getTitle() + "\", expected \"" + title + "\"");
            return;
        }
        awaitVaadinIdle();
        if (name.equals("overview")) {
            wait.until(d -> d.findElement(By.cssSelector("district-map[data-rendered-districts='17']")));
        }
        Object lang = ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang;");
        if (!language.equals(lang)) {
            failures.add(name + " (" + language + "): <html lang=\"" + lang + "\">");
        }
        if (language.equals("en")) {
            String text = (String) ((JavascriptExecutor) browser).executeScript("return document.body.innerText;");
            java.util.regex.Matcher german = GERMAN_WORDS.matcher(text);
            if (german.find()) {
                int from = Math.max(0, german.start() - 60);
                failures.add(name + " (en): German text \"…" + text.substring(from, Math.min(text.length(),
                        german.end() + 60)).replace('\n', ' ') + "…\"");
            }
        }
        screenshot("axe-" + name + "-" + language);
        try {
            assertAccessible(name + "-" + language);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    private static Properties bundle(String language) throws Exception {
        try (InputStream in = AccessibilityBrowserIT.class.getResourceAsStream("/vaadin-i18n/translations_" + language
                + ".properties")) {
            assertThat(in).as("bundle %s", language).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
