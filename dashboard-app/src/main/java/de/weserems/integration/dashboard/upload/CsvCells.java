package de.weserems.integration.dashboard.upload;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of cells as ingest's reader does: RFC 4180 quoting, LF or CRLF, a leading BOM
 * ignored, the delimiter {@code ;} or {@code ,} as ingest chooses it for a header row of field names.
 */
final class CsvCells {

    private CsvCells() {
    }

    static List<List<String>> rows(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char delimiter = delimiter(csv);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.getFirst().isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        row.add(cell.toString());
        if (!(row.size() == 1 && row.getFirst().isEmpty())) {
            rows.add(row);
        }
        return rows;
    }

    /**
     * {@code ;} or {@code ,}: whichever comes first in the header row. Its cells are the contract's field names,
     * which hold neither, so for a file ingest reads this is the delimiter ingest chooses.
     */
    private static char delimiter(String csv) {
        for (int i = 0; i < csv.length() && csv.charAt(i) != '\n' && csv.charAt(i) != '\r'; i++) {
            if (csv.charAt(i) == ';' || csv.charAt(i) == ',') {
                return csv.charAt(i);
            }
        }
        return ',';
    }
}
