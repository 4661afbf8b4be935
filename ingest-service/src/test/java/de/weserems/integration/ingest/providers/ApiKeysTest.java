package de.weserems.integration.ingest.providers;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The key command prints configuration that binds as printed: AGS stay strings, the hash matches the key. */
class ApiKeysTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_printed_configuration_keeps_leading_zeros_and_hashes_the_printed_key() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ApiKeys.main(new String[]{"jc-emsland", "Jobcenter Emsland", "03454,03457"});
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String key = printed.lines().map(String::strip).filter(l -> l.matches("[A-Za-z0-9_-]{40,}")).findFirst()
                .orElseThrow();
        Map<String, Object> yaml = new Yaml().load(printed.substring(printed.indexOf("ingest:")));
        Map<String, Object> provider = ((List<Map<String, Object>>) ((Map<String, Object>) yaml.get("ingest"))
                .get("providers")).getFirst();
        assertThat((List<Object>) provider.get("districts")).containsExactly("03454", "03457");
        assertThat(provider.get("key-sha256")).isEqualTo(ApiKeys.sha256Hex(key));
    }
}
