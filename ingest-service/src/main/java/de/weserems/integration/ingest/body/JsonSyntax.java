package de.weserems.integration.ingest.body;

/**
 * Whether bytes are one JSON value (RFC 8259, as Jackson reads it by default), decided without an
 * exception. Jackson says why a text is not JSON only by throwing, with a stack trace; for a body of a
 * million broken lines that is most of the work. This check lets a reader skip Jackson for a line that
 * is known to be broken when nobody will read why.
 *
 * <p>It only tells "is JSON" from "is not"; Jackson still parses every line this check passes, and the
 * limits Jackson enforces (nesting depth, length of numbers and strings) are left to it.
 */
final class JsonSyntax {

    private JsonSyntax() {
    }

    /**
     * Whether {@code b[from, to)} is exactly one JSON value with optional white space around it (a leading
     * byte order mark allowed, as Jackson allows it). The bytes are known to be UTF-8.
     */
    static boolean isValue(byte[] b, int from, int to) {
        int i = from;
        if (to - i >= 3 && (b[i] & 0xff) == 0xEF && (b[i + 1] & 0xff) == 0xBB && (b[i + 2] & 0xff) == 0xBF) {
            i += 3;
        }
        // the open containers, innermost last: '{' or '['
        byte[] open = new byte[16];
        int depth = 0;
        i = space(b, i, to);
        while (true) {
            // a value starts at i
            if (i >= to) {
                return false;
            }
            switch (b[i]) {
                case '{' -> {
                    i = space(b, i + 1, to);
                    if (i < to && b[i] == '}') {
                        i++;
                    } else {
                        open = push(open, depth++, (byte) '{');
                        i = name(b, i, to);
                        if (i < 0) {
                            return false;
                        }
                        continue;
                    }
                }
                case '[' -> {
                    i = space(b, i + 1, to);
                    if (i < to && b[i] == ']') {
                        i++;
                    } else {
                        open = push(open, depth++, (byte) '[');
                        continue;
                    }
                }
                case '"' -> i = string(b, i, to);
                case 't' -> i = literal(b, i, to, "true");
                case 'f' -> i = literal(b, i, to, "false");
                case 'n' -> i = literal(b, i, to, "null");
                default -> i = number(b, i, to);
            }
            // after a value: close containers, or go on to the next value, or end
            while (true) {
                if (i < 0) {
                    return false;
                }
                i = space(b, i, to);
                if (depth == 0) {
                    return i == to;
                }
                if (i >= to) {
                    return false;
                }
                byte inner = open[depth - 1];
                if (b[i] == ',') {
                    i = space(b, i + 1, to);
                    if (inner == '{') {
                        i = name(b, i, to);
                    }
                    break;
                }
                if ((inner == '{' && b[i] == '}') || (inner == '[' && b[i] == ']')) {
                    depth--;
                    i++;
                } else {
                    return false;
                }
            }
            if (i < 0) {
                return false;
            }
        }
    }

    private static byte[] push(byte[] open, int depth, byte container) {
        byte[] stack = depth == open.length ? java.util.Arrays.copyOf(open, depth * 2) : open;
        stack[depth] = container;
        return stack;
    }

    /** A property name and its colon at {@code i}; the index of the value after it, or -1. */
    private static int name(byte[] b, int i, int to) {
        if (i >= to || b[i] != '"') {
            return -1;
        }
        i = string(b, i, to);
        if (i < 0) {
            return -1;
        }
        i = space(b, i, to);
        if (i >= to || b[i] != ':') {
            return -1;
        }
        return space(b, i + 1, to);
    }

    private static int space(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** A string starting with its quote at {@code i}; the index after its closing quote, or -1. */
    private static int string(byte[] b, int i, int to) {
        i++;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                return -1;
            }
            if (c == '\\') {
                if (i + 1 >= to) {
                    return -1;
                }
                int e = b[i + 1];
                if (e == 'u') {
                    if (i + 5 >= to) {
                        return -1;
                    }
                    for (int k = i + 2; k < i + 6; k++) {
                        if (Character.digit(b[k], 16) < 0) {
                            return -1;
                        }
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return -1;
                }
                i += 2;
                continue;
            }
            i++;
        }
        return -1;
    }

    private static int literal(byte[] b, int i, int to, String word) {
        if (to - i < word.length()) {
            return -1;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return -1;
            }
        }
        return i + word.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} at {@code i}; the index after it, or -1. */
    private static int number(byte[] b, int i, int to) {
        if (i < to && b[i] == '-') {
            i++;
        }
        if (i >= to || !digit(b[i])) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else {
            i = digits(b, i, to);
        }
        if (i < to && b[i] == '.') {
            i++;
            if (i >= to || !digit(b[i])) {
                return -1;
            }
            i = digits(b, i, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (i >= to || !digit(b[i])) {
                return -1;
            }
            i = digits(b, i, to);
        }
        return i;
    }

    private static int digits(byte[] b, int i, int to) {
        while (i < to && digit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
