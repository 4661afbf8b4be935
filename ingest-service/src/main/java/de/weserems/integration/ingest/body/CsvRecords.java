package de.weserems.integration.ingest.body;

import de.weserems.integration.ingest.validation.Text;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that keeps going after a broken row, so that one bad row is reported with its
 * line and the others are still checked. Fields may be quoted ({@code "a;b"}, {@code "say ""hi"""}),
 * quoted fields may span lines, records end with LF or CRLF. Blank lines are skipped. It reads one
 * record at a time from a {@link Reader} and keeps no more than that record.
 */
final class CsvRecords {

    /**
     * One record.
     *
     * @param line      1-based line where it starts
     * @param cells     its cells, unquoted; at most the number {@link #next} was asked to keep
     * @param cellCount how many cells it has
     * @param error     why it could not be read; {@code null} when it could
     */
    record CsvRecord(int line, List<String> cells, int cellCount, Text error) {
    }

    private final Reader in;
    private char[] buffer = new char[8192];
    /** The unread characters are {@code buffer[pos, limit)}. */
    private int pos;
    private int limit;
    private boolean end;
    private int line = 1;
    private char delimiter = ',';

    CsvRecords(Reader in) {
        this.in = in;
    }

    /**
     * Chooses the delimiter from the first line, before anything is read: {@code ;} (German spreadsheets)
     * or {@code ,}, whichever occurs more often outside quotes in it; {@code ,} when neither does.
     */
    char detectDelimiter() throws IOException {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; ; i++) {
            int c = peek(i);
            if (c < 0) {
                break;
            }
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
        delimiter = semicolons > commas ? ';' : ',';
        return delimiter;
    }

    /**
     * The next record, {@code null} at the end.
     *
     * @param keep how many of its cells to keep; the others are only counted (a row with more cells than
     *             the header is refused anyway, and its cells would be kept for nothing)
     */
    CsvRecord next(int keep) throws IOException {
        while (peek(0) >= 0) {
            if (atLineEnd()) {
                endLine();
                continue;
            }
            return readRecord(line, keep);
        }
        return null;
    }

    private CsvRecord readRecord(int start, int keep) throws IOException {
        List<String> cells = new ArrayList<>(Math.min(keep, 16));
        int count = 0;
        while (true) {
            Text error;
            StringBuilder cell = new StringBuilder();
            if (peek(0) == '"') {
                error = readQuoted(cell, count, start);
                count++;
                if (error == null) {
                    error = afterQuote(count);
                } else if (peek(0) < 0) {
                    keep(cells, cell, keep);
                    return new CsvRecord(start, cells, count, error);
                }
            } else {
                error = readPlain(cell, ++count);
            }
            keep(cells, cell, keep);
            if (error != null) {
                skipRestOfLine();
                return new CsvRecord(start, cells, count, error);
            }
            if (peek(0) == delimiter) {
                pos++;
                continue;
            }
            endLine();
            return new CsvRecord(start, cells, count, null);
        }
    }

    private static void keep(List<String> cells, StringBuilder cell, int keep) {
        if (cells.size() < keep) {
            cells.add(cell.toString());
        }
    }

    /** A quoted cell, {@code cell} the number of cells before it; why it is broken, or {@code null}. */
    private Text readQuoted(StringBuilder out, int before, int start) throws IOException {
        pos++;
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return new Text("body.csv.quote-not-closed", Integer.toString(before + 1), Integer.toString(start));
            }
            if (c == '"') {
                if (peek(1) == '"') {
                    out.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                return null;
            }
            if (c == '\n') {
                line++;
            }
            out.append((char) c);
            pos++;
        }
    }

    private Text afterQuote(int cell) throws IOException {
        int c = peek(0);
        if (c >= 0 && c != delimiter && !atLineEnd()) {
            return new Text("body.csv.text-after-quote", Integer.toString(cell));
        }
        return null;
    }

    private Text readPlain(StringBuilder out, int cell) throws IOException {
        boolean quote = false;
        int c;
        while ((c = peek(0)) >= 0 && c != delimiter && !atLineEnd()) {
            quote |= c == '"';
            out.append((char) c);
            pos++;
        }
        if (quote) {
            return new Text("body.csv.quote-in-value", Integer.toString(cell));
        }
        return null;
    }

    private boolean atLineEnd() throws IOException {
        int c = peek(0);
        if (c == '\n') {
            return true;
        }
        if (c == '\r') {
            int next = peek(1);
            return next < 0 || next == '\n';
        }
        return false;
    }

    private void endLine() throws IOException {
        if (peek(0) == '\r') {
            pos++;
        }
        if (peek(0) == '\n') {
            pos++;
            line++;
        }
    }

    private void skipRestOfLine() throws IOException {
        while (peek(0) >= 0 && !atLineEnd()) {
            pos++;
        }
        endLine();
    }

    /** The character {@code ahead} places after the next one, or -1 past the end. */
    private int peek(int ahead) throws IOException {
        while (pos + ahead >= limit && !end) {
            fill();
        }
        return pos + ahead < limit ? buffer[pos + ahead] : -1;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            end = true;
        } else {
            limit += n;
        }
    }
}
