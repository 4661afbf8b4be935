package de.weserems.integration.dashboard.base.export;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The .xlsx read back with POI: figures are numeric cells with the page's decimals, withheld ones the page's text. */
class XlsxTest {

    @Test
    void figures_are_numbers_with_the_pages_decimals_and_withheld_figures_the_pages_text() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(ExportTables.chain())))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Förderkette");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Förderkette");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("Zeitraum: Januar 2026");
            Row header = sheet.getRow(4);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Quote");

            Row emsland = sheet.getRow(5);
            assertThat(emsland.getCell(1).getCellType()).as("an AGS stays a code").isEqualTo(CellType.STRING);
            assertThat(emsland.getCell(1).getStringCellValue()).isEqualTo("03454");
            assertThat(emsland.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(emsland.getCell(2).getNumericCellValue()).isEqualTo(1234.0);
            assertThat(emsland.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(emsland.getCell(3).getNumericCellValue()).isEqualTo(12.5);
            assertThat(emsland.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
            assertThat(emsland.getCell(4).getNumericCellValue()).isEqualTo(0.821);
            assertThat(emsland.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0 %");

            Row leer = sheet.getRow(6);
            assertThat(leer.getCell(0).getStringCellValue()).isEqualTo("Leer; \"Ostfriesland\"");
            assertThat(leer.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(leer.getCell(2).getStringCellValue()).isEqualTo("–");
            assertThat(sheet.getRow(7).getCell(4).getStringCellValue()).isEqualTo("keine Meldungen");
            assertThat(sheet.getLastRowNum()).isEqualTo(7);
        }
    }

    @Test
    void each_table_of_a_page_is_a_sheet_of_its_own_named_as_excel_allows_and_a_bare_table_starts_at_the_top() throws Exception {
        ShownTable.Section one = new ShownTable.Section("Kennzahlen: Anmeldungen [alle]", List.of("a"),
                List.of(List.of(Cell.text("x"))));
        ShownTable.Section two = new ShownTable.Section("Kennzahlen: Anmeldungen [alle]", List.of("b"), List.of());
        ShownTable.Section bare = new ShownTable.Section("", List.of("c"), List.of(List.of(Cell.shown("7", ExportTables.DE))));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(
                new ShownTable("", List.of(), "", List.of(one, two, bare)))))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetAt(2).getRow(0).getCell(0).getStringCellValue()).isEqualTo("c");
            assertThat(book.getSheetAt(2).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(7.0);
            assertThat(book.getSheetName(0)).doesNotContain(":", "[", "]").hasSizeLessThanOrEqualTo(31);
            assertThat(book.getSheetName(1)).isNotEqualTo(book.getSheetName(0)).hasSizeLessThanOrEqualTo(31);
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kennzahlen: Anmeldungen [alle]");
        }
    }
}
