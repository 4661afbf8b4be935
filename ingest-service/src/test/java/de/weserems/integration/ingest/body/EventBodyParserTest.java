package de.weserems.integration.ingest.body;

import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBodyParserTest {

    private static final String ID = "6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6";
    private final EventBodyParser parser = new EventBodyParser(JsonMapper.builder().build());

    private List<BodyItem> parse(BodyFormat format, String body) throws Exception {
        return parse(format, body.getBytes(StandardCharsets.UTF_8));
    }

    private List<BodyItem> parse(BodyFormat format, byte[] body) throws Exception {
        return all(parser.open(format, new ByteArrayInputStream(body), Long.MAX_VALUE));
    }

    /** Every item of a body, as the controller reads them; also for the other parser tests of this package. */
    static List<BodyItem> all(BodyItems items) throws Exception {
        List<BodyItem> all = new ArrayList<>();
        BodyItem item;
        while ((item = items.next(true)) != null) {
            all.add(item);
        }
        return all;
    }

    @ParameterizedTest(name = "delimiter {0}")
    @ValueSource(strings = {";", ","})
    void csv_with_either_delimiter_crlf_and_bom_gives_objects_of_strings_and_skips_empty_cells(String d)
            throws Exception {
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
    void csv_may_have_the_columns_of_contract_v2_and_a_retraction_leaves_all_but_its_own_empty() throws Exception {
        String retracted = "0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11";
        String body = """
                eventId;type;occurredOn;district;participantRef;courseType;outcome;languageLevel;placementType;\
                courseVariant;targetLevel;attempt;fundingSource;retracts
                %s;COURSE_COMPLETION;2026-11-20;03454;tn-1;JOB_LANGUAGE_COURSE;PASSED;B2;;BASIC_B2;B2;REPEAT;BAMF_DEUFOEV;
                %s;RETRACTION;2026-11-21;03454;;;;;;;;;;%s
                """.formatted(ID, retracted, ID);
        List<BodyItem> items = parse(BodyFormat.CSV, body);
        assertThat(items).extracting(BodyItem::unreadable).containsOnlyNulls();
        assertThat(items.get(0).node().propertyNames()).containsExactly("eventId", "type", "occurredOn", "district",
                "participantRef", "courseType", "outcome", "languageLevel", "courseVariant", "targetLevel", "attempt",
                "fundingSource");
        assertThat(items.get(0).node().get("attempt").asString()).isEqualTo("REPEAT");
        assertThat(items.get(1).node().propertyNames()).containsExactly("eventId", "type", "occurredOn", "district",
                "retracts");
        assertThat(items.get(1).node().get("retracts").asString()).isEqualTo(ID);
    }

    @Test
    void csv_may_have_the_columns_entitlement_issuer_and_sex() throws Exception {
        String body = """
                eventId;type;occurredOn;district;participantRef;courseType;outcome;languageLevel;placementType;\
                courseVariant;targetLevel;attempt;fundingSource;retracts;entitlement;issuer;sex
                %s;ENTITLEMENT;2026-10-12;03454;tn-1;;;;;;;;;;OBLIGED;JOBCENTER;FEMALE
                %s;COURSE_START;2026-11-23;03454;tn-1;INTEGRATION_COURSE;;;;GENERAL;B1;;BAMF_INTV;;;;
                """.formatted(ID, "0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11");
        List<BodyItem> items = parse(BodyFormat.CSV, body);
        assertThat(items).extracting(BodyItem::unreadable).containsOnlyNulls();
        assertThat(items.get(0).node().propertyNames()).containsExactly("eventId", "type", "occurredOn", "district",
                "participantRef", "entitlement", "issuer", "sex");
        assertThat(items.get(1).node().propertyNames()).containsExactly("eventId", "type", "occurredOn", "district",
                "participantRef", "courseType", "courseVariant", "targetLevel", "fundingSource");
    }

    @Test
    void csv_quotes_may_hold_the_delimiter_a_line_break_and_doubled_quotes_and_lines_count_physically()
            throws Exception {
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
    void broken_csv_rows_are_items_with_their_line_and_reason_and_reading_goes_on() throws Exception {
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
    void ndjson_skips_blank_lines_counts_lines_and_keeps_an_unreadable_line_as_an_item() throws Exception {
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
    void json_is_one_object_or_an_array_and_a_syntax_error_names_line_and_column() throws Exception {
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
        assertThatThrownBy(() -> parse(BodyFormat.CSV, latin1))
                .hasMessageStartingWith("The body is not valid UTF-8: byte 35 (line 2)");
    }

    @Test
    void ndjson_and_json_read_from_bytes_keep_umlauts_and_drop_a_byte_order_mark() throws Exception {
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
        assertThatThrownBy(() -> parse(BodyFormat.NDJSON, latin1))
                .hasMessageStartingWith("The body is not valid UTF-8: byte " + (brokenInTheSecondLine.length + 1) + " (line 2)");
    }

    /** A body that arrives one byte per read, so every character and line crosses a boundary somewhere. */
    private static InputStream trickling(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "NDJSON", "CSV"})
    void a_body_that_arrives_byte_by_byte_reads_as_the_whole_one(BodyFormat format) throws Exception {
        String line = "{\"eventId\":\"" + ID + "\",\"participantRef\":\"J\u00fcrgen \u20ac \uD83D\uDE00\"}";
        String body = switch (format) {
            case JSON -> "\uFEFF[" + line + ",\n" + line + "]";
            case NDJSON -> "\uFEFF" + line + "\r\n\n{\"broken\n" + line;
            case CSV -> "\uFEFFeventId;participantRef;type;occurredOn;district\r\n" + ID
                    + ";\"J\u00fcrgen;\r\n\"\"\u20ac\"\"\";x;y;z\n\n" + ID + ";\"a\";b\n";
            // a workbook is read whole before its first item (XlsxItemsTest)
            case XLSX -> throw new IllegalArgumentException("not a text format");
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<BodyItem> whole = parse(format, bytes);
        List<BodyItem> trickled = all(parser.open(format, trickling(bytes), Long.MAX_VALUE));
        assertThat(whole).hasSizeGreaterThanOrEqualTo(2);
        assertThat(trickled).isEqualTo(whole);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "NDJSON", "CSV"})
    void invalid_utf8_is_found_where_it_is_whatever_the_reads(BodyFormat format) throws Exception {
        byte[] start = (format == BodyFormat.CSV ? "eventId;participantRef;type;occurredOn;district\n" + ID + ";\u00e4"
                : "[{\"participantRef\":\"\u00e4").getBytes(StandardCharsets.UTF_8);
        for (byte[] broken : List.of(new byte[]{(byte) 0xC3, 'x'}, new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0x80},
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0x80}, new byte[]{(byte) 0xF0, (byte) 0x9F, (byte) 0x98})) {
            byte[] body = java.util.Arrays.copyOf(start, start.length + broken.length);
            System.arraycopy(broken, 0, body, start.length, broken.length);
            String expected = "The body is not valid UTF-8: byte " + (start.length + 1) + " (line "
                    + (format == BodyFormat.CSV ? 2 : 1) + ")";
            assertThatThrownBy(() -> all(parser.open(format, trickling(body), Long.MAX_VALUE)))
                    .isInstanceOf(UnreadableBodyException.class).hasMessageStartingWith(expected);
            assertThatThrownBy(() -> parse(format, body)).hasMessageStartingWith(expected);
            // Java's own strict decoder refuses the same bytes
            assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)))
                    .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        }
    }

    @Test
    void an_item_of_too_many_names_and_values_is_refused_and_the_next_is_read() throws Exception {
        StringBuilder huge = new StringBuilder("{\"eventId\":\"" + ID + "\"");
        for (int i = 0; i < 10_000; i++) {
            huge.append(",\"f").append(i).append("\":[1,{\"a\":null}]");
        }
        huge.append('}');
        String small = "{\"eventId\":\"" + ID + "\"}";
        List<BodyItem> json = parse(BodyFormat.JSON, "[" + huge + "," + small + "]");
        assertThat(json).extracting(BodyItem::unreadable).containsExactly(ItemTrees.TOO_LARGE, null);
        assertThat(json.get(1).node().get("eventId").asString()).isEqualTo(ID);
        List<BodyItem> ndjson = parse(BodyFormat.NDJSON, huge + "\n" + small + "\n");
        assertThat(ndjson).extracting(BodyItem::unreadable).containsExactly(ItemTrees.TOO_LARGE, null);
        assertThat(ndjson).extracting(BodyItem::line).containsExactly(1, 2);
        // deep nesting is bounded the same way
        assertThat(parse(BodyFormat.JSON, "[" + "[".repeat(400) + "]".repeat(400) + "]"))
                .extracting(BodyItem::unreadable).containsExactly(ItemTrees.TOO_LARGE);
        // up to the bound an item is whole
        StringBuilder fits = new StringBuilder("{\"a\":[");
        for (int i = 0; i < ItemTrees.MAX_VALUES - 3; i++) {
            fits.append(i == 0 ? "" : ",").append(i);
        }
        assertThat(parse(BodyFormat.JSON, fits + "]}").getFirst().node().get("a").size()).isEqualTo(ItemTrees.MAX_VALUES - 3);
        assertThat(parse(BodyFormat.JSON, fits + ",0]}").getFirst().unreadable()).isEqualTo(ItemTrees.TOO_LARGE);
    }

    @Test
    void a_body_over_the_limit_is_not_read_past_it() throws Exception {
        byte[] body = ("[" + "{},".repeat(1000) + "{}]").getBytes(StandardCharsets.UTF_8);
        for (BodyFormat format : List.of(BodyFormat.JSON, BodyFormat.NDJSON)) {
            CountingStream in = new CountingStream(format == BodyFormat.JSON ? body
                    : "{}\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> all(parser.open(format, in, 100))).isInstanceOf(BodyTooLargeException.class);
            assertThat(in.read).isLessThan(64 * 1024 + 1);
        }
        assertThatThrownBy(() -> all(parser.open(BodyFormat.CSV, new ByteArrayInputStream(
                ("eventId,type,occurredOn,district\n" + "a,b,c,d\n".repeat(100)).getBytes(StandardCharsets.UTF_8)), 100)))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSON", "NDJSON", "CSV"})
    void items_are_read_as_they_are_asked_for_not_the_whole_body_first(BodyFormat format) throws Exception {
        String body = switch (format) {
            case JSON -> "[" + "{},".repeat(1_000_000) + "{}]";
            case NDJSON -> "x\n".repeat(1_000_000);
            case CSV -> "eventId,type,occurredOn,district\n" + "x\n".repeat(1_000_000);
            case XLSX -> throw new IllegalArgumentException("a workbook is read whole, up to its limits (XlsxItemsTest)");
        };
        CountingStream in = new CountingStream(body.getBytes(StandardCharsets.UTF_8));
        BodyItems items = parser.open(format, in, Long.MAX_VALUE);
        for (int i = 0; i < 11; i++) {
            assertThat(items.next(false)).isNotNull();
        }
        assertThat(in.read).as("bytes taken for 11 items").isLessThan(128 * 1024);
    }

    @Test
    void an_unreadable_line_nobody_asks_about_is_known_as_such_without_its_reason() throws Exception {
        BodyItems items = parser.open(BodyFormat.NDJSON, new ByteArrayInputStream(
                ("{\"a\":1}\n{oops\n{\"a\":1}{\"b\":2}\n[1,2]\n").getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
        assertThat(items.next(false).unreadable()).isNull();
        FieldError broken = items.next(false).unreadable();
        assertThat(broken).isEqualTo(new FieldError(FieldError.LINE, Rule.UNREADABLE, "not valid JSON"));
        assertThat(items.next(false).unreadable().reason()).isEqualTo("not valid JSON");
        assertThat(items.next(false).node().isArray()).isTrue();
        assertThat(items.next(false)).isNull();
    }

    @Test
    void a_csv_header_of_many_unknown_columns_is_named_in_part() {
        String twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "c" + i)
                .collect(java.util.stream.Collectors.joining(";"));
        assertThatThrownBy(() -> parse(BodyFormat.CSV, "eventId;type;occurredOn;district;" + twenty + "\nx\n"))
                .hasMessageContaining("unknown columns: 'c0', 'c1'").hasMessageContaining("'c9' and 10 more.");
        String many = "a;".repeat(5_000);
        assertThatThrownBy(() -> parse(BodyFormat.CSV, many + "\nx\n"))
                .hasMessageStartingWith("The first line must be a header row of field names (delimiter ';'); it has 5001 columns.");
    }

    /** Counts the bytes a reader takes. */
    private static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
