package de.weserems.integration.dashboard.report;

import de.weserems.integration.dashboard.indicators.engine.TopologyFixture;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.Confidentiality;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's pages from published figures, without a server: what a reader finds in them (read back with PDFBox's
 * text extraction) and that they print on A4; the first page is kept as a picture under {@code target/report/}.
 */
class ReportDocumentTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final YearMonth SILENT = YearMonth.of(2026, 6);

    private static TopologyFixture topology;
    private static IndicatorQueries queries;

    @BeforeAll
    static void figures() {
        topology = new TopologyFixture();
        ReportEvents.year(23, TODAY, District.AURICH, MONTH, SILENT).forEach(topology::send);
        queries = new IndicatorQueries(TestReadModels.of(topology.latest()), TestSettings.properties(),
                Clock.fixed(TODAY.atTime(12, 0).atZone(Region.ZONE).toInstant(), Region.ZONE));
    }

    @AfterAll
    static void stop() {
        topology.close();
    }

    @Test
    void the_district_report_shows_the_published_figures_of_the_month_beside_the_regions() throws IOException {
        ReportFigures figures = ReportFigures.of(queries, District.AURICH, MONTH);
        ReportText text = ReportText.of("de");
        byte[] pdf = ReportDocument.render(figures, text, 3);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Monatsbericht Aurich – November 2026", "Kennzahlen im November 2026",
                    "Förderkette", "Zugang und Wartezeit", "Förderlücken und Finanzierung", "Methodik",
                    "Statistische Geheimhaltung", "Seite 1 von " + document.getNumberOfPages());
            AreaFigures aurich = figures.area();
            AreaFigures region = figures.region();
            for (String count : Confidentiality.COUNTS) {
                assertThat(all).as(count).contains(text.get("indicator." + count) + " "
                        + text.count(aurich.count(count)) + " " + text.count(region.count(count)));
            }
            assertThat(all).contains(text.get("indicator.waitingNow") + " "
                    + text.count(aurich.waitingNow().waiting()) + " " + text.count(region.waitingNow().waiting()));
            assertThat(all).contains(text.get("indicator.fundingGapRate") + " " + text.rate(aurich.fundingGaps().gapRate())
                    + " " + text.rate(region.fundingGaps().gapRate()));
            assertThat(aurich.waitingNow().waiting()).as("the test has people waiting").isPositive();
            // November's completions are still in their 90 days on 7 December: open, not yet gaps
            assertThat(aurich.fundingGaps().open()).as("and completions whose next step is open").isPositive();
            // June: nobody reported for Aurich, a mark instead of a bar
            assertThat(figures.series().get(6).month()).isEqualTo(SILENT);
            assertThat(figures.series().get(6).figures().reported()).isFalse();
            assertThat(all).contains("k. M.");
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                assertThat(document.getPage(i).getMediaBox().getWidth()).isEqualTo(PdfPages.WIDTH);
                assertThat(document.getPage(i).getMediaBox().getHeight()).isEqualTo(PdfPages.HEIGHT);
            }
            save(document, "bericht-03452-2026-11-unit");
        }
    }

    @Test
    void the_regions_report_lists_every_district_and_an_english_request_gets_english() throws IOException {
        byte[] pdf = ReportDocument.render(ReportFigures.ofRegion(queries, MONTH), ReportText.of("en-GB"), 3);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Monthly report Weser-Ems – November 2026", "Key figures, November 2026",
                    "The 17 districts in November 2026", "Page 1 of ").doesNotContain("Monatsbericht");
            for (District d : District.values()) {
                assertThat(all).contains(d.displayName());
            }
            assertThat(all).as("districts nobody reported for").contains("no reports");
        }
    }

    /**
     * The pages as PNGs under target/report/, as a reader sees them (150 dpi): page 1 as {@code name.png}, the others
     * as {@code name-seite-N.png}; returns page 1's file.
     */
    static Path save(PDDocument document, String name) throws IOException {
        Path dir = Path.of("target", "report");
        Files.createDirectories(dir);
        PDFRenderer renderer = new PDFRenderer(document);
        for (int i = document.getNumberOfPages() - 1; i >= 0; i--) {
            BufferedImage page = renderer.renderImageWithDPI(i, 150);
            ImageIO.write(page, "png", dir.resolve(name + (i == 0 ? "" : "-seite-" + (i + 1)) + ".png").toFile());
        }
        return dir.resolve(name + ".png");
    }
}
