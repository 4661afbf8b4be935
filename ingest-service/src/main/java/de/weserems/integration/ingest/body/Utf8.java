package de.weserems.integration.ingest.body;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says where a body stops being UTF-8, and drops a leading byte order mark. */
final class Utf8 {

    private static final char BOM = '\uFEFF';

    private Utf8() {
    }

    /**
     * Checks that the body is UTF-8 without making a string of it, and returns where its content starts
     * (3 after a byte order mark, else 0). Most bodies are plain ASCII, which needs one pass over the bytes.
     */
    static int check(byte[] body) throws UnreadableBodyException {
        for (byte b : body) {
            if (b < 0) {
                decode(body);
                return body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb
                        && (body[2] & 0xff) == 0xbf ? 3 : 0;
            }
        }
        return 0;
    }

    static String decode(byte[] body) throws UnreadableBodyException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new UnreadableBodyException("The body is not valid UTF-8: byte " + (offset + 1) + " (line "
                    + lineAt(body, offset) + ") does not belong to a UTF-8 character. Save or export the file "
                    + "as UTF-8 (in Excel: 'CSV UTF-8').");
        }
        decoder.flush(out);
        out.flip();
        if (out.hasRemaining() && out.get(0) == BOM) {
            out.position(1);
        }
        return out.toString();
    }

    private static int lineAt(byte[] body, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
