package de.weserems.integration.ingest.body;

import de.weserems.integration.ingest.validation.Text;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it is read: at most {@code maxBytes}; unless it is declared in another charset (or is no
 * text at all, as an {@code .xlsx} workbook), checked to be UTF-8 as it passes (no byte reaches a reader
 * before it is known to belong to a UTF-8 character) and a leading byte order mark dropped.
 * It remembers whether it has seen anything but white space, for the "empty body" answer.
 *
 * <p>A broken rule ends the stream with a {@link Failure}; a reader that catches its own parser's
 * exception asks {@link #failure()} whether the stream was the cause.
 */
final class BodyStream extends InputStream {

    /** Why the stream ended early. Thrown at most once per request, so it carries no stack trace. */
    static final class Failure extends IOException {

        /** {@code true}: over the byte limit; {@code false}: not UTF-8. */
        final boolean tooLarge;
        /** Why, for the answer. */
        final Text text;

        Failure(boolean tooLarge, Text text) {
            super(text.english());
            this.tooLarge = tooLarge;
            this.text = text;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final InputStream in;
    private final long maxBytes;
    /** Whether the bytes must be UTF-8; {@code false} for another declared charset or a binary body. */
    private final boolean utf8;
    /** Bytes taken from {@link #in}, a byte order mark included. */
    private long taken;
    /** Where in the body the next byte handed out stands. */
    private long position;
    /** The first bytes, held back until it is known whether they are a byte order mark; {@code null} before. */
    private byte[] head;
    private int headPos;
    private int line = 1;
    private boolean blank = true;
    /** Continuation bytes the current character still needs, and the range the next one must be in. */
    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long leadPosition;
    private int leadLine;
    private Failure failure;

    BodyStream(InputStream in, long maxBytes) {
        this(in, maxBytes, true);
    }

    BodyStream(InputStream in, long maxBytes, boolean utf8) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.utf8 = utf8;
    }

    /** Why the stream ended early, or {@code null}. */
    Failure failure() {
        return failure;
    }

    /** Whether everything read so far is white space (as {@link Character#isWhitespace} has it). */
    boolean blankSoFar() {
        return blank;
    }

    /** Reads on while the body is white space and tells whether all of it was. */
    boolean blankToTheEnd() throws IOException {
        byte[] buffer = new byte[8192];
        while (blank && read(buffer, 0, buffer.length) >= 0) {
            // read() keeps track
        }
        return blank;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        if (head == null) {
            readHead();
        }
        int n;
        if (headPos < head.length) {
            n = Math.min(len, head.length - headPos);
            System.arraycopy(head, headPos, b, off, n);
            headPos += n;
        } else {
            n = in.read(b, off, len);
            if (n < 0) {
                if (pending > 0) {
                    throw fail(notUtf8(leadPosition, leadLine));
                }
                return -1;
            }
            taken(n);
        }
        check(b, off, n);
        return n;
    }

    /** Takes up to three bytes and keeps them unless they are a byte order mark. */
    private void readHead() throws IOException {
        byte[] first = in.readNBytes(3);
        taken(first.length);
        boolean bom = utf8 && first.length == 3 && (first[0] & 0xff) == 0xEF && (first[1] & 0xff) == 0xBB
                && (first[2] & 0xff) == 0xBF;
        head = bom ? new byte[0] : first;
        position = bom ? 3 : 0;
    }

    private void taken(int n) throws Failure {
        taken += n;
        if (taken > maxBytes) {
            throw fail(new Failure(true, new Text("body.too-large", Long.toString(maxBytes))));
        }
    }

    /**
     * Checks the next bytes of the body. The ranges are those of RFC 3629 (no overlong
     * forms, no surrogates, nothing above U+10FFFF), which is what Java's strict decoder refuses too; a broken
     * character is reported at its first byte.
     */
    private void check(byte[] b, int off, int n) throws Failure {
        for (int i = 0; i < n; i++) {
            int c = b[off + i] & 0xff;
            if (!utf8 && c >= 0x80) {
                // a letter of the declared charset (or a byte of a binary body): nothing to check
                blank = false;
                continue;
            }
            if (pending == 0) {
                if (c < 0x80) {
                    if (c == '\n') {
                        line++;
                    } else if (blank && !Character.isWhitespace(c)) {
                        blank = false;
                    }
                    continue;
                }
                blank = false;
                leadPosition = position + i;
                leadLine = line;
                if (c >= 0xC2 && c <= 0xDF) {
                    expect(1, 0x80, 0xBF);
                } else if (c == 0xE0) {
                    expect(2, 0xA0, 0xBF);
                } else if (c == 0xED) {
                    expect(2, 0x80, 0x9F);
                } else if (c >= 0xE1 && c <= 0xEF) {
                    expect(2, 0x80, 0xBF);
                } else if (c == 0xF0) {
                    expect(3, 0x90, 0xBF);
                } else if (c >= 0xF1 && c <= 0xF3) {
                    expect(3, 0x80, 0xBF);
                } else if (c == 0xF4) {
                    expect(3, 0x80, 0x8F);
                } else {
                    throw fail(notUtf8(leadPosition, line));
                }
            } else if (c < lower || c > upper) {
                throw fail(notUtf8(leadPosition, leadLine));
            } else {
                pending--;
                lower = 0x80;
                upper = 0xBF;
            }
        }
        position += n;
    }

    private void expect(int continuations, int min, int max) {
        pending = continuations;
        lower = min;
        upper = max;
    }

    private Failure fail(Failure f) {
        failure = f;
        return f;
    }

    private static Failure notUtf8(long at, int line) {
        return new Failure(false, new Text("body.not-utf8", Long.toString(at + 1), Integer.toString(line)));
    }
}
