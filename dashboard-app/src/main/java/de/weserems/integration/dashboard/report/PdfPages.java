package de.weserems.integration.dashboard.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A4 pages filled from top to bottom, as a council paper is printed: headings, wrapped paragraphs and tables that
 * start a new page where the space ends, a footer on every page. PDFBox draws; this class only keeps the place.
 *
 * <p>The text is set in Helvetica, one of the fonts every PDF reader has, so nothing is embedded; a character that
 * font cannot write (an arrow, a minus sign) is written as the nearest it can.
 */
final class PdfPages implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float CONTENT_WIDTH = WIDTH - 2 * MARGIN;
    private static final float TOP = HEIGHT - 50;
    private static final float BOTTOM = 56;

    static final Color TEXT = new Color(0x1a, 0x1a, 0x1a);
    static final Color MUTED = new Color(0x55, 0x5b, 0x63);
    static final Color RULE = new Color(0xc8, 0xcd, 0xd3);
    private static final Color STRIPE = new Color(0xf1, 0xf3, 0xf5);

    /** Characters Helvetica (WinAnsi) lacks, written as the nearest it has. */
    private static final Map<Character, String> NEAREST = Map.of('→', "->", '−', "-", '≥', ">=", '≤', "<=",
            '\u202f', " ", '▲', "+", '▼', "-", '►', "=");

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private final Map<Character, Boolean> writable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    /** A column of a table: its share of the width and whether its cells align right (figures). */
    record Column(float width, boolean right) {
    }

    PdfPages() {
        newPage();
    }

    /** The place of the next line's top, from the page's bottom. */
    float y() {
        return y;
    }

    /** Moves the place down by {@code height}. */
    void down(float height) {
        y -= height;
    }

    /** The page being written, for drawing (charts). */
    PDPageContentStream stream() {
        return out;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void keep(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    void title(String text, String subtitle) {
        write(text, bold, 17, MARGIN, y - 17, TEXT);
        y -= 24;
        paragraph(subtitle, 10, MUTED);
        y -= 4;
        rule();
    }

    void heading(String text) {
        keep(60);
        y -= 10;
        write(text, bold, 12.5f, MARGIN, y - 12.5f, TEXT);
        y -= 19;
    }

    void subheading(String text) {
        keep(40);
        y -= 2;
        write(text, bold, 10, MARGIN, y - 10, TEXT);
        y -= 15;
    }

    /** Text wrapped to the width, each line kept on a page. */
    void paragraph(String text, float size, Color color) {
        float leading = size * 1.32f;
        for (String line : wrap(text, regular, size, CONTENT_WIDTH)) {
            keep(leading);
            write(line, regular, size, MARGIN, y - size, color);
            y -= leading;
        }
        y -= size * 0.5f;
    }

    /** A definition: {@code term} in bold, then {@code text}, wrapped to the width as one paragraph. */
    void definition(String term, String text, float size) {
        float leading = size * 1.32f;
        List<String> words = new ArrayList<>(List.of((term + ":").split(" ")));
        int boldWords = words.size();
        words.addAll(List.of(text.split(" ")));
        float space = width(" ", regular, size);
        int i = 0;
        while (i < words.size()) {
            // as many words as fit on the line, at least one
            float used = 0;
            int end = i;
            while (end < words.size()) {
                float w = width(words.get(end), end < boldWords ? bold : regular, size);
                if (end > i && used + space + w > CONTENT_WIDTH) {
                    break;
                }
                used += (end > i ? space : 0) + w;
                end++;
            }
            keep(leading);
            float x = MARGIN;
            for (int k = i; k < end; k++) {
                PDFont font = k < boldWords ? bold : regular;
                write(words.get(k), font, size, x, y - size, TEXT);
                x += width(words.get(k), font, size) + space;
            }
            y -= leading;
            i = end;
        }
        y -= size * 0.5f;
    }

    /** A table over the width: the header row in bold, rows striped, a row never split over two pages. */
    void table(List<Column> columns, List<String> header, List<List<String>> rows) {
        float size = 8.8f;
        float total = (float) columns.stream().mapToDouble(Column::width).sum();
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = CONTENT_WIDTH * columns.get(i).width() / total;
        }
        row(columns, widths, header, bold, size, null);
        rule();
        for (int r = 0; r < rows.size(); r++) {
            if (keepRow(columns, widths, rows.get(r), size)) {
                row(columns, widths, header, bold, size, null);
                rule();
            }
            row(columns, widths, rows.get(r), regular, size, r % 2 == 1 ? STRIPE : null);
        }
        y -= 8;
    }

    /** Starts a new page if the row does not fit; {@code true} if it did, so the header is repeated. */
    private boolean keepRow(List<Column> columns, float[] widths, List<String> cells, float size) {
        float height = rowHeight(widths, cells, size);
        if (y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    private float rowHeight(float[] widths, List<String> cells, float size) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, wrap(cells.get(i), regular, size, widths[i] - 6).size());
        }
        return lines * size * 1.25f + 5;
    }

    private void row(List<Column> columns, float[] widths, List<String> cells, PDFont font, float size, Color fill) {
        float height = rowHeight(widths, cells, size);
        if (fill != null) {
            fill(MARGIN, y - height, CONTENT_WIDTH, height, fill);
        }
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = wrap(cells.get(i), font, size, widths[i] - 6);
            float baseline = y - 2.5f - size;
            for (String line : lines) {
                float left = columns.get(i).right() ? x + widths[i] - 3 - width(line, font, size) : x + 3;
                write(line, font, size, left, baseline, TEXT);
                baseline -= size * 1.25f;
            }
            x += widths[i];
        }
        y -= height;
    }

    /** A thin line over the width at the current place. */
    void rule() {
        line(MARGIN, y, WIDTH - MARGIN, y, RULE, 0.6f);
        y -= 3;
    }

    void line(float x1, float y1, float x2, float y2, Color color, float lineWidth) {
        try {
            out.setStrokingColor(color);
            out.setLineWidth(lineWidth);
            out.moveTo(x1, y1);
            out.lineTo(x2, y2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float bottom, float w, float h, Color color) {
        try {
            out.setNonStrokingColor(color);
            out.addRect(x, bottom, w, h);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of text with its baseline at {@code baseline}. */
    void write(String text, PDFont font, float size, float x, float baseline, Color color) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(x, baseline);
            out.showText(writable(text, font));
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(writable(text, font)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} in lines no wider than {@code width}, broken between words (a long word stays whole). */
    List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate, font, size) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code text} with every character the font cannot write replaced by the nearest it can. */
    String writable(String text, PDFont font) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (writable.computeIfAbsent(c, k -> encodes(font, k))) {
                s.append(c);
            } else {
                s.append(NEAREST.getOrDefault(c, "?"));
            }
        }
        return s.toString();
    }

    private static boolean encodes(PDFont font, char c) {
        try {
            font.encode(String.valueOf(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document as bytes, each page with a footer: {@code left} and, at the right, {@code pageOf} of the page
     * number and the number of pages (known only now).
     */
    byte[] finish(String left, BiFunction<Integer, Integer, String> pageOf, String title) {
        try {
            out.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    out = footer;
                    line(MARGIN, BOTTOM - 14, WIDTH - MARGIN, BOTTOM - 14, RULE, 0.6f);
                    write(left, regular, 7.5f, MARGIN, BOTTOM - 26, MUTED);
                    String number = pageOf.apply(i + 1, pages);
                    write(number, regular, 7.5f, WIDTH - MARGIN - width(number, regular, 7.5f), BOTTOM - 26, MUTED);
                }
            }
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Integrationsmonitor Weser-Ems");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
