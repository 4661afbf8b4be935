package de.weserems.integration.ingest.validation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ingest's texts for providers: every key in German and in English, each pattern readable by MessageFormat with
 * the same arguments in both languages, and every key the code names present.
 */
class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:v|body|problem)\\.[A-Za-z0-9.-]+[A-Za-z0-9])\"");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void every_key_is_in_german_and_in_english_with_the_same_arguments() throws IOException {
        Properties german = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        assertThat(german.stringPropertyNames()).isEqualTo(english.stringPropertyNames()).hasSizeGreaterThan(50);
        for (String key : german.stringPropertyNames()) {
            String de = german.getProperty(key);
            String en = english.getProperty(key);
            assertThat(arguments(de)).as(key).isEqualTo(arguments(en));
            // both read as patterns, and neither says the same as the other unless it is only values
            new MessageFormat(de);
            new MessageFormat(en);
            if (!de.replaceAll("\\{\\d}", "").isBlank()) {
                assertThat(de).as(key + " is translated").isNotEqualTo(en);
            }
        }
    }

    @Test
    void every_key_the_code_names_is_in_the_bundle() throws IOException {
        Properties german = bundle("messages.properties");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(35).contains("v.participantRef.exponent", "body.not-utf8", "problem.not-listed");
        assertThat(named).allSatisfy(key -> assertThat(german.stringPropertyNames()).as(key).contains(key));
        // the keys the code puts together
        for (String type : Set.of("number", "boolean", "array", "object", "other")) {
            assertThat(german.stringPropertyNames()).contains("v.wrong-type." + type);
        }
        for (String format : Set.of("csv", "xlsx")) {
            for (String problem : Set.of("too-wide", "unknown", "repeated", "missing")) {
                assertThat(german.stringPropertyNames()).contains("body." + format + ".header." + problem);
            }
        }
        for (String type : Set.of("unreadable-body", "unsupported-media-type", "too-large", "too-large-unpacked",
                "too-many-events", "rate-limited", "kafka-unavailable", "invalid-events", "district-not-allowed")) {
            assertThat(german.stringPropertyNames()).contains("problem." + type + ".title");
        }
    }

    @Test
    void a_text_is_german_unless_english_is_asked_for() {
        Text text = new Text("v.district.unknown", "09162");
        assertThat(text.in(java.util.Locale.GERMAN)).isEqualTo("09162 ist kein Landkreis und keine kreisfreie Stadt in Weser-Ems");
        assertThat(text.in(java.util.Locale.FRENCH)).isEqualTo(text.in(java.util.Locale.GERMAN));
        assertThat(text.in(java.util.Locale.UK)).isEqualTo("09162 is not a district of Weser-Ems").isEqualTo(text.english());
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
