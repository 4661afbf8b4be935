package de.weserems.integration.dashboard.base.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV (RFC 4180) in one of two forms: {@link #API} for programs ({@code ,}, decimal point, no byte order
 * mark) and {@link #GERMAN_EXCEL} ({@code ;}, decimal comma and a UTF-8 byte order mark, so German Excel
 * splits the columns, reads the numbers as numbers and keeps the umlauts). A cell with the separator, a
 * quote or a line break is quoted, its quotes doubled.
 */
public final class Csv {

    /** For programs: {@code ,}, decimal point, no BOM. */
    public static final Csv API = new Csv(',', '.', false);
    /** For German Excel: {@code ;}, decimal comma, UTF-8 BOM. */
    public static final Csv GERMAN_EXCEL = new Csv(';', ',', true);

    private final char delimiter;
    private final char decimal;
    private final boolean bom;

    private Csv(char delimiter, char decimal, boolean bom) {
        this.delimiter = delimiter;
        this.decimal = decimal;
        this.bom = bom;
    }

    /** {@code header}, then {@code rows} of cells already written as wanted. */
    public String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
        line(out, header);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    /** A number written with this form's decimal mark, as many decimals as it has, no grouping. */
    public String number(BigDecimal value) {
        String text = value.toPlainString();
        return decimal == '.' ? text : text.replace('.', decimal);
    }

    /**
     * What a page shows: its title and context lines (one cell each), an empty line, then each table with
     * its heading, header and rows. Numbers as this form writes them (a percentage as "82,1 %", which
     * German Excel reads as a percentage), every other cell exactly as shown.
     */
    public String write(ShownTable table) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(table.title()));
        table.context().forEach(c -> lines.add(List.of(c)));
        for (ShownTable.Section section : table.sections()) {
            lines.add(List.of());
            if (!section.title().isEmpty()) {
                lines.add(List.of(section.title()));
            }
            lines.add(section.header());
            section.rows().forEach(row -> lines.add(row.stream().map(this::cell).toList()));
        }
        return table(lines.getFirst(), lines.subList(1, lines.size()));
    }

    private String cell(Cell cell) {
        if (!cell.numeric()) {
            return cell.text();
        }
        return cell.percent() ? number(cell.number().movePointRight(2)) + " %" : number(cell.number());
    }

    private void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String cell = cells.get(i);
            if (cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
