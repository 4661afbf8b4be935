package de.weserems.integration.dashboard.base.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a page shows as an Excel workbook: one sheet per table, each headed by the page's title and context
 * lines. A number is a numeric cell with the decimals the page shows ({@code #,##0.0}, {@code 0.0 %}),
 * which Excel writes with the reader's separators (a decimal comma in German Excel); a withheld figure
 * is the text the page shows ("–", "keine Meldungen"), never a number.
 */
public final class Xlsx {

    /** Excel's limit for a sheet's name. */
    private static final int SHEET_NAME = 31;

    private Xlsx() {
    }

    /** The workbook's bytes. */
    public static byte[] write(ShownTable table) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle strong = book.createCellStyle();
            strong.setFont(bold);
            Map<String, CellStyle> numbers = new HashMap<>();
            Set<String> names = new HashSet<>();
            for (ShownTable.Section section : table.sections()) {
                Sheet sheet = book.createSheet(sheetName(section.title().isEmpty() ? table.title() : section.title(),
                        names));
                int r = 0;
                if (!table.title().isEmpty()) {
                    text(sheet.createRow(r++), 0, table.title(), strong);
                }
                for (String line : table.context()) {
                    text(sheet.createRow(r++), 0, line, null);
                }
                if (!section.title().isEmpty() && !section.title().equals(table.title())) {
                    text(sheet.createRow(r++), 0, section.title(), strong);
                }
                // a blank line between what the sheet is about and its table; a bare table starts at the top
                r += r > 0 ? 1 : 0;
                Row header = sheet.createRow(r++);
                for (int c = 0; c < section.header().size(); c++) {
                    text(header, c, section.header().get(c), strong);
                }
                int[] widths = new int[section.header().size()];
                for (int c = 0; c < widths.length; c++) {
                    widths[c] = section.header().get(c).length();
                }
                for (List<Cell> cells : section.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        Cell cell = cells.get(c);
                        widths[c] = Math.max(widths[c], cell.text().length());
                        if (cell.numeric()) {
                            var xlsCell = row.createCell(c);
                            xlsCell.setCellValue(cell.number().doubleValue());
                            xlsCell.setCellStyle(numbers.computeIfAbsent(format(cell), f -> {
                                CellStyle style = book.createCellStyle();
                                style.setDataFormat(book.createDataFormat().getFormat(f));
                                return style;
                            }));
                        } else {
                            text(row, c, cell.text(), null);
                        }
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    // Excel measures a column in 1/256 of a character; autoSizeColumn would need the fonts of AWT
                    sheet.setColumnWidth(c, Math.min(60, widths[c] + 2) * 256);
                }
                sheet.createFreezePane(0, r - section.rows().size());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number format of the cell, in Excel's locale-free notation. */
    static String format(Cell cell) {
        String decimals = cell.decimals() == 0 ? "" : "." + "0".repeat(cell.decimals());
        return cell.percent() ? "0" + decimals + " %" : "#,##0" + decimals;
    }

    private static void text(Row row, int column, String text, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A valid, unique sheet name: Excel refuses {@code : / \ ? * [ ]}, more than 31 characters and doubles. */
    private static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted.isBlank() ? "Tabelle" : wanted);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }
}
