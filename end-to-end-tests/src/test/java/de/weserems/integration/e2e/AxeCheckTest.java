package de.weserems.integration.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The axe check itself, on two small pages in Chromium (no application): a page with faint text and an
 * image without a text fails, naming each violation's rule, impact, element and help, and its result is
 * written whole; the same page made right passes.
 */
class AxeCheckTest {

    private WebDriver browser;

    @BeforeEach
    void open() {
        browser = BrowserTestBase.startChromium();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void a_serious_violation_fails_with_rule_impact_element_and_help() throws Exception {
        browser.get(page("faint", "<p id=\"faint\" style=\"color:#bbb;background:#fff\">Kaum zu lesen</p>"
                + "<img id=\"chart\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"));
        assertThatThrownBy(() -> AxeCheck.assertNoSeriousViolation(browser, "axe-check-faint"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("- color-contrast [serious] [#faint]: Elements must meet minimum color contrast")
                .hasMessageContaining("- image-alt [critical] [#chart]: Images must have alternative text")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/");
        assertThat(Path.of("target", "axe", "axe-check-faint.json")).content()
                .contains("\"violations\"").contains("color-contrast").contains("image-alt");
    }

    @Test
    void the_page_made_right_passes() throws Exception {
        browser.get(page("right", "<p id=\"faint\" style=\"color:#333;background:#fff\">Gut zu lesen</p>"
                + "<img id=\"chart\" alt=\"Diagramm\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"));
        assertThat(AxeCheck.assertNoSeriousViolation(browser, "axe-check-right").getViolations())
                .noneMatch(rule -> rule.getId().equals("color-contrast") || rule.getId().equals("image-alt"));
    }

    private static String page(String name, String body) throws Exception {
        Path file = Path.of("target", "axe-pages", name + ".html").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + name
                + "</title></head><body><main><h1>Test</h1>" + body + "</main></body></html>");
        return file.toUri().toString();
    }
}
