package de.weserems.integration.ingest.body;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An .xlsx body read with POI's streaming reader: Excel's cells as the provider meant them, and bounded work. */
class XlsxItemsTest {

    private static final String ID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";
    private static final String ID2 = "0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11";
    private static final List<Object> HEADER = List.of("eventId", "type", "occurredOn", "district", "participantRef",
            "courseType");
    private final EventBodyParser parser = new EventBodyParser(JsonMapper.builder().build());

    private List<BodyItem> read(byte[] body, BodyLimits limits) throws Exception {
        return EventBodyParserTest.all(parser.open(BodyFormat.XLSX, StandardCharsets.UTF_8, new ByteArrayInputStream(body),
                limits));
    }

    private List<BodyItem> read(byte[] body) throws Exception {
        return read(body, new BodyLimits(1 << 20, 100, 8 << 20));
    }

    @Test
    void the_first_sheet_reads_as_rows_of_events_with_dates_numbers_and_text_as_meant() throws Exception {
        byte[] workbook = Workbooks.xlsx(List.of(HEADER,
                Arrays.asList(ID, "COURSE_ENROLMENT", LocalDate.of(2026, 11, 20), 3454, "tn-4711", "INTEGRATION_COURSE"),
                Arrays.asList(null, null, null, null, null, null),
                Arrays.asList(ID2, "COURSE_ENROLMENT", "20.11.2026", "03402", null, "INTEGRATION_COURSE"),
                Arrays.asList(ID, "COURSE_ENROLMENT", 46346, 3459.0, "tn-1", "INTEGRATION_COURSE")));
        List<BodyItem> items = read(workbook);
        assertThat(items).extracting(BodyItem::unreadable).containsOnlyNulls();
        // the line is the sheet's row number, as Excel shows it; the empty row is skipped
        assertThat(items).extracting(BodyItem::line).containsExactly(2, 4, 5);
        var first = items.get(0).node();
        assertThat(first.get("occurredOn").asString()).isEqualTo("2026-11-20");
        assertThat(first.get("district").asString()).isEqualTo("03454");
        assertThat(first.get("participantRef").asString()).isEqualTo("tn-4711");
        assertThat(items.get(1).node().get("occurredOn").asString()).isEqualTo("2026-11-20");
        assertThat(items.get(1).node().has("participantRef")).isFalse();
        // a date that lost its format is still Excel's day number; 3459.0 has its digits only
        assertThat(items.get(2).node().get("occurredOn").asString()).isEqualTo("2026-11-20");
        assertThat(items.get(2).node().get("district").asString()).isEqualTo("03459");
    }

    @Test
    void a_reference_stored_as_a_number_stays_a_number_for_the_validator_to_refuse() throws Exception {
        byte[] workbook = Workbooks.xlsx(List.of(HEADER,
                Arrays.asList(ID, "COURSE_ENROLMENT", "2026-11-20", "03454", 123456789012L, "INTEGRATION_COURSE")));
        var node = read(workbook).getFirst().node();
        assertThat(node.get("participantRef").isNumber()).isTrue();
        assertThat(node.get("participantRef").decimalValue()).isEqualByComparingTo("123456789012");
    }

    @Test
    void a_header_naming_unknown_columns_is_refused_in_the_sheets_words() throws Exception {
        byte[] workbook = Workbooks.xlsx(List.of(List.of("eventId", "Typ", "occurredOn", "district"),
                List.of(ID, "COURSE_ENROLMENT", "2026-11-20", "03454")));
        assertThatThrownBy(() -> read(workbook)).isInstanceOf(UnreadableBodyException.class)
                .hasMessageStartingWith("The first row of the first sheet must be a header row")
                .hasMessageContaining("unknown columns: 'Typ'");
    }

    @Test
    void a_file_that_is_no_workbook_is_unreadable_and_an_empty_one_is_empty() {
        assertThatThrownBy(() -> read("eventId;type\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableBodyException.class).hasMessageContaining("not an .xlsx workbook");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UnreadableBodyException.class)
                .hasMessageStartingWith("The body is empty");
    }

    @Test
    void rows_are_read_only_to_one_past_the_limit() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 0; i < 500; i++) {
            rows.add(Arrays.asList(ID, "COURSE_ENROLMENT", "2026-11-20", "03454", "tn-" + i, "INTEGRATION_COURSE"));
        }
        assertThat(read(Workbooks.xlsx(rows), new BodyLimits(1 << 20, 10, 8 << 20))).hasSize(11);
    }

    @Test
    void a_zip_bomb_is_refused_as_too_large_not_unpacked() throws Exception {
        // 600 MB of XML packed into well under a megabyte: POI's inflate-ratio guard stops it early
        byte[] bomb = Workbooks.bomb(100_000_000);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> read(bomb, new BodyLimits(1 << 20, 100, 64L << 20)))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.unpacked()).isTrue());
    }

    @Test
    void a_huge_shared_strings_table_is_refused_by_its_size_or_by_its_count() throws Exception {
        // 2 MB of distinct strings: no bomb (they pack badly), but over an unpacked limit of 1 MB
        byte[] large = Workbooks.handMade(Workbooks.headerOnlySheet(), Workbooks.sharedStrings(20_000, 100));
        assertThatThrownBy(() -> read(large, new BodyLimits(8 << 20, 100, 1 << 20)))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.unpacked()).isTrue());
        // many tiny strings: more than 10 events could ever use
        byte[] many = Workbooks.handMade(Workbooks.headerOnlySheet(), Workbooks.sharedStrings(5_000, 3));
        assertThatThrownBy(() -> read(many, new BodyLimits(8 << 20, 10, 8 << 20)))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.unpacked()).isTrue());
        // the same tables within the bounds are read: the sheet is only a header then
        assertThatThrownBy(() -> read(many, new BodyLimits(8 << 20, 1000, 8 << 20)))
                .isInstanceOf(UnreadableBodyException.class).hasMessageContaining("header row but no rows");
    }

    @Test
    void a_cell_is_kept_only_as_long_as_a_field_could_use() throws Exception {
        byte[] workbook = Workbooks.xlsx(List.of(HEADER,
                Arrays.asList(ID, "COURSE_ENROLMENT", "2026-11-20", "03454", "x".repeat(30_000), "INTEGRATION_COURSE")));
        String ref = read(workbook).getFirst().node().get("participantRef").asString();
        // still too long for the contract (1 to 128), so refused as such, but not kept whole
        assertThat(ref).hasSize(XlsxItems.MAX_CELL_CHARS);
    }

    @Test
    void a_workbook_over_the_byte_limit_is_not_read() throws Exception {
        byte[] workbook = Workbooks.xlsx(List.of(HEADER,
                Arrays.asList(ID, "COURSE_ENROLMENT", "2026-11-20", "03454", "tn-1", "INTEGRATION_COURSE")));
        assertThatThrownBy(() -> read(workbook, new BodyLimits(workbook.length - 1, 100, 8 << 20)))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.unpacked()).isFalse());
    }

}
