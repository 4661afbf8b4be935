package de.weserems.integration.dashboard.upload;

import de.weserems.integration.events.District;
import de.weserems.integration.events.EventFields;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A file a user dropped on the upload page: its bytes as they are, the media type ingest gets for them, and,
 * read here only for "retract this file", the eventId and district of each row. Everything else in the file is
 * ingest's business: the dashboard never judges an event.
 *
 * @param name        the file's name as the browser gave it
 * @param bytes       the file
 * @param contentType {@code text/csv;charset=…} or the .xlsx media type
 */
public record UploadFile(String name, byte[] bytes, String contentType) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One event of the file, as much as its retraction needs: the retraction names its event and district. */
    public record Sent(UUID eventId, District district) {
    }

    /** The file with the media type its name says: .xlsx, or CSV in {@code charset}. */
    public static UploadFile of(String name, byte[] bytes, Charset charset) {
        boolean xlsx = name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        return new UploadFile(name, bytes, xlsx ? XLSX : "text/csv;charset=" + charset.name());
    }

    public boolean xlsx() {
        return contentType.equals(XLSX);
    }

    /**
     * The events of the file that name a readable eventId and district; rows without are left out (ingest would
     * have refused the file). A district as Excel writes it (3454 for 03454) is read as ingest reads it.
     */
    public List<Sent> events() throws IOException {
        List<List<String>> rows = xlsx() ? sheetRows() : CsvCells.rows(new String(bytes, charset()));
        List<Sent> sent = new ArrayList<>();
        if (rows.isEmpty()) {
            return sent;
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        int id = header.indexOf(EventFields.EVENT_ID);
        int district = header.indexOf(EventFields.DISTRICT);
        if (id < 0 || district < 0) {
            return sent;
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(id, district)) {
                continue;
            }
            Optional<UUID> eventId = uuid(row.get(id).strip());
            Optional<District> where = district(row.get(district).strip());
            if (eventId.isPresent() && where.isPresent()) {
                sent.add(new Sent(eventId.get(), where.get()));
            }
        }
        return sent;
    }

    private Charset charset() {
        return Charset.forName(contentType.substring(contentType.indexOf("charset=") + "charset=".length()));
    }

    private List<List<String>> sheetRows() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        } catch (RuntimeException e) {
            throw new IOException("not a readable .xlsx file", e);
        }
        return rows;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The district by its AGS; four digits are one whose leading zero Excel dropped (all 17 start with 03). */
    private static Optional<District> district(String ags) {
        return District.byAgs(ags.length() == 4 ? "0" + ags : ags);
    }
}
