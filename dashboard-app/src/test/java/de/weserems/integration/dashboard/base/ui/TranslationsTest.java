package de.weserems.integration.dashboard.base.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * German and English name the same texts: a key missing in one language would show the key itself
 * ("!{breakdown.funding.title}!") to whoever reads the page in it.
 */
class TranslationsTest {

    @Test
    void german_and_english_have_the_same_keys_and_no_empty_text() throws IOException {
        Properties german = load("translations_de.properties");
        Properties english = load("translations_en.properties");
        assertThat(keys(english)).as("keys of the English translation").isEqualTo(keys(german));
        assertThat(german.stringPropertyNames()).allSatisfy(key -> {
            assertThat(german.getProperty(key)).as("German %s", key).isNotBlank();
            assertThat(english.getProperty(key)).as("English %s", key).isNotBlank();
        });
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
