package de.weserems.integration.ingest.body;

import de.weserems.integration.events.EventFields;
import de.weserems.integration.ingest.validation.EventValidator;
import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a request body of one of the {@link BodyFormat}s into its items. */
@Component
public class EventBodyParser {

    /** Columns a CSV header must have: without them every row would be rejected for the same reason. */
    private static final List<String> REQUIRED_COLUMNS = List.of("eventId", "type", "occurredOn", "district");

    private final ObjectReader reader;

    public EventBodyParser(JsonMapper json) {
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The items of the body, at least one; throws when the body as a whole cannot be read. */
    public List<BodyItem> parse(BodyFormat format, byte[] body) throws UnreadableBodyException {
        // JSON and NDJSON are parsed from the bytes (Jackson's fastest path); CSV needs the text
        int start = Utf8.check(body);
        if (blank(body, start, body.length)) {
            throw new UnreadableBodyException("The body is empty: send at least one event.");
        }
        List<BodyItem> items = switch (format) {
            case JSON -> json(body, start);
            case NDJSON -> ndjson(body, start);
            case CSV -> csv(Utf8.decode(body));
        };
        if (items.isEmpty()) {
            throw new UnreadableBodyException(switch (format) {
                case JSON -> "The array holds no events.";
                case NDJSON -> "The body holds only blank lines: send one event per line.";
                case CSV -> "The CSV has a header row but no rows of events.";
            });
        }
        return items;
    }

    private List<BodyItem> json(byte[] body, int start) throws UnreadableBodyException {
        JsonNode root;
        try {
            root = reader.readTree(body, start, body.length - start);
        } catch (JacksonException e) {
            throw new UnreadableBodyException("The body is not valid JSON" + where(e) + ": " + e.getOriginalMessage()
                    + ". Send one event as a JSON object or several as a JSON array.");
        }
        List<BodyItem> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(node -> items.add(BodyItem.of(node, null)));
        } else {
            items.add(BodyItem.of(root, null));
        }
        return items;
    }

    /** One event per line ({@code \n} or {@code \r\n}); blank lines are skipped but counted. */
    private List<BodyItem> ndjson(byte[] body, int start) {
        List<BodyItem> items = new ArrayList<>();
        int line = 0;
        for (int from = start; from <= body.length; ) {
            int newline = indexOf(body, (byte) '\n', from);
            int end = newline < 0 ? body.length : newline;
            line++;
            int to = end > from && body[end - 1] == '\r' ? end - 1 : end;
            if (!blank(body, from, to)) {
                try {
                    items.add(BodyItem.of(reader.readTree(body, from, to - from), line));
                } catch (JacksonException e) {
                    items.add(new BodyItem(null, line, new FieldError(FieldError.LINE, Rule.UNREADABLE,
                            "not valid JSON" + column(e) + ": " + e.getOriginalMessage())));
                }
            }
            from = end + 1;
        }
        return items;
    }

    private static int indexOf(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the bytes hold only ASCII white space (as {@link Character#isWhitespace} defines it). */
    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] < 0 || !Character.isWhitespace(body[i])) {
                return false;
            }
        }
        return true;
    }

    private List<BodyItem> csv(String text) throws UnreadableBodyException {
        char delimiter = CsvRecords.detectDelimiter(text);
        List<CsvRecords.CsvRecord> records = CsvRecords.read(text, delimiter);
        List<String> header = header(records.getFirst(), delimiter);
        List<BodyItem> items = new ArrayList<>(records.size() - 1);
        for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
            if (record.error() != null) {
                items.add(new BodyItem(null, record.line(), new FieldError(FieldError.ROW, Rule.UNREADABLE, record.error())));
            } else if (record.cells().size() != header.size()) {
                items.add(new BodyItem(null, record.line(), new FieldError(FieldError.ROW, Rule.UNREADABLE,
                        "has " + record.cells().size() + " cells, the header has " + header.size()
                                + " (delimiter '" + delimiter + "')")));
            } else {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (int c = 0; c < header.size(); c++) {
                    String cell = record.cells().get(c);
                    if (!cell.isEmpty()) {
                        node.put(header.get(c), cell);
                    }
                }
                items.add(BodyItem.of(node, record.line()));
            }
        }
        return items;
    }

    private static List<String> header(CsvRecords.CsvRecord record, char delimiter) throws UnreadableBodyException {
        if (record.error() != null) {
            throw new UnreadableBodyException("The CSV header (line " + record.line() + ") cannot be read: "
                    + record.error() + ".");
        }
        List<String> header = record.cells().stream().map(String::strip).toList();
        Set<String> known = Set.copyOf(EventFields.ALL);
        List<String> unknown = header.stream().filter(h -> !known.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new UnreadableBodyException("The first line must be a header row of field names (delimiter '"
                    + delimiter + "'); it names unknown columns: "
                    + unknown.stream().map(h -> "'" + EventValidator.abbreviate(h) + "'").collect(Collectors.joining(", "))
                    + ". Known columns: " + String.join(", ", EventFields.ALL) + ".");
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = header.stream().filter(h -> !seen.add(h)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!repeated.isEmpty()) {
            throw new UnreadableBodyException("The CSV header names a column twice: " + String.join(", ", repeated) + ".");
        }
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableBodyException("The CSV header lacks the required columns " + String.join(", ", missing)
                    + " (delimiter '" + delimiter + "').");
        }
        return header;
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String column(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        return location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
    }
}
