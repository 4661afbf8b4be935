package de.weserems.integration.dashboard.base.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV for German Excel: byte order mark, {@code ;}, decimal comma, quoting, withheld cells as shown. */
class CsvTest {

    @Test
    void german_excel_gets_a_bom_semicolons_decimal_commas_and_the_page_above_the_table() {
        String csv = Csv.GERMAN_EXCEL.write(ExportTables.chain());
        assertThat(csv).startsWith("\uFEFFFörderkette\r\nZeitraum: Januar 2026 bis November 2026\r\n"
                + "Kursart: alle Kursarten\r\n\r\nKreis;AGS;Offen;Je 10.000;Quote\r\n");
        // a count without grouping (German Excel would take "1.234" for a date or a decimal elsewhere)
        assertThat(csv).contains("\r\nEmsland;03454;1234;12,5;82,1 %\r\n");
    }

    @Test
    void a_cell_with_a_semicolon_or_quotes_is_quoted_and_withheld_cells_are_written_as_the_page_shows_them() {
        String csv = Csv.GERMAN_EXCEL.write(ExportTables.chain());
        assertThat(csv).contains("\r\n\"Leer; \"\"Ostfriesland\"\"\";03457;–;0,0;–\r\n");
        assertThat(csv).endsWith("\r\nWittmund;03462;keine Meldungen;keine Meldungen;keine Meldungen\r\n");
    }

    @Test
    void the_read_apis_form_has_commas_a_decimal_point_and_no_bom() {
        String csv = Csv.API.write(ExportTables.chain());
        assertThat(csv).startsWith("Förderkette\r\n");
        assertThat(csv).contains("\r\nEmsland,03454,1234,12.5,82.1 %\r\n");
        assertThat(Csv.API.table(java.util.List.of("a,b"), java.util.List.of(java.util.List.of("x\ny"))))
                .isEqualTo("\"a,b\"\r\n\"x\ny\"\r\n");
    }
}
