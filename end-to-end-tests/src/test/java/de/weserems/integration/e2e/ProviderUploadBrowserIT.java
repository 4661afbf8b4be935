package de.weserems.integration.e2e;

import de.weserems.integration.events.Region;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider at work in Chromium: {@code anbieter} logs in, drops a CSV on Hochladen, sees the dry run's German
 * error for its bad row, drops the fixed file, submits, and the figures move (read exactly, as {@code statistik}
 * reads them); then Meine Lieferungen shows the delivery, and "Diese Datei zurückziehen" takes the figures back.
 * The dashboard hands the file to the real ingest process with its service credential (dashboard.ingest.* of
 * the profile 'local', pointed at this test's ingest). A second test uploads an .xlsx with Excel's number and
 * date cells. Screenshots: target/screenshots/upload-*.png and meine-lieferungen.png (docs/images/ holds copies).
 */
class ProviderUploadBrowserIT extends BrowserTestBase {

    private static final String DISTRICT = "03457";

    /** The dashboard's upload page talks to the ingest process this test started, on its random port. */
    @DynamicPropertySource
    static void ingestForUploads(DynamicPropertyRegistry registry) {
        registry.add("dashboard.ingest.base-url", () -> ingest.eventsUri().resolve("/").toString());
    }

    @Test
    void a_provider_fixes_its_csv_after_the_dry_run_submits_it_and_the_figures_move() throws Exception {
        awaitEverythingProcessed();
        long before = exactEnrolments();
        String today = LocalDate.now(Region.ZONE).toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String header = "eventId;type;occurredOn;district;participantRef;courseType\r\n";
        // Excel's three habits: the AGS 03457 saved as 3457 and the date as dd.MM.yyyy (both read as meant),
        // a reference saved as a number in exponent form and an AGS whose zero was dropped that no
        // padding can save (both named, with their likely cause)
        String germanDate = LocalDate.now(Region.ZONE).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        UUID third = UUID.randomUUID();
        String good = first + ";COURSE_ENROLMENT;" + germanDate + ";" + DISTRICT.substring(1) + ";upload-1;INTEGRATION_COURSE\r\n";
        Path broken = csv("teilnehmende.csv", header + good
                + second + ";COURSE_ENROLMENT;" + today + ";" + DISTRICT + ";1,23E+11;INTEGRATION_COURSE\r\n"
                + third + ";COURSE_ENROLMENT;" + today + ";9162;upload-3;INTEGRATION_COURSE\r\n");
        Path fixed = csv("teilnehmende-korrigiert.csv", header + good
                + second + ";COURSE_ENROLMENT;" + today + ";" + DISTRICT + ";upload-2;INTEGRATION_COURSE\r\n");

        logIn("anbieter", "anbieter");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        browser.get(url("hochladen"));
        wait.until(d -> d.findElement(By.id("upload-provider-fixed")).getText().contains("„demo“"));

        drop(broken);
        awaitResult(wait, text -> text.startsWith("In 2 Zeilen ist etwas falsch"));
        List<String> cells = browser.findElements(By.cssSelector("#upload-problems vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells).as("row 2, repaired, is not among them").doesNotContain("2")
                .contains("3", "participantRef", "4", "district")
                .anySatisfy(c -> assertThat(c).contains("Excel hat die Referenz als Zahl gespeichert"))
                .anySatisfy(c -> assertThat(c).contains("Hat Excel die führende Null entfernt?"));
        assertThat(browser.findElements(By.id("upload-submit")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        screenshot("upload-dry-run-errors");

        drop(fixed);
        awaitResult(wait, text -> text.equals("Prüfung bestanden: 2 Ereignisse sind in Ordnung. Jetzt übermitteln?"));
        assertThat(exactEnrolments()).as("a dry run stores nothing").isEqualTo(before);
        browser.findElement(By.id("upload-submit")).click();
        awaitResult(wait, text -> text.equals("Übermittelt: 2 Ereignisse gespeichert."));
        screenshot("upload-submitted");

        awaitEverythingProcessed();
        assertThat(exactEnrolments()).isEqualTo(before + 2);

        browser.get(url("meine-lieferungen"));
        // the submission is the provider's latest delivery (the dry runs do not count), live from ingest's audit
        wait.until(d -> d.findElement(By.id("my-deliveries-summary")).getText().matches(
                "Datenlieferant „demo“: letzte Lieferung .* \\(Status 202\\); .*"));
        assertThat(browser.findElements(By.id("my-deliveries-by-day"))).hasSize(1);
        screenshot("meine-lieferungen");

        browser.get(url("hochladen"));
        wait.until(d -> d.findElement(By.id("upload-retract")).isDisplayed());
        browser.findElement(By.id("upload-retract")).click();
        awaitResult(wait, text -> text.equals("Zurückgezogen: 2 Rücknahmen für „teilnehmende-korrigiert.csv“ gespeichert."));
        awaitEverythingProcessed();
        assertThat(exactEnrolments()).as("the retracted file counts no more").isEqualTo(before);
    }

    /**
     * An .xlsx workbook as Excel saves it: the district a number ({@code 3457}, Excel dropped the leading zero) and
     * the date a date cell ({@code dd.MM.yyyy} on screen, a serial number in the file). Ingest reads both as the
     * provider meant them, so the dry run is clean and the submitted event counts.
     */
    @Test
    void a_provider_uploads_an_xlsx_with_excels_number_and_date_cells_and_the_figures_move() throws Exception {
        awaitEverythingProcessed();
        long before = exactEnrolments();
        Path workbook = Files.createDirectories(Path.of("target", "upload-files")).resolve("teilnehmende.xlsx");
        try (XSSFWorkbook excel = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            Sheet sheet = excel.createSheet("Ereignisse");
            Row header = sheet.createRow(0);
            String[] columns = {"eventId", "type", "occurredOn", "district", "participantRef", "courseType"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            CellStyle germanDate = excel.createCellStyle();
            germanDate.setDataFormat(excel.createDataFormat().getFormat("dd.mm.yyyy"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(UUID.randomUUID().toString());
            row.createCell(1).setCellValue("COURSE_ENROLMENT");
            Cell date = row.createCell(2);
            date.setCellValue(LocalDate.now(Region.ZONE));
            date.setCellStyle(germanDate);
            row.createCell(3).setCellValue(Integer.parseInt(DISTRICT));
            row.createCell(4).setCellValue("upload-xlsx-1");
            row.createCell(5).setCellValue("INTEGRATION_COURSE");
            excel.write(out);
        }
        assertThat(Integer.parseInt(DISTRICT)).as("the leading zero is gone, as Excel does it").isEqualTo(3457);

        logIn("anbieter", "anbieter");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // a provider sees no dashboard: its login lands on the upload page, not on the overview
        wait.until(d -> d.getCurrentUrl().endsWith("/hochladen"));
        wait.until(d -> d.findElement(By.id("upload-provider-fixed")).getText().contains("„demo“"));

        drop(workbook);
        awaitResult(wait, text -> text.equals("Prüfung bestanden: 1 Ereignisse sind in Ordnung. Jetzt übermitteln?"));
        browser.findElement(By.id("upload-submit")).click();
        awaitResult(wait, text -> text.equals("Übermittelt: 1 Ereignisse gespeichert."));
        screenshot("upload-xlsx-submitted");

        awaitEverythingProcessed();
        assertThat(exactEnrolments()).isEqualTo(before + 1);
    }

    /** Until the page's answer line satisfies {@code expected}; on timeout a screenshot and the line as it stands. */
    private void awaitResult(WebDriverWait wait, java.util.function.Predicate<String> expected) throws Exception {
        try {
            wait.until(d -> expected.test(d.findElement(By.id("upload-result")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("upload-unexpected");
            throw new AssertionError("the upload page says: " + browser.findElement(By.id("upload-result")).getText(), e);
        }
    }

    /** Hands a file to vaadin-upload's file input, as choosing it in the file dialog does. */
    private void drop(Path file) {
        WebElement upload = browser.findElement(By.id("upload-file"));
        SearchContext shadow = upload.getShadowRoot();
        List<WebElement> inputs = shadow.findElements(By.cssSelector("input[type=file]"));
        WebElement input = inputs.isEmpty() ? upload.findElement(By.cssSelector("input[type=file]")) : inputs.getFirst();
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private static Path csv(String name, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "upload-files"));
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** This month's enrolments in {@link #DISTRICT} as the read API gives them to statistik ({@code exact=true}). */
    private long exactEnrolments() throws Exception {
        YearMonth month = YearMonth.now(Region.ZONE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/indicators?from=" + month + "&to=" + month + "&exact=true"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "statistik:statistik".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode d : JSON.readTree(response.body()).get("districts")) {
            if (d.get("district").asString().equals(DISTRICT)) {
                JsonNode count = d.get("counts").get("enrolments");
                return d.get("reported").asBoolean() && !count.isNull() ? count.asLong() : 0;
            }
        }
        throw new AssertionError(DISTRICT + " missing in the read API");
    }
}
