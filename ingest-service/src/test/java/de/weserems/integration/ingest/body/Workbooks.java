package de.weserems.integration.ingest.body;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks for the tests: written by POI as Excel writes them (a cell is text, a number or a date-formatted
 * number), and hand-made zips that a spreadsheet program would never write (a bomb, a huge shared strings table).
 */
public final class Workbooks {

    private Workbooks() {
    }

    /**
     * A workbook whose first sheet has these rows; a {@link String} becomes a text cell, a {@link Number} a
     * numeric cell, a {@link LocalDate} a numeric cell formatted {@code dd.mm.yyyy}, {@code null} no cell.
     * A second sheet is added, which must be ignored.
     */
    public static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            Sheet sheet = workbook.createSheet("Ereignisse");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (value) {
                        case String text -> cell.setCellValue(text);
                        case Number number -> cell.setCellValue(number.doubleValue());
                        case LocalDate day -> {
                            cell.setCellValue(day);
                            cell.setCellStyle(date);
                        }
                        default -> throw new IllegalArgumentException(value.toString());
                    }
                }
            }
            workbook.createSheet("Werte").createRow(0).createCell(0).setCellValue("not read");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A minimal workbook zip with these parts' XML: {@code sheet} as its one sheet, {@code sharedStrings} if not null. */
    public static byte[] handMade(String sheet, String sharedStrings) throws IOException {
        return handMade(sheet, sharedStrings, 0);
    }

    /**
     * A zip bomb: a sheet of {@code rows} empty rows, a few hundred kilobytes packed and {@code 6 * rows} bytes
     * unpacked, written piece by piece so that the test itself never holds it.
     */
    public static byte[] bomb(int rows) throws IOException {
        return handMade(null, null, rows);
    }

    private static byte[] handMade(String sheet, String sharedStrings, int bombRows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <sheets><sheet name="Ereignisse" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    %s
                    </Relationships>""".formatted(sharedStrings == null ? "" : """
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"""));
            if (sheet != null) {
                put(zip, "xl/worksheets/sheet1.xml", sheet);
            } else {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                        + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
                byte[] chunk = "<row/>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
                for (int written = 0; written < bombRows; written += 100_000) {
                    zip.write(chunk);
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (sharedStrings != null) {
                put(zip, "xl/sharedStrings.xml", sharedStrings);
            }
        }
        return bytes.toByteArray();
    }

    /** A sheet with only a header row of shared strings 0 to 3. */
    public static String headerOnlySheet() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
                </sheetData></worksheet>""";
    }

    /** A shared strings table of {@code count} distinct strings of about {@code length} characters each. */
    public static String sharedStrings(int count, int length) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<si><t>eventId</t></si><si><t>type</t></si><si><t>occurredOn</t></si><si><t>district</t></si>");
        java.util.Random random = new java.util.Random(22);
        for (int i = 0; i < count; i++) {
            xml.append("<si><t>");
            for (int k = 0; k < length; k++) {
                xml.append((char) ('a' + random.nextInt(26)));
            }
            xml.append("</t></si>");
        }
        return xml.append("</sst>").toString();
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
