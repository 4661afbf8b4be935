package de.weserems.integration.ingest.body;

import de.weserems.integration.events.EventFields;
import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import de.weserems.integration.ingest.validation.Text;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.xml.parsers.ParserConfigurationException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An {@code .xlsx} workbook: its first sheet, whose first non-empty row names the columns as a CSV header does
 * and whose other rows are events. Read with POI's streaming reader (the package opened from a file, each part
 * parsed with SAX), never as a whole workbook in memory, and with bounded work whatever the file holds:
 *
 * <ul>
 *   <li>the body is written to a temporary file of at most {@code max-bytes} (and deleted after reading);</li>
 *   <li>each part read (sheet, shared strings, styles, workbook) may unpack to at most
 *       {@code max-unpacked-bytes}, and POI's zip-bomb guard refuses parts that inflate suspiciously;</li>
 *   <li>the shared strings table keeps at most as many strings as the events allowed could use;</li>
 *   <li>rows are read up to one past the events allowed.</li>
 * </ul>
 *
 * <p>A cell becomes what the provider meant, as {@link ExcelHabits} has it for CSV too: a date cell (or a
 * number in {@code occurredOn}) an ISO date, a number its digits ({@code 3454} then padded to {@code 03454}).
 * A participant reference stored as a number stays a number, which the validator refuses with its cause.
 */
final class XlsxItems implements BodyItems {

    /** Strings a workbook's shared strings table may hold per event allowed, besides the header and a margin. */
    private static final int STRINGS_PER_EVENT = EventFields.ALL.size();
    private static final int STRINGS_MARGIN = 1_000;
    /**
     * Characters kept of one cell or shared string. No field of the contract is longer than 128, so a longer
     * text is refused whatever its end says; cutting it keeps one hostile cell from costing its whole length.
     */
    static final int MAX_CELL_CHARS = 1_024;
    /**
     * POI's zip-bomb guard: a part whose packed size is less than this share of its unpacked size is refused.
     * POI's own default (1 %, i.e. more than 100-fold); the parts of real workbooks pack far less tightly.
     */
    private static final double MIN_INFLATE_RATIO = 0.01;

    private final Iterator<BodyItem> items;

    private XlsxItems(List<BodyItem> items) {
        this.items = items.iterator();
    }

    @Override
    public BodyItem next(boolean detailed) {
        return items.hasNext() ? items.next() : null;
    }

    /** Reads the workbook's rows up to one past {@code limits.maxItems()}; the items are then handed out one by one. */
    static XlsxItems read(BodyStream in, BodyLimits limits)
            throws UnreadableBodyException, BodyTooLargeException, IOException {
        Path file = Files.createTempFile("ingest-", ".xlsx");
        try {
            // a failure of the request itself (the client went away) stays an IOException; only the stream's
            // own limit is an answer
            long size;
            try {
                size = copy(in, file);
            } catch (BodyStream.Failure failure) {
                if (failure.tooLarge) {
                    throw new BodyTooLargeException();
                }
                throw new UnreadableBodyException(failure.text);
            }
            if (size == 0) {
                throw new UnreadableBodyException(new Text("body.empty"));
            }
            return readWorkbook(file, limits);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Reads the workbook in {@code file}; everything that goes wrong inside it is the workbook's fault. */
    private static XlsxItems readWorkbook(Path file, BodyLimits limits)
            throws UnreadableBodyException, BodyTooLargeException {
        try {
            guard(limits);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                boolean date1904 = date1904(reader.getWorkbookData(), limits);
                Map<Integer, Boolean> dateStyles = dateStyles(reader.getStylesData(), limits);
                List<String> strings = sharedStrings(reader.getSharedStringsData(), limits);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new UnreadableBodyException(new Text("body.xlsx.no-sheet"));
                }
                SheetRows rows = new SheetRows(strings, dateStyles, date1904, limits.maxItems());
                try (InputStream sheet = sheets.next()) {
                    parse(sheet, rows, limits);
                } catch (SheetRows.Enough enough) {
                    // one row past the limit has been read: the caller answers 413
                }
                return new XlsxItems(rows.items());
            }
        } catch (PartTooLarge | PartTooLarge.Unchecked e) {
            throw new BodyTooLargeException(true);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | IOException
                 // POI says "broken file" with many runtime exceptions; none of them may become a 500
                 | RuntimeException e) {
            if (overLimit(e)) {
                throw new BodyTooLargeException(true);
            }
            throw new UnreadableBodyException(new Text("body.xlsx.not-a-workbook"));
        }
    }

