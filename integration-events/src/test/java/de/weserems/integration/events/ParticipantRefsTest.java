package de.weserems.integration.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantRefsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile(ParticipantRefs.PLACEHOLDER_PATTERN);
    private static final Pattern NOT_BLANK = Pattern.compile(ParticipantRefs.NOT_BLANK_PATTERN);

    @ParameterizedTest
    @ValueSource(strings = {"0", "000", " unbekannt ", "UNBEKANNT", "Unknown", "N/A", "n.a.", "k.A.", "K. A.",
            "Keine Angabe", "\u00a0null\t", "NaN", "#N/A", "(leer)", "?", "-", "-1", "\ufeffx", "Test"})
    void placeholdersAreRecognisedWhateverTheirCaseAndSurroundingWhiteSpace(String ref) {
        assertThat(ParticipantRefs.isPlaceholder(ref)).isTrue();
        assertThat(PLACEHOLDER.matcher(ref).find()).as("the schema's pattern agrees").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tn-4711", "x1", "0815", "00000", "unbekannt-3", "k a", "test-person", "na na", "keine  angabe",
            "\u212aa", "p", "1", "x\u0085", "0\n0"})
    void realReferencesAreNoPlaceholders(String ref) {
        assertThat(ParticipantRefs.isPlaceholder(ref)).isFalse();
        assertThat(PLACEHOLDER.matcher(ref).find()).as("the schema's pattern agrees").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\r\n", "\u00a0", "\u2003\u200b", "\u3000", "\ufeff", "\u001f"})
    void blankIsOnlyWhiteSpace(String ref) {
        assertThat(ParticipantRefs.isBlank(ref)).isTrue();
        assertThat(NOT_BLANK.matcher(ref).find()).as("the schema's pattern agrees").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " a ", "\u0085", "\u00ad", "\u200e"})
    void aValueWithAnythingButWhiteSpaceIsNotBlank(String ref) {
        assertThat(ParticipantRefs.isBlank(ref)).isFalse();
        assertThat(NOT_BLANK.matcher(ref).find()).as("the schema's pattern agrees").isTrue();
    }

    @Test
    void whiteSpaceIsJavasAndUnicodesSpacesAndTheZeroWidthOnes() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff';
            assertThat(ParticipantRefs.isWhiteSpace(c)).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }

    @Test
    void thePlaceholdersAreLowerCaseAndDistinct() {
        assertThat(ParticipantRefs.PLACEHOLDERS).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p).isEqualTo(p.toLowerCase(java.util.Locale.ROOT)).isEqualTo(p.strip()));
    }
}
