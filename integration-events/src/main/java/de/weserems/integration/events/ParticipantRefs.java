package de.weserems.integration.events;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@code participantRef} of contract v1 may not be: blank, or a placeholder that an export writes
 * where it has no reference ({@code 0}, {@code unbekannt}, {@code n/a}, …). Such a value is no reference
 * to a participant: its pseudonym would be the same for every event that carries it, and the chain
 * figures would follow one "person" made of all of them. A provider without a reference leaves the field
 * out.
 *
 * <p>It exists so that the rule is written once: ingest refuses such a value and publishes the rule in its
 * JSON Schema ({@link #NOT_BLANK_PATTERN}, {@link #PLACEHOLDER_PATTERN}), and the provider documentation
 * lists {@link #PLACEHOLDERS}.
 */
public final class ParticipantRefs {

    /**
     * The placeholders, lower case. A value is one when, with white space at either end removed and
     * {@code A}–{@code Z} read as {@code a}–{@code z}, it equals one of them.
     */
    public static final List<String> PLACEHOLDERS = List.of(
            "0", "00", "000", "-1", "-", "--", "---", "?", "??", "???", "x", "xx", "xxx",
            "n/a", "n.a.", "na", "nan", "#n/a", "none", "null", "nil", "undefined", "unknown",
            "unbekannt", "kein", "keine", "keine angabe", "k.a.", "k. a.", "ka", "ohne", "leer", "(leer)",
            "blank", "(blank)", "test", "dummy", "anonym", "anonymous");

    /**
     * The white space of this rule, as ranges of characters: Java's white space and Unicode's space
     * separators, and the invisible zero-width spaces a copy from a document can bring along. Written out,
     * because Java ({@link Character#isWhitespace}) and JSON Schema's regular expressions ({@code \s})
     * disagree on some of them, and code and schema must not.
     */
    private static final char[][] WHITE_SPACE = {
            {'\t', '\r'}, {'\u001c', '\u001f'}, {' ', ' '}, {'\u00a0', '\u00a0'}, {'\u1680', '\u1680'},
            {'\u2000', '\u200d'}, {'\u2028', '\u2029'}, {'\u202f', '\u202f'}, {'\u205f', '\u2060'},
            {'\u3000', '\u3000'}, {'\ufeff', '\ufeff'}};

    /** The characters of {@link #WHITE_SPACE} as the inside of a character class, for Java and ECMA-262 alike. */
    private static final String WHITE_SPACE_CLASS = java.util.Arrays.stream(WHITE_SPACE)
            .map(r -> r[0] == r[1] ? unicode(r[0]) : unicode(r[0]) + "-" + unicode(r[1]))
            .collect(Collectors.joining());

    /** A regular expression (ECMA-262 and Java) that a value that is not blank contains: a character that is not white space. */
    public static final String NOT_BLANK_PATTERN = "[^" + WHITE_SPACE_CLASS + "]";

    /**
     * A regular expression (ECMA-262 and Java) that matches exactly the placeholders, white space at
     * either end included. Written without a case-insensitive flag, which ECMA-262 patterns in JSON Schema
     * cannot carry: each letter is a class of both cases. It ends in {@code (?![\s\S])} ("no character
     * follows") rather than {@code $}, which in Java also matches before a final line break.
     */
    public static final String PLACEHOLDER_PATTERN = "^[" + WHITE_SPACE_CLASS + "]*(?:"
            + PLACEHOLDERS.stream().map(ParticipantRefs::caseless).collect(Collectors.joining("|"))
            + ")[" + WHITE_SPACE_CLASS + "]*(?![\\s\\S])";

    private static final Set<String> LOOKUP = Set.copyOf(PLACEHOLDERS);
    private static final int LONGEST = PLACEHOLDERS.stream().mapToInt(String::length).max().orElseThrow();

    private ParticipantRefs() {
    }

    /** Whether {@code c} is white space for this rule. */
    public static boolean isWhiteSpace(char c) {
        for (char[] range : WHITE_SPACE) {
            if (c >= range[0] && c <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value holds nothing but white space (an empty value counts as blank). */
    public static boolean isBlank(String ref) {
        for (int i = 0; i < ref.length(); i++) {
            if (!isWhiteSpace(ref.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value is one of the {@link #PLACEHOLDERS}, ignoring white space at either end and ASCII case. */
    public static boolean isPlaceholder(String ref) {
        int from = 0;
        int to = ref.length();
        while (from < to && isWhiteSpace(ref.charAt(from))) {
            from++;
        }
        while (to > from && isWhiteSpace(ref.charAt(to - 1))) {
            to--;
        }
        if (to - from > LONGEST) {
            // longer than the longest placeholder: the common case, decided without a copy
            return false;
        }
        StringBuilder lower = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = ref.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return LOOKUP.contains(lower.toString());
    }

    private static String unicode(char c) {
        return String.format("\\u%04x", (int) c);
    }

    /** A placeholder as a pattern: letters as a class of both cases, the pattern syntax characters escaped. */
    private static String caseless(String placeholder) {
        StringBuilder out = new StringBuilder();
        for (char c : placeholder.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append('[').append(c).append(Character.toUpperCase(c)).append(']');
            } else if ("\\^$.*+?()[]{}|/".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