    /**
     * Whether POI (or {@link Bounded}) stopped reading because a part unpacks to too much. POI's zip-bomb guard
     * says so only in words, and some of its callers wrap it: the chain of causes is searched.
     */
    private static boolean overLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof PartTooLarge || t instanceof PartTooLarge.Unchecked || message.contains("zip bomb")
                    || message.contains("max entry size") || message.contains("max size of the expanded")) {
                return true;
            }
        }
        return false;
    }

    /**
     * POI's guards are static, for the whole process: set them to this service's limit. The limit is the same
     * for every request; POI's own check backs up the count of {@link Bounded}.
     */
    private static void guard(BodyLimits limits) {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Math.max(limits.maxUnpackedBytes() + 1, 1024 * 1024));
    }

    private static long copy(BodyStream in, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return in.transferTo(out);
        }
    }

    private static void parse(InputStream part, ContentHandler handler, BodyLimits limits)
            throws IOException, SAXException, ParserConfigurationException {
        if (part == null) {
            return;
        }
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        try (InputStream bounded = new Bounded(part, limits.maxUnpackedBytes())) {
            xml.parse(new InputSource(bounded));
        } catch (SAXException e) {
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            if (e.getException() instanceof RuntimeException stop) {
                throw stop;
            }
            throw e;
        }
    }

    /** Whether the workbook counts dates from 1904 (old Excel for Mac) rather than from 1900. */
    private static boolean date1904(InputStream workbook, BodyLimits limits)
            throws IOException, SAXException, ParserConfigurationException {
        boolean[] found = new boolean[1];
        parse(workbook, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
                if ("workbookPr".equals(local)) {
                    String value = atts.getValue("date1904");
                    found[0] = "1".equals(value) || "true".equals(value);
                }
            }
        }, limits);
        return found[0];
    }

    /**
     * Which cell styles show a date: the style's number format is one of Excel's built-in date formats or a
     * custom one that POI's {@link DateUtil#isADateFormat} reads as a date. Read with SAX, not POI's
     * {@code StylesTable}, which would build the whole part as objects.
     */
    private static Map<Integer, Boolean> dateStyles(InputStream styles, BodyLimits limits)
            throws IOException, SAXException, ParserConfigurationException {
        Map<Integer, String> customFormats = new HashMap<>();
        List<Integer> formatOfStyle = new ArrayList<>();
        parse(styles, new DefaultHandler() {
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
                switch (local) {
                    case "numFmt" -> {
                        if (customFormats.size() < STRINGS_MARGIN) {
                            customFormats.put(integer(atts.getValue("numFmtId")), atts.getValue("formatCode"));
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs && formatOfStyle.size() < STRINGS_MARGIN * 64) {
                            formatOfStyle.add(integer(atts.getValue("numFmtId")));
                        }
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if ("cellXfs".equals(local)) {
                    inCellXfs = false;
                }
            }
        }, limits);
        Map<Integer, Boolean> dates = new HashMap<>();
        for (int style = 0; style < formatOfStyle.size(); style++) {
            int format = formatOfStyle.get(style);
            String code = customFormats.get(format);
            if (DateUtil.isADateFormat(format, code == null ? "" : code) || DateUtil.isInternalDateFormat(format)) {
                dates.put(style, true);
            }
        }
        return dates;
    }

    /** The shared strings table, at most as many strings as the events allowed could use. */
    private static List<String> sharedStrings(InputStream part, BodyLimits limits)
            throws IOException, SAXException, ParserConfigurationException {
        long max = (long) limits.maxItems() * STRINGS_PER_EVENT + STRINGS_MARGIN;
        List<String> strings = new ArrayList<>();
        parse(part, new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();
            private boolean inText;
            private boolean inPhonetic;

            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
                switch (local) {
                    case "si" -> text.setLength(0);
                    case "rPh" -> inPhonetic = true;
                    case "t" -> inText = !inPhonetic;
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                switch (local) {
                    case "si" -> {
                        if (strings.size() >= max) {
                            throw new PartTooLarge.Unchecked();
                        }
                        strings.add(text.toString());
                    }
                    case "rPh" -> inPhonetic = false;
                    case "t" -> inText = false;
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inText) {
                    append(text, ch, start, length);
                }
            }
        }, limits);
        return strings;
    }

    /** Appends up to {@link #MAX_CELL_CHARS} characters in all to {@code text}; the rest is dropped. */
    private static void append(StringBuilder text, char[] ch, int start, int length) {
        int room = MAX_CELL_CHARS - text.length();
        if (room > 0) {
            text.append(ch, start, Math.min(room, length));
        }
    }

    private static int integer(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The rows of a sheet as items: the first non-empty row is the header, each other non-empty row an event. */
    private static final class SheetRows extends DefaultHandler {

        /** Thrown to stop reading a sheet once one row past the limit is read. */
        static final class Enough extends RuntimeException {
            Enough() {
                super(null, null, false, false);
            }
        }

        private enum Kind { STRING, SHARED, NUMBER, BOOLEAN, OTHER }

        private final List<String> strings;
        private final Map<Integer, Boolean> dateStyles;
        private final boolean date1904;
        private final int maxItems;
        private final List<BodyItem> items = new ArrayList<>();
        private List<String> header;
        private boolean headerTooWide;
        /** The cells of the current row by column; only columns up to the header's (or the header's bound). */
        private final Map<Integer, String> row = new HashMap<>();
        private Map<Integer, Boolean> numeric = new HashMap<>();
        private int rowNumber;
        private int cellsBeyond;
        private int column;
        private Kind kind;
        private boolean date;
        private boolean inValue;
        private boolean inPhonetic;
        private final StringBuilder value = new StringBuilder();

        SheetRows(List<String> strings, Map<Integer, Boolean> dateStyles, boolean date1904, int maxItems) {
            this.strings = strings;
            this.dateStyles = dateStyles;
            this.date1904 = date1904;
            this.maxItems = maxItems;
        }

        List<BodyItem> items() throws UnreadableBodyException {
            if (header == null) {
                throw new UnreadableBodyException(new Text("body.empty"));
            }
            Text problem = EventBodyParser.headerProblem(header, headerTooWide ? header.size() + 1 : header.size(),
                    "xlsx", ' ');
            if (problem != null) {
                throw new UnreadableBodyException(problem);
            }
            if (items.isEmpty()) {
                throw new UnreadableBodyException(new Text("body.xlsx.header-only"));
            }
            return items;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            switch (local) {
                case "row" -> {
                    int r = integer(atts.getValue("r"));
                    rowNumber = r > 0 ? r : rowNumber + 1;
                    row.clear();
                    numeric = new HashMap<>();
                    cellsBeyond = 0;
                    column = -1;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? column + 1 : column(ref);
                    String t = atts.getValue("t");
                    kind = t == null || t.equals("n") ? Kind.NUMBER : switch (t) {
                        case "s" -> Kind.SHARED;
                        case "inlineStr", "str" -> Kind.STRING;
                        case "b" -> Kind.BOOLEAN;
                        default -> Kind.OTHER;
                    };
                    date = dateStyles.containsKey(integer(atts.getValue("s")));
                    value.setLength(0);
                }
                case "v", "t" -> inValue = true;
                // a phonetic reading (Japanese) is not part of the cell's text
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue && !inPhonetic && kept(column)) {
                append(value, ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> cell();
                case "row" -> row();
                default -> {
                }
            }
        }

        /** Whether a cell of this column is kept: within the header (before the header, within its bound). */
        private boolean kept(int col) {
            return col >= 0 && col < (header == null ? EventBodyParser.HEADER_CELLS_KEPT : header.size());
        }

        private void cell() {
            String raw = value.toString();
            if (!kept(column)) {
                if (!raw.isEmpty() || kind == Kind.OTHER) {
                    cellsBeyond++;
                }
                return;
            }
            String text = switch (kind) {
                case SHARED -> {
                    int index = integer(raw);
                    yield index >= 0 && index < strings.size() ? strings.get(index) : "";
                }
                case BOOLEAN -> "1".equals(raw) ? "TRUE" : "0".equals(raw) ? "FALSE" : raw;
                default -> raw;
            };
            if (text.isEmpty()) {
                return;
            }
            if (kind == Kind.NUMBER) {
                numeric.put(column, date);
            }
            row.put(column, text);
        }

        private void row() {
            if (row.isEmpty() && cellsBeyond == 0) {
                return;
            }
            if (header == null) {
                header();
                return;
            }
            if (items.size() > maxItems) {
                throw new Enough();
            }
            if (cellsBeyond > 0) {
                items.add(new BodyItem(null, rowNumber, FieldError.of(FieldError.ROW, Rule.UNREADABLE,
                        "body.xlsx.cells-beyond", Integer.toString(header.size()))));
            } else {
                items.add(BodyItem.of(event(), rowNumber));
            }
            if (items.size() > maxItems) {
                throw new Enough();
            }
        }

        private void header() {
            int width = row.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            List<String> names = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                names.add(row.getOrDefault(c, "").strip());
            }
            header = names;
            headerTooWide = cellsBeyond > 0;
        }

        private ObjectNode event() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            row.forEach((c, text) -> {
                String field = header.get(c);
                Boolean dateCell = numeric.get(c);
                if (dateCell == null) {
                    node.put(field, ExcelHabits.repair(field, text));
                } else if (field.equals("participantRef")) {
                    // left a number: the validator names the cause
                    node.put(field, number(text));
                } else if (dateCell || field.equals("occurredOn")) {
                    node.put(field, ExcelHabits.repair(field, excelDate(text)));
                } else {
                    node.put(field, ExcelHabits.repair(field, plain(text)));
                }
            });
            return node;
        }

        /** A date cell's serial number as an ISO date; the number's digits if it is none. */
        private String excelDate(String text) {
            try {
                double serial = Double.parseDouble(text);
                if (DateUtil.isValidExcelDate(serial)) {
                    return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
                }
            } catch (NumberFormatException e) {
                // not a number after all: its text
            }
            return plain(text);
        }

        private static BigDecimal number(String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return BigDecimal.ZERO;
            }
        }

        /** A number's digits as a person typed them: {@code 3454}, not {@code 3454.0} or {@code 3.454E3}. */
        private static String plain(String text) {
            try {
                return new BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return text;
            }
        }

        /** The 0-based column of a cell reference such as {@code C12}. */
        private static int column(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length() && i < 4; i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                col = col * 26 + (ch - 'A' + 1);
            }
            return col - 1;
        }

    }

    /** A part of the workbook that unpacks to more than the limit (or a shared strings table over its bound). */
    private static final class PartTooLarge extends IOException {

        PartTooLarge() {
            super("a part of the workbook is over its bound", null);
        }

        /** The same, thrown from a SAX handler, which may not throw an {@link IOException}. */
        static final class Unchecked extends RuntimeException {
            Unchecked() {
                super(null, null, false, false);
            }
        }
    }

    /** A part's stream that refuses to unpack more than a bound. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws PartTooLarge {
            read += n;
            if (read > max) {
                throw new PartTooLarge();
            }
        }
    }
}
