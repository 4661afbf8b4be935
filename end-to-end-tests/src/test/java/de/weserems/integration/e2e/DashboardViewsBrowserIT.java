package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import de.weserems.integration.testsupport.ChainStories;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The views in a real Chromium: the map draws the 17 districts and a click on one opens its page, which
 * shows the breakdowns of contract v2 posted through ingest (German, and English after the switch); a
 * deep link reproduces the comparison, whose CSV download holds what the page shows; a screenshot
 * of every main view. A planner sees who waits now on the access page and the funding flow of a district on
 * the chain page, as the read API publishes them, after entitlements, enrolments, course starts and
 * completions with a funding source were posted through ingest.
 */
class DashboardViewsBrowserIT extends BrowserTestBase {

    /** The cells of a vaadin-grid's body rows, as the browser shows them. */
    private static final String GRID_ROWS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid || !grid.shadowRoot) return [];
            return [...grid.shadowRoot.querySelectorAll('tbody tr')]
              .filter(tr => !tr.hidden && tr.style.display !== 'none')
              .map(tr => [...tr.querySelectorAll('td')].map(td => {
                const slot = td.querySelector('slot');
                const content = slot ? slot.assignedElements()[0] : td._content;
                return content ? content.textContent.trim() : '';
              }))
              .filter(row => row.some(cell => cell !== ''));
            """;

    @Test
    void the_map_opens_a_district_and_a_compare_link_reproduces_the_view_and_its_csv() throws Exception {
        assertThat(post(contractV2("03454")).statusCode()).isEqualTo(202);
        assertThat(post(enrolments("03454", 30)).statusCode()).isEqualTo(202);
        assertThat(post(enrolments("03457", 20)).statusCode()).isEqualTo(202);
        awaitEnrolments("03454", v -> v >= 30, Duration.ofSeconds(30));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        logIn("planer", "planer");
        WebElement map = wait.until(d -> d.findElement(By.cssSelector("district-map[data-rendered-districts='17']")));
        wait.until(d -> !d.findElement(By.id("region-enrolments")).getText().isBlank());
        screenshot("overview");

        hover(js, map, "03454");
        new Actions(browser).click().perform();
        wait.until(d -> d.getCurrentUrl().contains("/landkreis/03454"));
        wait.until(d -> d.findElement(By.tagName("h2")).getText().equals("Emsland"));
        wait.until(d -> !rows(js, "district-figures").isEmpty());
        // the provider that posted above reports for Emsland (from ingest's audit, which may trail the figures)
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            if (d.findElement(By.id("district-providers")).getText().contains("demo (zuletzt ")) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        // the breakdowns of contract v2: the target level reached as a rate of the examined, the funding sources
        // (shown once the events are counted: the page follows by push)
        List<String> firstAttempt = awaitRow(js, "district-target-level", "Erstversuch", "\\d+,\\d % von \\d+");
        assertThat(firstAttempt.get(2)).as("Weser-Ems, first attempt").matches("\\d+,\\d % von \\d+");
        List<String> intv = awaitRow(js, "district-funding", "BAMF – Integrationskursverordnung", "[1-9]\\d*");
        assertThat(intv.subList(1, 5)).as("enrolments and completions, Emsland and Weser-Ems")
                .allMatch(cell -> cell.matches("[1-9]\\d*"));
        assertThat(rows(js, "district-funding").getLast().getFirst()).isEqualTo("ohne Angabe");
        screenshot("district-emsland");
        js.executeScript("document.getElementById('district-target-level').scrollIntoView({block: 'center'});");
        screenshot("district-emsland-breakdowns");

        // the map's legend and tooltip write numbers as the page does: German "0,9", English "0.9"
        browser.get(url("?indikator=enrolments&modus=je10000"));
        WebElement perTenThousand = wait.until(d -> d.findElement(By.cssSelector("district-map[data-rendered-districts='17']")));
        String legend = wait.until(d -> mapTexts(js, perTenThousand).contains("hoch: ") ? mapTexts(js, perTenThousand) : null);
        assertThat(legend).as("legend of the map").containsPattern("hoch: \\d+,\\d\\b").containsPattern("niedrig: \\d+,\\d\\b")
                .doesNotContainPattern("(hoch|niedrig): \\d+\\.\\d\\b");
        hover(js, perTenThousand, "03454");
        String tooltip = wait.until(d -> mapTexts(js, perTenThousand).contains("Emsland") ? mapTexts(js, perTenThousand) : null);
        assertThat(tooltip).as("tooltip of Emsland").containsPattern("Emsland[\\s\\S]*je 10\\.000[^:]*: \\d+,\\d\\b");
        screenshot("overview-map-tooltip");

        YearMonth now = YearMonth.now(Region.ZONE);
        browser.get(url("vergleich?kreise=03454,03457&from=" + now.minusMonths(2) + "&to=" + now));
        // the indicators as rows, the districts and the region as columns
        wait.until(d -> rows(js, "compare-table").size() == 6);
        List<List<String>> shown = rows(js, "compare-table");
        assertThat(shown.get(0).getFirst()).isEqualTo("Kursanmeldungen je 10.000 Einw.");
        assertThat(headers(js, "compare-table")).containsExactly("Kennzahl", "Emsland", "Leer", "Weser-Ems");
        assertThat(js.executeScript("return document.getElementById('filter-from').value;"))
                .as("the period of the link is the one shown").isNotNull();
        screenshot("compare");

        String href = browser.findElement(By.id("vergleich-csv")).getAttribute("href");
        String csv = (String) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));
                """, href);
        List<String> lines = new ArrayList<>(Arrays.asList(csv.replace("\uFEFF", "").split("\r?\n")));
        // the page's title and what is shown (period, course type, the legend), then the table
        assertThat(lines.getFirst()).isEqualTo("Vergleich");
        while (!lines.isEmpty() && !lines.getFirst().startsWith("Kennzahl;")) {
            lines.removeFirst();
        }
        assertThat(lines).as("CSV from %s: %s", href, csv).isNotEmpty();
        assertThat(lines.removeFirst()).startsWith("Kennzahl;Emsland (03454);");
        assertThat(lines).as("CSV from %s: %s", href, csv).hasSize(shown.size());
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(";", -1)));
            assertThat(cells.removeFirst()).as("CSV row %d: the indicator", i).startsWith(shown.get(i).getFirst());
            // a district's cell "3,1 (+2,6)" is two columns in the CSV: the figure and the difference
            List<String> page = new ArrayList<>();
            List<String> row = shown.get(i);
            for (int c = 1; c < row.size() - 1; c++) {
                int bracket = row.get(c).indexOf(" (");
                page.add(asInCsv(bracket < 0 ? row.get(c) : row.get(c).substring(0, bracket)));
                page.add(bracket < 0 ? "" : asInCsv(row.get(c).substring(bracket + 2, row.get(c).length() - 1)));
            }
            page.add(asInCsv(row.getLast()));
            assertThat(cells).as("CSV row %d against the page", i).containsExactlyElementsOf(page);
        }

        browser.get(url("foerderkette"));
        wait.until(d -> rows(js, "chain-table").size() == 18);
        screenshot("chain");
        browser.get(url("methodik"));
        wait.until(d -> d.findElement(By.id("source-boundaries")).getText().contains("GeoBasis-DE"));
        screenshot("methodology");

        // the language switch: German by default, English for the rest of the session after one click
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Methodik");
        browser.findElement(By.id("language")).click();
        // the page reloads: an element found just before may be gone a moment later; Chromium reports that
        // as a stale element or (156.0.8078.108) as "Node with given id does not belong to the document",
        // a plain WebDriverException; a wait that never holds still fails with the last of them
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        wait.until(d -> d.findElement(By.tagName("h2")).getText().equals("Methodology"));
        browser.get(url(""));
        wait.until(d -> d.findElement(By.tagName("h2")).getText().equals("Overview"));
        screenshot("overview-english");
        browser.get(url("?indikator=enrolments&modus=je10000"));
        WebElement english = wait.until(d -> d.findElement(By.cssSelector("district-map[data-rendered-districts='17']")));
        String englishLegend = wait.until(d -> mapTexts(js, english).contains("high: ") ? mapTexts(js, english) : null);
        assertThat(englishLegend).as("legend of the map in English").containsPattern("high: \\d+\\.\\d\\b")
                .doesNotContainPattern("(high|low): \\d+,\\d\\b");
        browser.get(url("landkreis/03454"));
        assertThat(awaitRow(js, "district-target-level", "First attempt", "\\d+\\.\\d % of \\d+").get(2))
                .as("Weser-Ems, first attempt, in English").matches("\\d+\\.\\d % of \\d+");
        assertThat(awaitRow(js, "district-funding", "BAMF – integration course ordinance", "[1-9]\\d*").get(3))
                .as("completions funded by the BAMF in Emsland").matches("[1-9]\\d*");
        js.executeScript("document.getElementById('district-target-level').scrollIntoView({block: 'center'});");
        screenshot("district-emsland-breakdowns-english");
    }

    /** The header cells of a vaadin-grid, as the browser shows them. */
    private static final String GRID_HEADERS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid || !grid.shadowRoot) return [];
            return [...grid.shadowRoot.querySelectorAll('thead tr:last-child th')].map(th => {
              const slot = th.querySelector('slot');
              const content = slot ? slot.assignedElements()[0] : th._content;
              return content ? content.textContent.trim() : '';
            });
            """;

    /** Cloppenburg: no other end-to-end test posts there, so its exact figures are this test's alone. */
    private static final String CLOPPENBURG = "03453";

    @Test
    void a_planner_sees_who_waits_now_and_the_funding_flow_of_a_district_as_the_read_api_publishes_them()
            throws Exception {
        LocalDate today = LocalDate.now(Region.ZONE);
        assertThat(post(chainEvents(today)).statusCode()).isEqualTo(202);
        // what the events imply, exactly (role STATISTICS); see chainEvents
        Map<String, Long> implied = new TreeMap<>(Map.of("waitingNow.waiting", 18L,
                "access.waitingTimeCases", 8L, "access.accessTimeCases", 8L,
                "fundingGaps.wentOn", 16L, "fundingGaps.gaps", 5L,
                "fundingGaps.bySource.BAMF_DEUFOEV.wentOn", 16L, "fundingGaps.bySource.BAMF_DEUFOEV.gaps", 5L,
                "fundingGaps.flow.BAMF_DEUFOEV.PLACEMENT", 10L, "fundingGaps.flow.BAMF_DEUFOEV.ESF_PLUS", 6L));
        YearMonth from = YearMonth.from(today.minusDays(150));
        YearMonth to = YearMonth.now(Region.ZONE);
        await().alias("the exact figures of Cloppenburg").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> inCloppenburg(ChainStories.figures(indicators(from, to))), implied::equals);
        // what a planner is shown: the published figures, which the page must show as they are
        JsonNode published = area(published(from, to), CLOPPENBURG);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        logIn("planer", "planer");
        wait.until(d -> d.findElement(By.cssSelector("district-map[data-rendered-districts='17']")));

        browser.get(url("zugang?from=" + from + "&to=" + to));
        List<String> headers = wait.until(d -> headers(js, "access-table").contains("Wartende jetzt")
                ? headers(js, "access-table") : null);
        String waitingNow = published.at("/waitingNow/waiting").isNumber()
                ? german(published.at("/waitingNow/waiting").asLong()) : "–";
        List<String> row = awaitRow(js, "access-table", "Cloppenburg", ".*");
        assertThat(row.get(headers.indexOf("Wartende jetzt"))).as("waiting now in Cloppenburg, published %s",
                published.get("waitingNow")).isEqualTo(waitingNow).isNotEqualTo("–");
        screenshot("access-view");

        browser.get(url("foerderkette?from=" + from + "&to=" + to));
        WebElement area = wait.until(d -> d.findElement(By.cssSelector("vaadin-combo-box#funding-flow-area input")));
        area.sendKeys("Cloppenburg");
        // Enter takes the item whose name was typed once the list is open (it filters on the server)
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box#funding-flow-area[opened]")).isEmpty());
        area.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> d.findElement(By.xpath("//h3[contains(., 'Finanzierung vorher')]")).getText()
                .contains("Cloppenburg"));
        List<String> flowHeaders = wait.until(d -> headers(js, "funding-flow").contains("→ Arbeit oder Ausbildung")
                ? headers(js, "funding-flow") : null);
        List<String> deufoev = awaitRow(js, "funding-flow", "BAMF – DeuFöV", ".*");
        JsonNode gaps = published.get("fundingGaps");
        assertThat(deufoev.get(flowHeaders.indexOf("→ Arbeit oder Ausbildung")))
                .as("BAMF – DeuFöV → work, published %s", gaps.get("flow"))
                .isEqualTo(german(gaps.at("/flow/BAMF_DEUFOEV/PLACEMENT").asLong()));
        assertThat(deufoev.get(flowHeaders.indexOf("→ ESF Plus"))).as("BAMF – DeuFöV → ESF Plus")
                .isEqualTo(german(gaps.at("/flow/BAMF_DEUFOEV/ESF_PLUS").asLong()));
        assertThat(deufoev.get(flowHeaders.indexOf("Förderlücke"))).as("BAMF – DeuFöV: gaps, published %s",
                gaps.get("bySource")).isEqualTo(german(gaps.at("/bySource/BAMF_DEUFOEV/gaps").asLong()));
        js.executeScript("document.getElementById('funding-flow').scrollIntoView({block: 'center'});");
        screenshot("funding-flow");
    }

    /**
     * Events of {@link #CLOPPENBURG}: 12 entitlements 20 days ago without a course (waiting now); 8
     * participants with an entitlement 40 and an integration-course enrolment 30 days before their course
     * start on the first of this month (waiting and access time); 21 job-language completions funded under
     * the DeuFöV 150 days ago, 10 followed by a placement after 10 days, 6 by an enrolment funded by the ESF
     * Plus after 5 days (who thus wait now too) and 5 by nothing (funding gaps).
     */
    private static String chainEvents(LocalDate today) {
        LocalDate start = today.withDayOfMonth(1);
        LocalDate completed = today.minusDays(150);
        List<String> events = new ArrayList<>();
        String entitlement = ",\"entitlement\":\"ENTITLED\",\"issuer\":\"JOBCENTER\"";
        String integration = ",\"courseType\":\"INTEGRATION_COURSE\"";
        String completion = ",\"courseType\":\"JOB_LANGUAGE_COURSE\",\"outcome\":\"PASSED\","
                + "\"fundingSource\":\"BAMF_DEUFOEV\"";
        for (int i = 0; i < 12; i++) {
            events.add(event("ENTITLEMENT", today.minusDays(20), "e2e-waits-" + i, entitlement));
        }
        for (int i = 0; i < 8; i++) {
            events.add(event("ENTITLEMENT", start.minusDays(40), "e2e-starts-" + i, entitlement));
            events.add(event("COURSE_ENROLMENT", start.minusDays(30), "e2e-starts-" + i, integration));
            events.add(event("COURSE_START", start, "e2e-starts-" + i, integration));
        }
        for (int i = 0; i < 21; i++) {
            events.add(event("COURSE_COMPLETION", completed, "e2e-completes-" + i, completion));
            if (i < 10) {
                events.add(event("JOB_PLACEMENT", completed.plusDays(10), "e2e-completes-" + i,
                        ",\"placementType\":\"EMPLOYMENT\""));
            } else if (i < 16) {
                events.add(event("COURSE_ENROLMENT", completed.plusDays(5), "e2e-completes-" + i,
                        ",\"courseType\":\"JOB_LANGUAGE_COURSE\",\"fundingSource\":\"ESF_PLUS\""));
            }
        }
        return events.stream().collect(Collectors.joining(",", "[", "]"));
    }

    private static String event(String type, LocalDate day, String participant, String fields) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + day
                + "\",\"district\":\"" + CLOPPENBURG + "\",\"participantRef\":\"" + participant + "\"" + fields + "}";
    }

    private static Map<String, Long> inCloppenburg(Map<String, Long> figures) {
        Map<String, Long> mine = new TreeMap<>();
        figures.forEach((key, value) -> {
            if (key.endsWith("|" + CLOPPENBURG)) {
                mine.put(key.substring(0, key.indexOf('|')), value);
            }
        });
        return mine;
    }

    /** The read API as the planner reads it: the published figures (HTTP basic, no {@code exact}). */
    private JsonNode published(YearMonth from, YearMonth to) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("api/v1/indicators?from=" + from
                        + "&to=" + to)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "planer:planer".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("read API for the planner: %s", r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode area(JsonNode report, String ags) {
        for (JsonNode d : report.get("districts")) {
            if (d.get("district").asString().equals(ags)) {
                return d;
            }
        }
        throw new AssertionError(ags + " missing in the read API");
    }

    /** A count as the German page writes it. */
    private static String german(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.GERMANY).format(n);
    }

    @SuppressWarnings("unchecked")
    private static List<String> headers(JavascriptExecutor js, String gridId) {
        Object headers = js.executeScript(GRID_HEADERS, gridId);
        return headers == null ? List.of() : (List<String>) headers;
    }

    /** The texts the map shows: its SVG (legend, credit) and its tooltip when one is open. */
    private static String mapTexts(JavascriptExecutor js, WebElement map) {
        return (String) js.executeScript("""
                const map = arguments[0];
                return [...map.querySelectorAll('text')].map(t => t.textContent).join(' | ') + ' | ' + map.innerText;
                """, map);
    }

    /** Moves the pointer onto the district {@code ags} of {@code map}. */
    private void hover(JavascriptExecutor js, WebElement map, String ags) {
        // the overview's Hinweise sit above the map: bring the whole map into the window before pointing at it
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) js.executeScript("return arguments[0].pointOf(arguments[1]);", map, ags);
        assertThat(point).as("centre of %s on the map", ags).hasSize(2);
        new Actions(browser).moveToElement(map, point.get(0).intValue() - map.getSize().getWidth() / 2,
                point.get(1).intValue() - map.getSize().getHeight() / 2).perform();
    }

    /** Waits until grid {@code gridId} shows the row {@code label} with a district cell matching {@code district}. */
    private List<String> awaitRow(JavascriptExecutor js, String gridId, String label, String district) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(gridId + ": row " + label + " with "
                + district).until(d -> rows(js, gridId).stream()
                .filter(row -> row.getFirst().equals(label) && row.get(1).matches(district)).findFirst().orElse(null));
    }

    /**
     * Events of contract v2 for {@code district} today: 25 integration-course completions examined against
     * target level B1 on the first attempt (20 reach it: a rate on enough cases to be shown) and 10
     * enrolments, all funded by the BAMF under the integration course ordinance.
     */
    private static String contractV2(String district) {
        String today = LocalDate.now(Region.ZONE).toString();
        return IntStream.range(0, 35).mapToObj(i -> "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredOn\":\""
                        + today + "\",\"district\":\"" + district + "\",\"participantRef\":\"e2e-v2-" + i
                        + "\",\"courseType\":\"INTEGRATION_COURSE\",\"courseVariant\":\"GENERAL\","
                        + "\"targetLevel\":\"B1\",\"fundingSource\":\"BAMF_INTV\","
                        + (i < 25 ? "\"type\":\"COURSE_COMPLETION\",\"attempt\":\"FIRST\","
                        + (i < 20 ? "\"outcome\":\"PASSED\",\"languageLevel\":\"B1\"}"
                        : "\"outcome\":\"FAILED\",\"languageLevel\":\"A2\"}")
                        : "\"type\":\"COURSE_ENROLMENT\"}"))
                .collect(Collectors.joining(",", "[", "]"));
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(JavascriptExecutor js, String gridId) {
        Object rows = js.executeScript(GRID_ROWS, gridId);
        return rows == null ? List.of() : (List<List<String>>) rows;
    }

    /** A cell as the page writes it, in the CSV's form: empty for "–", no "%", unit or sign. */
    private static String asInCsv(String cell) {
        if (cell.equals("–") || cell.equals("keine Meldungen") || cell.equals("no reports")) {
            return "";
        }
        return cell.replace(" %", "").replace(" Pp.", "").replace(" pp", "").replace("+", "").replace("±", "")
                .replace("−", "-");
    }
}
