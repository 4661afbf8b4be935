package de.weserems.integration.ingest.body;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The exception-free syntax check agrees with Jackson, the parser it stands in for. */
class JsonSyntaxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What Jackson makes of the bytes: one value and nothing after it. */
    private static boolean jacksonReads(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", " {\"a\" : [1, -2.5e+3, true, false, null, \"x\\\"\\u00e4\\n\"]}\r", "0", "-0",
            "\"\"", "[[],{}]", "1E9", "\"\u00fc\u20ac\"", "{\"a\":{\"b\":{\"c\":[]}}}"})
    void valid_json_is_valid(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(jacksonReads(bytes)).isTrue();
        assertThat(JsonSyntax.isValue(bytes, 0, bytes.length)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "{", "[1,]", "{\"a\":1,}", "01", "+1", ".5", "1.", "1e", "-", "tru", "truex", "nul",
            "{\"a\" 1}", "{a:1}", "'a'", "\"a", "\"\\x\"", "\"\\u12g4\"", "[1 2]", "{} {}", "1 2", "[}", "\"a\tb\"",
            "NaN", "[1]]", "{\"a\":1}}", "/* c */ 1"})
    void broken_json_is_broken(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(jacksonReads(bytes)).isFalse();
        assertThat(JsonSyntax.isValue(bytes, 0, bytes.length)).isFalse();
    }

    @Test
    void random_mutations_of_events_are_judged_as_jackson_judges_them() {
        String event = "{\"eventId\":\"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6\",\"type\":\"COURSE_ENROLMENT\","
                + "\"occurredOn\":\"2026-11-20\",\"n\":[1,-2.50,3e-7,true,false,null],\"o\":{\"p\":\"J\\u00fcrgen \\\\ \\\"\"}}";
        String alphabet = "{}[]\":,.-+eE0123456789 \t\r\ntfnrulsa\\/u\u00fcxX";
        Random random = new Random(17);
        int valid = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder(event);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.deleteCharAt(at);
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            boolean jackson = jacksonReads(bytes);
            valid += jackson ? 1 : 0;
            assertThat(JsonSyntax.isValue(bytes, 0, bytes.length)).as(text.toString()).isEqualTo(jackson);
        }
        assertThat(valid).as("the mutations make valid JSON too").isGreaterThan(1_000);
    }

    @Test
    void only_the_given_range_counts() {
        byte[] bytes = "xx{\"a\":1}yy".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonSyntax.isValue(bytes, 2, bytes.length - 2)).isTrue();
        assertThat(JsonSyntax.isValue(bytes, 2, bytes.length - 3)).isFalse();
    }
}
