package de.weserems.integration.ingest.body;

import de.weserems.integration.events.EventFields;
import de.weserems.integration.ingest.validation.EventValidator;
import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import de.weserems.integration.ingest.validation.Text;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a request body of one of the {@link BodyFormat}s as a stream of items ({@link BodyItems}): a JSON
 * body token by token with Jackson's streaming parser, NDJSON line by line, CSV record by record. Nothing
 * is read ahead of the item asked for, so a caller that stops early has read little, and no item is larger
 * than {@link ItemTrees#MAX_VALUES} names and values.
 */
@Component
public class EventBodyParser {

    /** Columns a CSV header must have: without them every row would be rejected for the same reason. */
    private static final List<String> REQUIRED_COLUMNS = List.of("eventId", "type", "occurredOn", "district");
    /** Unknown header columns named in the answer; a header of thousands of columns is not repeated whole. */
    private static final int UNKNOWN_COLUMNS_NAMED = 10;
    /** Header cells kept to be checked; a header with more is refused by its count alone. */
    static final int HEADER_CELLS_KEPT = 100;
    private static final Text EMPTY = new Text("body.empty");
    /** The reason of an NDJSON line known to be no JSON when nobody asked why exactly ({@link BodyItems#next}). */
    private static final FieldError NOT_JSON = FieldError.of(FieldError.LINE, Rule.UNREADABLE, "body.line.not-json");

    private final JsonMapper json;

    public EventBodyParser(JsonMapper json) {
        this.json = json;
    }

    /**
     * Starts reading {@code body}, which may be at most {@code maxBytes} long. Reads the beginning only:
     * enough to refuse a body whose start already shows that it cannot be read (an empty one, a CSV without
     * a usable header).
     */
    public BodyItems open(BodyFormat format, InputStream body, long maxBytes)
            throws UnreadableBodyException, BodyTooLargeException, IOException {
        return open(format, StandardCharsets.UTF_8, body, new BodyLimits(maxBytes, Integer.MAX_VALUE - 1,
                BodyLimits.DEFAULT_MAX_UNPACKED_BYTES));
    }

    /**
     * As above, for a body in {@code charset} (a CSV body may be declared in another than UTF-8). An
     * {@code .xlsx} body is read whole before the first item, but never more than {@code limits} allow.
     */
    public BodyItems open(BodyFormat format, Charset charset, InputStream body, BodyLimits limits)
            throws UnreadableBodyException, BodyTooLargeException, IOException {
        boolean utf8 = format != BodyFormat.XLSX && charset.equals(StandardCharsets.UTF_8);
        BodyStream in = new BodyStream(body, limits.maxBytes(), utf8);
        return switch (format) {
            case JSON -> new JsonItems(in);
            case NDJSON -> new NdjsonItems(in);
            case CSV -> new CsvItems(in, charset);
            case XLSX -> XlsxItems.read(in, limits);
        };
    }

    /** A failure of the stream itself, as the exception the caller gets. */
    private static Exception failed(BodyStream.Failure failure) {
        return failure.tooLarge ? new BodyTooLargeException() : new UnreadableBodyException(failure.text);
    }

    private static void rethrow(Exception e) throws UnreadableBodyException, BodyTooLargeException {
        if (e instanceof BodyTooLargeException tooLarge) {
            throw tooLarge;
        }
        throw (UnreadableBodyException) e;
    }

    /**
     * The body as a whole broke a rule: the stream's own failure if there was one (also while finding out
     * whether the body is only white space), else an empty body, else {@code message}.
     */
    static UnreadableBodyException unreadable(BodyStream in, Text message)
            throws UnreadableBodyException, BodyTooLargeException, IOException {
        boolean empty = false;
        try {
            // a body of white space that a format's reader trips over first is still an empty body
            empty = in.failure() == null && in.blankSoFar() && in.blankToTheEnd();
        } catch (BodyStream.Failure failure) {
            // answered below
        }
        if (in.failure() != null) {
            rethrow(failed(in.failure()));
        }
        return new UnreadableBodyException(empty ? EMPTY : message);
    }

    /** One event as a JSON object, or several as a JSON array, read with Jackson's streaming parser. */
    private final class JsonItems implements BodyItems {

        private final BodyStream in;
        private final JsonParser parser;
        private final boolean array;
        private int items;
        private boolean done;

        JsonItems(BodyStream in) throws UnreadableBodyException, BodyTooLargeException, IOException {
            this.in = in;
            try {
                parser = json.createParser(in);
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw unreadable(in, EMPTY);
                }
                array = first == JsonToken.START_ARRAY;
            } catch (JacksonException e) {
                throw syntax(e);
            }
        }

        @Override
        public BodyItem next(boolean detailed) throws UnreadableBodyException, BodyTooLargeException, IOException {
            if (done) {
                return null;
            }
            try {
                if (array ? parser.nextToken() == JsonToken.END_ARRAY : items == 1) {
                    done = true;
                    JsonToken after = parser.nextToken();
                    if (after != null) {
                        throw unreadable(in, new Text("body.json.second-value", where(parser.currentTokenLocation())));
                    }
                    if (items == 0) {
                        throw unreadable(in, new Text("body.json.empty-array"));
                    }
                    return null;
                }
                items++;
                JsonNode node = ItemTrees.read(parser);
                return node == null ? new BodyItem(null, null, ItemTrees.TOO_LARGE) : BodyItem.of(node, null);
            } catch (JacksonException e) {
                throw syntax(e);
            }
        }

        private UnreadableBodyException syntax(JacksonException e)
                throws UnreadableBodyException, BodyTooLargeException, IOException {
            if (e.getCause() instanceof IOException io && !(io instanceof BodyStream.Failure)) {
                throw io;
            }
            return unreadable(in, new Text("body.json.syntax", where(e.getLocation()), e.getOriginalMessage()));
        }
    }

    /** One event per line ({@code \n} or {@code \r\n}); blank lines are skipped but counted. */
    private final class NdjsonItems implements BodyItems {

        private final BodyStream in;
        private byte[] buffer = new byte[64 * 1024];
        /** The unread bytes are {@code buffer[pos, limit)}; none of {@code buffer[pos, scanned)} is a line feed. */
        private int pos;
        private int limit;
        private int scanned;
        private boolean end;
        private int line;
        private int items;

        NdjsonItems(BodyStream in) {
            this.in = in;
        }

        @Override
        public BodyItem next(boolean detailed) throws UnreadableBodyException, BodyTooLargeException, IOException {
            while (true) {
                int newline = newline();
                if (newline < 0 && pos == limit) {
                    if (items == 0) {
                        throw unreadable(in, EMPTY);
                    }
                    return null;
                }
                int from = pos;
                int to = newline < 0 ? limit : newline;
                pos = newline < 0 ? limit : newline + 1;
                scanned = pos;
                line++;
                if (to > from && buffer[to - 1] == '\r') {
                    to--;
                }
                if (!blank(buffer, from, to)) {
                    items++;
                    return item(from, to, detailed);
                }
            }
        }

        /** Where the next line feed is, reading on as needed; -1 when the body ends first. */
        private int newline() throws UnreadableBodyException, BodyTooLargeException, IOException {
            while (true) {
                for (; scanned < limit; scanned++) {
                    if (buffer[scanned] == '\n') {
                        return scanned;
                    }
                }
                if (end) {
                    return -1;
                }
                fill();
            }
        }

        private void fill() throws UnreadableBodyException, BodyTooLargeException, IOException {
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                scanned -= pos;
                pos = 0;
            }
            if (limit == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            try {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    end = true;
                } else {
                    limit += n;
                }
            } catch (BodyStream.Failure failure) {
                rethrow(failed(failure));
            }
        }

        private BodyItem item(int from, int to, boolean detailed) {
            if (!detailed && !JsonSyntax.isValue(buffer, from, to)) {
                return new BodyItem(null, line, NOT_JSON);
            }
            try (JsonParser parser = json.createParser(buffer, from, to - from)) {
                if (parser.nextToken() == null) {
                    return new BodyItem(null, line, NOT_JSON);
                }
                JsonNode node = ItemTrees.read(parser);
                if (node == null) {
                    return new BodyItem(null, line, ItemTrees.TOO_LARGE);
                }
                if (parser.nextToken() != null) {
                    return new BodyItem(null, line, FieldError.of(FieldError.LINE, Rule.UNREADABLE,
                            "body.line.second-value", column(parser.currentTokenLocation())));
                }
                return BodyItem.of(node, line);
            } catch (JacksonException e) {
                return new BodyItem(null, line, FieldError.of(FieldError.LINE, Rule.UNREADABLE,
                        "body.line.syntax", column(e.getLocation()), e.getOriginalMessage()));
            }
        }
    }

    /**
     * CSV with a header row of field names; each row becomes an object of strings, with Excel's habits
     * repaired where that is safe ({@link ExcelHabits}).
     */
    private static final class CsvItems implements BodyItems {

        private final BodyStream in;
        private final CsvRecords records;
        private final char delimiter;
        private final List<String> header;
        private int items;

        CsvItems(BodyStream in, Charset charset) throws UnreadableBodyException, BodyTooLargeException, IOException {
            this.in = in;
            this.records = new CsvRecords(new InputStreamReader(in, charset));
            try {
                delimiter = records.detectDelimiter();
                CsvRecords.CsvRecord first = records.next(HEADER_CELLS_KEPT);
                if (first == null) {
                    throw unreadable(in, EMPTY);
                }
                header = header(first);
            } catch (BodyStream.Failure failure) {
                rethrow(failed(failure));
                throw failure;
            }
        }

        @Override
        public BodyItem next(boolean detailed) throws UnreadableBodyException, BodyTooLargeException, IOException {
            CsvRecords.CsvRecord record;
            try {
                record = records.next(header.size());
            } catch (BodyStream.Failure failure) {
                rethrow(failed(failure));
                throw failure;
            }
            if (record == null) {
                if (items == 0) {
                    throw unreadable(in, new Text("body.csv.header-only"));
                }
                return null;
            }
            items++;
            if (record.error() != null) {
                return new BodyItem(null, record.line(), FieldError.of(FieldError.ROW, Rule.UNREADABLE, record.error()));
            }
            if (record.cellCount() != header.size()) {
                return new BodyItem(null, record.line(), FieldError.of(FieldError.ROW, Rule.UNREADABLE,
                        "body.csv.cell-count", Integer.toString(record.cellCount()), Integer.toString(header.size()),
                        String.valueOf(delimiter)));
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < header.size(); c++) {
                String cell = record.cells().get(c);
                if (!cell.isEmpty()) {
                    node.put(header.get(c), ExcelHabits.repair(header.get(c), cell));
                }
            }
            return BodyItem.of(node, record.line());
        }

        private List<String> header(CsvRecords.CsvRecord record)
                throws UnreadableBodyException, BodyTooLargeException, IOException {
            if (record.error() != null) {
                throw unreadable(in, new Text("body.csv.header-broken", Integer.toString(record.line()), record.error()));
            }
            List<String> names = record.cells().stream().map(String::strip).toList();
            Text problem = headerProblem(names, record.cellCount(), "csv", delimiter);
            if (problem != null) {
                throw unreadable(in, problem);
            }
            return names;
        }
    }

    /**
     * What is wrong with a header row of field names (CSV or the first row of a sheet), or {@code null}.
     *
     * @param names     its cells, stripped, as far as they were kept
     * @param cellCount how many cells it has
     * @param format    {@code csv} or {@code xlsx}: whose texts name it
     * @param delimiter the CSV's delimiter, which each CSV answer names; ignored for a sheet
     */
    static Text headerProblem(List<String> names, int cellCount, String format, char delimiter) {
        String d = String.valueOf(delimiter);
        String prefix = "body." + format + ".header.";
        if (cellCount > names.size()) {
            return new Text(prefix + "too-wide", Integer.toString(cellCount), String.join(", ", EventFields.ALL), d);
        }
        Set<String> known = Set.copyOf(EventFields.ALL);
        List<String> unknown = names.stream().filter(h -> !known.contains(h)).toList();
        if (!unknown.isEmpty()) {
            String named = unknown.stream().limit(UNKNOWN_COLUMNS_NAMED)
                    .map(h -> "'" + EventValidator.abbreviate(h) + "'").collect(Collectors.joining(", "));
            Object more = unknown.size() > UNKNOWN_COLUMNS_NAMED
                    ? new Text("body.header.more", Integer.toString(unknown.size() - UNKNOWN_COLUMNS_NAMED)) : "";
            return new Text(prefix + "unknown", named, more, String.join(", ", EventFields.ALL), d);
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = names.stream().filter(h -> !seen.add(h))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!repeated.isEmpty()) {
            return new Text(prefix + "repeated", String.join(", ", repeated), d);
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            return new Text(prefix + "missing", String.join(", ", missing), d);
        }
        return null;
    }

    /** Whether the bytes hold only ASCII white space (as {@link Character#isWhitespace} defines it). */
    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0 || !Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    /** Where in the body Jackson stopped, as a text of its own (empty when it does not say). */
    private static Object where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : new Text("body.json.where", Integer.toString(location.getLineNr()),
                Integer.toString(location.getColumnNr()));
    }

    private static Object column(TokenStreamLocation location) {
        return location == null || location.getColumnNr() < 1 ? ""
                : new Text("body.line.column", Integer.toString(location.getColumnNr()));
    }
}
