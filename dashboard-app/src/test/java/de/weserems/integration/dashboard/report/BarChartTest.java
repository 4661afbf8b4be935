package de.weserems.integration.dashboard.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart of a monthly series as printed: a bar per month, a provisional month lighter, a month without reports
 * no bar at all but its mark, and an axis in round steps; checked on the rendered page, pixel by pixel.
 */
class BarChartTest {

    private static final float HEIGHT = 120;
    private static final float SCALE = 2;

    @Test
    void a_month_without_reports_gets_no_bar_but_a_mark_and_a_provisional_month_a_lighter_bar() throws IOException {
        ReportText text = ReportText.of("de");
        List<BarChart.Bar> bars = List.of(
                new BarChart.Bar("Sept. 26", 40L, "40", false),
                new BarChart.Bar("Okt. 26", null, text.get("report.series.noReports"), false),
                new BarChart.Bar("Nov. 26", 25L, "25", true));
        PdfPages pages = new PdfPages();
        float top = pages.y();
        BarChart.draw(pages, text, "Kursanmeldungen", bars, HEIGHT);
        byte[] pdf = pages.finish("Test", (page, of) -> page + "/" + of, "Test");
        pages.close();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImage(0, SCALE);
            float left = PdfPages.MARGIN + 34;
            float slot = (PdfPages.MARGIN + PdfPages.CONTENT_WIDTH - left) / bars.size();
            float base = top - HEIGHT + 14 + 4;
            assertThat(colour(image, left + slot * 0.5f, base)).isEqualTo(BarChart.BAR);
            assertThat(colour(image, left + slot * 1.5f, base)).as("no bar where nobody reported")
                    .isEqualTo(Color.WHITE);
            assertThat(colour(image, left + slot * 2.5f, base)).isEqualTo(BarChart.PROVISIONAL);
            // 40 reaches higher than 25: a bar's height is its count
            float high = top - HEIGHT + 14 + (top - 24 - (top - HEIGHT + 14)) * 30 / 40;
            assertThat(colour(image, left + slot * 0.5f, high)).isEqualTo(BarChart.BAR);
            assertThat(colour(image, left + slot * 2.5f, high)).isNotEqualTo(BarChart.PROVISIONAL);

            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("Kursanmeldungen", "k. M.", "Sept. 26", "Okt. 26", "Nov. 26", "40", "25");
        }
    }

    @Test
    void the_axis_steps_are_round_and_about_four_up_to_the_largest_value() {
        assertThat(BarChart.step(1)).isEqualTo(1);
        assertThat(BarChart.step(7)).isEqualTo(2);
        assertThat(BarChart.step(85)).isEqualTo(20);
        assertThat(BarChart.step(156)).isEqualTo(50);
        assertThat(BarChart.step(1234)).isEqualTo(500);
    }

    /** The colour at page point ({@code x}, {@code y}), y from the bottom as PDF counts it. */
    private static Color colour(BufferedImage image, float x, float y) {
        return new Color(image.getRGB(Math.round(x * SCALE), Math.round((PdfPages.HEIGHT - y) * SCALE)));
    }
}
