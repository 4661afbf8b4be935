package de.weserems.integration.ingest.body;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Excel does to a CSV file, repaired where the meaning is certain and answered with its cause where not. */
class ExcelHabitsTest {

    private static final String ID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";
    private static final BodyLimits LIMITS = new BodyLimits(1 << 20, 100, 1 << 20);
    private final EventBodyParser parser = new EventBodyParser(JsonMapper.builder().build());

    private List<BodyItem> csv(byte[] body, Charset charset) throws Exception {
        return EventBodyParserTest.all(parser.open(BodyFormat.CSV, charset, new ByteArrayInputStream(body), LIMITS));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"3454, 03454", "3402, 03402", "' 3459 ', 03459", "03454, 03454",
            // not one of the 17 once padded, or not 4 digits: left for the validator's usual answer
            "9162, 9162", "3999, 3999", "345, 345", "34540, 34540", "345a, 345a"})
    void a_district_that_lost_its_leading_zero_is_padded_only_to_one_of_the_17(String cell, String read) {
        assertThat(ExcelHabits.district(cell).strip()).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"20.11.2026, 2026-11-20", "1.2.2026, 2026-02-01", "2026-11-20, 2026-11-20",
            // not certain, or no day of the calendar: left for the validator
            "31.02.2026, 31.02.2026", "20.11.26, 20.11.26", "11/20/2026, 11/20/2026"})
    void a_german_date_is_read_as_iso(String cell, String read) {
        assertThat(ExcelHabits.date(cell)).isEqualTo(read);
    }

    @Test
    void a_semicolon_csv_from_excel_with_a_short_ags_and_a_german_date_reads_as_the_intended_event() throws Exception {
        String body = "eventId;type;occurredOn;district;courseType\r\n"
                + ID + ";COURSE_ENROLMENT;20.11.2026;3454;INTEGRATION_COURSE\r\n";
        BodyItem item = csv(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).getFirst();
        assertThat(item.node().get("district").asString()).isEqualTo("03454");
        assertThat(item.node().get("occurredOn").asString()).isEqualTo("2026-11-20");
        // the other columns are not touched
        assertThat(item.node().get("eventId").asString()).isEqualTo(ID);
    }

    @Test
    void a_csv_declared_windows_1252_keeps_its_umlauts() throws Exception {
        String body = "eventId;type;occurredOn;district;participantRef\r\n"
                + ID + ";COURSE_ENROLMENT;20.11.2026;03454;Jürgen-Müßig-€\r\n";
        byte[] bytes = body.getBytes(BodyFormat.WINDOWS_1252);
        assertThat(bytes).contains((byte) 0xFC); // ü as one byte: no UTF-8
        BodyItem item = csv(bytes, BodyFormat.WINDOWS_1252).getFirst();
        assertThat(item.node().get("participantRef").asString()).isEqualTo("Jürgen-Müßig-€");
    }

    @Test
    void windows_1252_bytes_without_a_declared_charset_are_refused_with_the_row_the_byte_and_how_to_save() {
        String body = "eventId;type;occurredOn;district;participantRef\n" + ID + ";COURSE_ENROLMENT;2026-11-20;03454;Jürgen\n";
        byte[] bytes = body.getBytes(BodyFormat.WINDOWS_1252);
        int at = body.indexOf('ü') + 1;
        assertThatThrownBy(() -> csv(bytes, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(UnreadableBodyException.class, e -> {
                    assertThat(e.text().in(Locale.GERMAN)).startsWith("Die Datei ist nicht in UTF-8 gespeichert: Byte "
                            + at + " (Zeile 2)").contains("„CSV UTF-8 (durch Trennzeichen getrennt)“")
                            .contains("charset=windows-1252");
                    assertThat(e.text().in(Locale.ENGLISH)).startsWith("The body is not valid UTF-8: byte " + at
                            + " (line 2)").contains("'CSV UTF-8'");
                });
    }

    @Test
    void only_csv_may_be_declared_windows_1252() {
        var csv = org.springframework.http.MediaType.parseMediaType("text/csv; charset=windows-1252");
        var json = org.springframework.http.MediaType.parseMediaType("application/json; charset=windows-1252");
        assertThat(BodyFormat.of(csv)).contains(BodyFormat.CSV);
        assertThat(BodyFormat.CSV.charset(csv)).isEqualTo(BodyFormat.WINDOWS_1252);
        assertThat(BodyFormat.of(json)).isEmpty();
        assertThat(BodyFormat.of(org.springframework.http.MediaType.parseMediaType("text/csv; charset=ISO-8859-5")))
                .isEmpty();
    }
}
