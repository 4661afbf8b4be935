package soakmonitor;

import java.util.List;
import java.util.Locale;

/**
 * The soak report's plot: panels of series over minutes, one below the other, as a plain SVG file
 * (written by hand, so that the report needs nothing beyond the JDK and kafka-clients).
 */
final class SvgPlot {

    /** A series drawn in a panel; a null series (a column the CSV lacks) is left out. */
    record Line(Series series, String label, String color, boolean dashed) {
    }

    record Panel(String title, List<Line> lines) {
    }

    private SvgPlot() {
    }

    static String svg(String title, List<Panel> panels, double duration) {
        int width = 960, left = 80, right = 20, top = 40, panelHeight = 190, gap = 60;
        int plotWidth = width - left - right;
        int height = top + panels.size() * (panelHeight + gap);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                left, escape(title)));
        double xMax = niceCeil(duration / 60.0);
        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int y0 = top + p * (panelHeight + gap) + 20;
            double yMax = 0;
            for (Line line : panel.lines()) {
                if (line.series() != null) {
                    double m = line.series().max();
                    if (!Double.isNaN(m)) {
                        yMax = Math.max(yMax, m);
                    }
                }
            }
            yMax = yMax <= 0 ? 1 : niceCeil(yMax * 1.05);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left, y0 - 8,
                    escape(panel.title())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    + "stroke=\"#999\"/>%n", left, y0, plotWidth, panelHeight));
            for (int k = 0; k <= 4; k++) { // y grid
                double value = yMax * k / 4;
                double y = y0 + panelHeight - panelHeight * k / 4.0;
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, left + plotWidth, y, y,
                        left - 6, y + 4, tick(value)));
            }
            double xStep = niceCeil(xMax / 6);
            for (double m = 0; m <= xMax + 1e-9; m += xStep) { // x ticks (minutes)
                double x = left + plotWidth * m / xMax;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, x, y0, y0 + panelHeight,
                        x, y0 + panelHeight + 14, tick(m)));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">minutes</text>%n",
                    left + plotWidth, y0 + panelHeight + 28));
            int legendX = left + 10;
            for (Line line : panel.lines()) {
                if (line.series() == null) {
                    continue;
                }
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < line.series().t().length; i++) {
                    double v = line.series().v()[i];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    double x = left + plotWidth * (line.series().t()[i] / 60.0) / xMax;
                    double y = y0 + panelHeight - panelHeight * Math.min(v, yMax) / yMax;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                String dash = line.dashed() ? " stroke-dasharray=\"4 3\" stroke-opacity=\"0.6\"" : "";
                s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s "
                        + "points=\"%s\"/>%n", line.color(), dash, points.toString().trim()));
                s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                                + "stroke-width=\"2\"%s/><text x=\"%d\" y=\"%d\">%s</text>%n", legendX, legendX + 18,
                        y0 + 12, y0 + 12, line.color(), dash, legendX + 22, y0 + 16, escape(line.label())));
                legendX += 30 + 7 * line.label().length();
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** An axis label: 0, 2.5, 10, 1,000 (no trailing zeros). */
    private static String tick(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%,.0f", x)
                : String.format(Locale.ROOT, "%.2f", x).replaceAll("0+$", "");
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten that is >= x: round axis ends and steps. */
    private static double niceCeil(double x) {
        if (x <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= x - 1e-9) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
