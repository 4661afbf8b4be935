package de.weserems.integration.ingest.body;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that keeps going after a broken row, so that one bad row is reported with its
 * line and the others are still checked. Fields may be quoted ({@code "a;b"}, {@code "say ""hi"""}),
 * quoted fields may span lines, records end with LF or CRLF. Blank lines are skipped.
 */
final class CsvRecords {

    /**
     * One record.
     *
     * @param line  1-based line where it starts
     * @param cells its cells, unquoted
     * @param error why it could not be read; {@code null} when it could
     */
    record CsvRecord(int line, List<String> cells, String error) {
    }

    private final String text;
    private final char delimiter;
    private int pos;
    private int line = 1;

    private CsvRecords(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    static List<CsvRecord> read(String text, char delimiter) {
        return new CsvRecords(text, delimiter).readAll();
    }

    /**
     * The delimiter a header line uses: {@code ;} (German spreadsheets) or {@code ,}, whichever occurs
     * more often outside quotes in the first line; {@code ,} when neither does.
     */
    static char detectDelimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private List<CsvRecord> readAll() {
        List<CsvRecord> records = new ArrayList<>();
        while (pos < text.length()) {
            int start = line;
            if (atLineEnd()) {
                endLine();
                continue;
            }
            CsvRecord record = readRecord(start);
            records.add(record);
        }
        return records;
    }

    private CsvRecord readRecord(int start) {
        List<String> cells = new ArrayList<>();
        while (true) {
            String error;
            if (pos < text.length() && text.charAt(pos) == '"') {
                error = readQuoted(cells, start);
                if (error != null && pos >= text.length()) {
                    return new CsvRecord(start, cells, error);
                }
            } else {
                error = readPlain(cells);
            }
            if (error != null) {
                skipRestOfLine();
                return new CsvRecord(start, cells, error);
            }
            if (pos < text.length() && text.charAt(pos) == delimiter) {
                pos++;
                continue;
            }
            endLine();
            return new CsvRecord(start, cells, null);
        }
    }

    private String readQuoted(List<String> cells, int start) {
        StringBuilder cell = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                return "cell " + (cells.size() + 1) + " opens a quote on line " + start + " that is never closed";
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    cell.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            if (c == '\n') {
                line++;
            }
            cell.append(c);
            pos++;
        }
        cells.add(cell.toString());
        if (pos < text.length() && text.charAt(pos) != delimiter && !atLineEnd()) {
            return "cell " + cells.size() + " has text after its closing quote; "
                    + "inside a quoted cell write a quote as \"\"";
        }
        return null;
    }

    private String readPlain(List<String> cells) {
        int begin = pos;
        while (pos < text.length() && text.charAt(pos) != delimiter && !atLineEnd()) {
            pos++;
        }
        String cell = text.substring(begin, pos);
        cells.add(cell);
        if (cell.indexOf('"') >= 0) {
            return "cell " + cells.size() + " has a quote inside an unquoted value; "
                    + "quote the whole cell and write the quote as \"\"";
        }
        return null;
    }

    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || (c == '\r' && (pos + 1 == text.length() || text.charAt(pos + 1) == '\n'));
    }

    private void endLine() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            line++;
        }
    }

    private void skipRestOfLine() {
        while (pos < text.length() && !atLineEnd()) {
            pos++;
        }
        endLine();
    }
}
