package de.weserems.integration.dashboard.report;

import java.awt.Color;
import java.util.List;

/**
 * One monthly series as a bar chart with a value axis, drawn straight into the page (vector, sharp in print): a bar
 * per month with its published count above it, a provisional month in a lighter shade, and a month without reports
 * as no bar but a mark ("k. M."), so that it cannot be read as zero.
 */
final class BarChart {

    static final Color BAR = new Color(0x1f, 0x4e, 0x79);
    static final Color PROVISIONAL = new Color(0x9d, 0xbc, 0xd9);
    private static final float AXIS_WIDTH = 34;
    private static final float LABEL_SPACE = 14;
    private static final float TITLE_SPACE = 16;

    /**
     * One month: its label, the published count ({@code null}: nobody reported), the text written above the bar and
     * whether its figures may still change.
     */
    record Bar(String label, Long value, String shown, boolean provisional) {
    }

    private BarChart() {
    }

    /** Draws {@code bars} under {@code title} at the current place, {@code height} high in all; axis in {@code text}'s language. */
    static void draw(PdfPages pages, ReportText text, String title, List<Bar> bars, float height) {
        pages.keep(height);
        float top = pages.y();
        pages.write(title, pages.bold, 9.5f, PdfPages.MARGIN, top - 9.5f, PdfPages.TEXT);
        float plotTop = top - TITLE_SPACE - 8;
        float plotBottom = top - height + LABEL_SPACE;
        float left = PdfPages.MARGIN + AXIS_WIDTH;
        float right = PdfPages.MARGIN + PdfPages.CONTENT_WIDTH;
        long max = Math.max(1, bars.stream().filter(b -> b.value() != null).mapToLong(Bar::value).max().orElse(0));
        long step = step(max);
        long axisMax = ((max + step - 1) / step) * step;
        for (long tick = 0; tick <= axisMax; tick += step) {
            float y = plotBottom + (plotTop - plotBottom) * tick / axisMax;
            pages.line(left, y, right, y, tick == 0 ? PdfPages.MUTED : PdfPages.RULE, tick == 0 ? 0.8f : 0.4f);
            String label = text.count(tick);
            pages.write(label, pages.regular, 7, left - 4 - pages.width(label, pages.regular, 7), y - 2.5f,
                    PdfPages.MUTED);
        }
        float slot = (right - left) / bars.size();
        float barWidth = slot * 0.62f;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float center = left + slot * i + slot / 2;
            float labelWidth = pages.width(bar.label(), pages.regular, 7);
            pages.write(bar.label(), pages.regular, 7, center - labelWidth / 2, plotBottom - 10, PdfPages.MUTED);
            float valueBase;
            if (bar.value() == null) {
                valueBase = plotBottom + 3;
            } else {
                float h = (plotTop - plotBottom) * bar.value() / axisMax;
                pages.fill(center - barWidth / 2, plotBottom, barWidth, h, bar.provisional() ? PROVISIONAL : BAR);
                valueBase = plotBottom + h + 2.5f;
            }
            float shownWidth = pages.width(bar.shown(), pages.regular, 7);
            pages.write(bar.shown(), pages.regular, 7, center - shownWidth / 2, valueBase, PdfPages.TEXT);
        }
        pages.down(height);
    }

    /** A round step for about four gridlines up to {@code max}: 1, 2 or 5 times a power of ten. */
    static long step(long max) {
        long magnitude = 1;
        while (magnitude * 10 <= max / 4) {
            magnitude *= 10;
        }
        for (long factor : new long[]{1, 2, 5, 10}) {
            if (max / (factor * magnitude) <= 5) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
