package de.weserems.integration.dashboard.upload;

import de.weserems.integration.events.District;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What "retract this file" reads from a file: each row's eventId and district, from CSV and .xlsx alike. */
class UploadFileTest {

    private static final UUID A = UUID.fromString("6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6");
    private static final UUID B = UUID.fromString("0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11");

    @Test
    void csv_rows_with_bom_semicolons_quotes_crlf_and_excels_short_ags() throws Exception {
        String csv = "\uFEFFtype;\"eventId\";district;participantRef\r\n"
                + "COURSE_ENROLMENT;" + A + ";03454;\"tn;4711\"\r\n"
                + "\r\n"
                + "COURSE_ENROLMENT;" + B + ";3403;\"say \"\"hi\"\"\"\r\n"
                + "COURSE_ENROLMENT;not-a-uuid;03454;x\r\n";
        UploadFile file = UploadFile.of("a.csv", csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(file.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(file.events()).containsExactly(new UploadFile.Sent(A, District.byAgs("03454").orElseThrow()),
                new UploadFile.Sent(B, District.byAgs("03403").orElseThrow()));
    }

    @Test
    void a_comma_separated_windows_1252_file_is_read_in_its_charset() throws Exception {
        Charset windows = Charset.forName("windows-1252");
        String csv = "eventId,district,participantRef\n" + A + ",03454,Müller\n";
        UploadFile file = UploadFile.of("a.csv", csv.getBytes(windows), windows);
        assertThat(file.contentType()).isEqualTo("text/csv;charset=windows-1252");
        assertThat(file.events()).extracting(UploadFile.Sent::eventId).containsExactly(A);
    }

    @Test
    void xlsx_rows_are_read_from_the_first_sheet_even_a_district_excel_stored_as_a_number() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Ereignisse");
            sheet.createRow(0).createCell(0).setCellValue("eventId");
            sheet.getRow(0).createCell(1).setCellValue("district");
            sheet.createRow(1).createCell(0).setCellValue(A.toString());
            sheet.getRow(1).createCell(1).setCellValue(3454);
            sheet.createRow(2).createCell(0).setCellValue(B.toString());
            sheet.getRow(2).createCell(1).setCellValue("03403");
            book.write(out);
            bytes = out.toByteArray();
        }
        UploadFile file = UploadFile.of("Export.xlsx", bytes, StandardCharsets.UTF_8);
        assertThat(file.xlsx()).isTrue();
        assertThat(file.events()).containsExactly(new UploadFile.Sent(A, District.byAgs("03454").orElseThrow()),
                new UploadFile.Sent(B, District.byAgs("03403").orElseThrow()));
    }

    @Test
    void a_retraction_names_its_event_and_district_and_has_the_same_id_each_time() {
        String body = new String(Retractions.of(java.util.List.of(new UploadFile.Sent(A,
                District.byAgs("03454").orElseThrow())), java.time.LocalDate.of(2026, 11, 25)), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("[{\"eventId\":\"" + Retractions.idOf(A) + "\",\"type\":\"RETRACTION\","
                + "\"occurredOn\":\"2026-11-25\",\"district\":\"03454\",\"retracts\":\"" + A + "\"}]");
        assertThat(Retractions.idOf(A)).isEqualTo(Retractions.idOf(A)).isNotEqualTo(Retractions.idOf(B));
    }
}
