package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts in a real Chromium: the district page draws its months as an SVG line chart with labelled
 * axes, whose tooltip the keyboard alone opens; Vergleich draws a bar chart per indicator with the region
 * as a reference line. Screenshots {@code chart-district.png} and {@code chart-compare.png}.
 */
class ChartsBrowserIT extends BrowserTestBase {

    /** The texts a chart's SVG draws (axis labels, axis title, legend, reference line). */
    private static final String SVG_TEXTS = """
            return [...arguments[0].querySelectorAll('svg text')].map(t => t.textContent.trim()).filter(t => t);
            """;

    @Test
    void the_months_of_a_district_and_the_comparison_are_drawn_as_charts_with_axes_and_tooltips() throws Exception {
        assertThat(post(enrolments("03454", 30)).statusCode()).isEqualTo(202);
        assertThat(post(enrolments("03457", 20)).statusCode()).isEqualTo(202);
        awaitEnrolments("03454", v -> v >= 30, Duration.ofSeconds(30));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        logIn("planer", "planer");
        wait.until(d -> d.findElement(By.cssSelector("district-map[data-rendered-districts='17']")));

        YearMonth now = YearMonth.now(Region.ZONE);
        browser.get(url("landkreis/03454?from=" + now.minusMonths(11) + "&to=" + now));
        WebElement months = wait.until(d -> d.findElement(
                By.cssSelector("series-chart#district-months-chart[data-rendered-categories='12']")));
        List<String> texts = wait.until(d -> svgTexts(js, months).contains("Anzahl") ? svgTexts(js, months) : null);
        assertThat(texts).as("axis title, legend and month labels")
                .contains("Anzahl", "Kursanmeldungen", "Kursabschlüsse")
                .anyMatch(t -> t.matches("[A-Z][a-zä]+\\.? " + now.getYear()))
                .anyMatch(t -> t.matches("\\d+"));
        assertThat(months.getAttribute("aria-label")).startsWith("Liniendiagramm: Kursanmeldungen");
        assertThat(months.getAttribute("tabindex")).isEqualTo("0");

        // the keyboard alone: focus the chart, walk to the last month, its tooltip names the values as published
        js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", months);
        months.sendKeys(Keys.END);
        String tooltip = wait.until(d -> {
            String text = months.getText();
            return text.contains("Kursanmeldungen:") ? text : null;
        });
        assertThat(tooltip).as("tooltip of the last month").containsPattern("Kursanmeldungen: [1-9]\\d*");
        assertThat(months.getAttribute("data-focused-category")).isEqualTo("11");
        screenshot("chart-district");

        browser.get(url("vergleich?kreise=03454,03457&from=" + now.minusMonths(2) + "&to=" + now));
        List<WebElement> charts = wait.until(d -> {
            List<WebElement> drawn = d.findElements(By.cssSelector("#compare-charts series-chart[data-rendered-categories='2']"));
            return drawn.size() == 6 ? drawn : null;
        });
        WebElement enrolments = charts.getFirst();
        List<String> bars = wait.until(d -> svgTexts(js, enrolments).stream().anyMatch(t -> t.startsWith("Weser-Ems: "))
                ? svgTexts(js, enrolments) : null);
        assertThat(bars).as("district names on the axis, the region's reference line, the value axis's title")
                .contains("Emsland", "Leer", "Kursanmeldungen je 10.000 Einw.")
                .anyMatch(t -> t.matches("Weser-Ems: \\d+,\\d"));
        screenshot("chart-compare");

        // the 12 Landkreise side by side: the transposed table fits 1440 px, no header or cell is cut
        browser.get(url("vergleich?kreise=" + String.join(",", "03451", "03452", "03453", "03454", "03455", "03456",
                "03457", "03458", "03459", "03460", "03461", "03462") + "&from=" + now.minusMonths(2) + "&to=" + now));
        WebElement table = wait.until(d -> d.findElements(By.cssSelector("#compare-charts series-chart"
                + "[data-rendered-categories='12']")).size() == 6 ? d.findElement(By.id("compare-table")) : null);
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", table);
        @SuppressWarnings("unchecked")
        List<String> cut = wait.until(d -> (List<String>) js.executeScript(CUT_CELLS, table));
        assertThat(cut).as("headers and cells cut at 1440 px").isEmpty();
        screenshot("compare-table-landkreise");
    }

    /**
     * The texts of a grid's header and body cells wider than their cell, or {@code null} before the grid shows
     * its 13 columns (indicator, 12 Landkreise, region).
     */
    private static final String CUT_CELLS = """
            const grid = arguments[0];
            const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')];
            if (grid.shadowRoot.querySelectorAll('thead tr:last-child th').length !== 14 || cells.length < 14 * 2) return null;
            return cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim());
            """;

    @SuppressWarnings("unchecked")
    private static List<String> svgTexts(JavascriptExecutor js, WebElement chart) {
        return (List<String>) js.executeScript(SVG_TEXTS, chart);
    }
}
