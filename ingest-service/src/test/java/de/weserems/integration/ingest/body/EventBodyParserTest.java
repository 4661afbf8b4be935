package de.weserems.integration.ingest.body;

import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBodyParserTest {

    private static final String ID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";
    private final EventBodyParser parser = new EventBodyParser(JsonMapper.builder().build());

    private List<BodyItem> parse(BodyFormat format, String body) throws UnreadableBodyException {
        return parser.parse(format, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "delimiter {0}")
    @ValueSource(strings = {";", ","})
    void csv_with_either_delimiter_crlf_and_bom_gives_objects_of_strings_and_skips_empty_cells(String d)
            throws UnreadableBodyException {
        String body = "\uFEFF" + String.join(d, "eventId", "type", "occurredOn", "district", "courseType", "placementType")
                + "\r\n" + String.join(d, ID, "COURSE_ENROLMENT", "2026-11-20", "03454", "INTEGRATION_COURSE", "") + "\r\n";
        List<BodyItem> items = parse(BodyFormat.CSV, body);
        assertThat(items).hasSize(1);
        BodyItem item = items.getFirst();
        assertThat(item.line()).isEqualTo(2);
        assertThat(item.unreadable()).isNull();
        assertThat(item.node().propertyNames()).containsExactly("eventId", "type", "occurredOn", "district", "courseType");
        assertThat(item.node().get("district").asString()).isEqualTo("03454");
    }

    @Test
    void csv_quotes_may_hold_the_delimiter_a_line_break_and_doubled_quotes_and_lines_count_physically()
            throws UnreadableBodyException {
        String body = """
                eventId;type;participantRef;occurredOn;district
                "%s";COURSE_ENROLMENT;"a;b ""c""
                d";2026-11-20;03454

                %s;JOB_PLACEMENT;x;2026-11-20;03454
                """.formatted(ID, ID);
        List<BodyItem> items = parse(BodyFormat.CSV, body);
        assertThat(items).extracting(BodyItem::line).containsExactly(2, 5);
        assertThat(items.getFirst().node().get("participantRef").asString()).isEqualTo("a;b \"c\"\nd");
        assertThat(items.getFirst().node().get("eventId").asString()).isEqualTo(ID);
    }

    @Test
    void broken_csv_rows_are_items_with_their_line_and_reason_and_reading_goes_on() throws UnreadableBodyException {
        String body = """
                eventId,type,occurredOn,district
                %s,COURSE_ENROLMENT,2026-11-20,03454,extra
                %s,COURSE_ENROLMENT,2026-11-20
                %s,COURSE_"ENROLMENT,2026-11-20,03454
                "%s"x,COURSE_ENROLMENT,2026-11-20,03454
                %s,COURSE_ENROLMENT,2026-11-20,03454
                "%s,COURSE_ENROLMENT,2026-11-20,03454
                """.formatted(ID, ID, ID, ID, ID, ID);
        List<BodyItem> items = parse(BodyFormat.CSV, body);
        assertThat(items).extracting(BodyItem::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(items).extracting(i -> i.unreadable() == null ? null : i.unreadable().reason()).containsExactly(
                "has 5 cells, the header has 4 (delimiter ',')",
                "has 3 cells, the header has 4 (delimiter ',')",
                "cell 2 has a quote inside an unquoted value; quote the whole cell and write the quote as \"\"",
                "cell 1 has text after its closing quote; inside a quoted cell write a quote as \"\"",
                null,
                "cell 1 opens a quote on line 7 that is never closed");
        assertThat(items.getFirst().unreadable().rule()).isEqualTo(Rule.UNREADABLE);
        assertThat(items.getFirst().unreadable().field()).isEqualTo("(row)");
    }

    @Test
    void csv_header_problems_make_the_body_unreadable() {
        assertThatThrownBy(() -> parse(BodyFormat.CSV, ID + ";COURSE_ENROLMENT;2026-11-20;03454\n"))
                .hasMessageContaining("The first line must be a header row").hasMessageContaining("unknown columns: '" + ID + "'");
        assertThatThrownBy(() -> parse(BodyFormat.CSV, "eventId;type;occurredOn;district;colour\n"))
                .hasMessageContaining("unknown columns: 'colour'");
        assertThatThrownBy(() -> parse(BodyFormat.CSV, "eventId;type;occurredOn;district;type\n"))
                .hasMessage("The CSV header names a column twice: type.");
        assertThatThrownBy(() -> parse(BodyFormat.CSV, "eventId;type;occurredOn\n"))
                .hasMessage("The CSV header lacks the required columns district (delimiter ';').");
        assertThatThrownBy(() -> parse(BodyFormat.CSV, "eventId;type;occurredOn;district\r\n"))
                .hasMessage("The CSV has a header row but no rows of events.");
    }

    @Test
    void ndjson_skips_blank_lines_counts_lines_and_keeps_an_unreadable_line_as_an_item() throws UnreadableBodyException {
        String body = "{\"eventId\":\"" + ID + "\"}\r\n\n{\"eventId\": \n[1]\n";
        List<BodyItem> items = parse(BodyFormat.NDJSON, body);
        assertThat(items).extracting(BodyItem::line).containsExactly(1, 3, 4);
        assertThat(items.get(0).node().get("eventId").asString()).isEqualTo(ID);
        FieldError broken = items.get(1).unreadable();
        assertThat(broken.field()).isEqualTo("(line)");
        assertThat(broken.reason()).startsWith("not valid JSON");
        assertThat(items.get(2).node().isArray()).isTrue();
    }

    @Test
    void json_is_one_object_or_an_array_and_a_syntax_error_names_line_and_column() throws UnreadableBodyException {
        assertThat(parse(BodyFormat.JSON, "{\"a\":1}")).hasSize(1);
        assertThat(parse(BodyFormat.JSON, "[{\"a\":1},{\"a\":2}]")).hasSize(2).allMatch(i -> i.line() == null);
        assertThatThrownBy(() -> parse(BodyFormat.JSON, "[{\"a\":1},\n{\"a\":2]"))
                .hasMessageStartingWith("The body is not valid JSON (line 2, column");
        assertThatThrownBy(() -> parse(BodyFormat.JSON, "{\"a\":1} {\"a\":2}"))
                .hasMessageStartingWith("The body is not valid JSON");
        assertThatThrownBy(() -> parse(BodyFormat.JSON, "[]")).hasMessage("The array holds no events.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "NDJSON", "CSV"})
    void empty_and_blank_bodies_are_unreadable(BodyFormat format) {
        assertThatThrownBy(() -> parse(format, "")).hasMessage("The body is empty: send at least one event.");
        assertThatThrownBy(() -> parse(format, " \r\n\n")).hasMessage("The body is empty: send at least one event.");
    }

    @Test
    void invalid_utf8_is_unreadable_with_its_byte_and_line() {
        byte[] latin1 = "eventId;type;occurredOn;district\nK\u00f6ln;x;y;z\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse(BodyFormat.CSV, latin1))
                .hasMessageStartingWith("The body is not valid UTF-8: byte 35 (line 2)");
    }

    @Test
    void ndjson_and_json_read_from_bytes_keep_umlauts_and_drop_a_byte_order_mark() throws UnreadableBodyException {
        String line = "{\"eventId\":\"" + ID + "\",\"participantRef\":\"J\u00fcrgen \u20ac \uD83D\uDE00\"}";
        List<BodyItem> items = parse(BodyFormat.NDJSON, "\uFEFF" + line + "\r\n" + line);
        assertThat(items).extracting(BodyItem::line).containsExactly(1, 2);
        assertThat(items).allSatisfy(item ->
                assertThat(item.node().get("participantRef").asString()).isEqualTo("J\u00fcrgen \u20ac \uD83D\uDE00"));
        List<BodyItem> json = parse(BodyFormat.JSON, "\uFEFF[" + line + "]");
        assertThat(json.getFirst().node().get("participantRef").asString()).isEqualTo("J\u00fcrgen \u20ac \uD83D\uDE00");
        byte[] brokenInTheSecondLine = (line + "\n{\"a\":\"K").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = java.util.Arrays.copyOf(brokenInTheSecondLine, brokenInTheSecondLine.length + 3);
        latin1[latin1.length - 3] = (byte) 0xf6;
        latin1[latin1.length - 2] = '"';
        latin1[latin1.length - 1] = '}';
        assertThatThrownBy(() -> parser.parse(BodyFormat.NDJSON, latin1))
                .hasMessageStartingWith("The body is not valid UTF-8: byte " + (brokenInTheSecondLine.length + 1) + " (line 2)");
    }
}
