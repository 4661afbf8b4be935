package de.weserems.integration.ingest.security;

import de.weserems.integration.ingest.IngestProperties;
import de.weserems.integration.ingest.providers.ApiKeys;
import de.weserems.integration.ingest.providers.ProviderRegistry;
import de.weserems.integration.ingest.publishing.Pseudonymiser;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the 'local' profile the service refuses to start with the documented local credentials or without a secret. */
class ProductionRefusalsTest {

    private static IngestProperties properties(String secret, List<IngestProperties.Provider> providers) {
        return new IngestProperties("test", providers, new IngestProperties.Pseudonymisation(secret),
                new IngestProperties.Kafka(3, (short) 1, 1, java.time.Duration.ofSeconds(10)),
                new IngestProperties.Limits(org.springframework.util.unit.DataSize.ofMegabytes(10), 10_000, 100,
                        org.springframework.util.unit.DataSize.ofMegabytes(64)),
                new IngestProperties.RateLimit(5000, 50_000), List.of());
    }

    private static IngestProperties.Provider provider(String key) {
        return new IngestProperties.Provider("jc", "Jobcenter", Set.of("*"), ApiKeys.sha256Hex(key), null);
    }

    @Test
    void without_a_pseudonymisation_secret_production_does_not_start() {
        MockEnvironment production = new MockEnvironment();
        assertThatThrownBy(() -> new Pseudonymiser(properties("", List.of()), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ingest.pseudonymisation.secret is not set");
        assertThatThrownBy(() -> new Pseudonymiser(properties("short", List.of()), production))
                .hasMessageContaining("too short");
        // 31 bytes are refused, 32 pass: the key must be at least as long as HMAC-SHA256's output
        assertThatThrownBy(() -> new Pseudonymiser(properties("s".repeat(31), List.of()), production))
                .hasMessageContaining("too short (31 bytes): use at least 32");
        assertThat(new Pseudonymiser(properties("s".repeat(32), List.of()), production).pseudonymise("x")).hasSize(43);
        // the local profile makes one up, and says so
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(new Pseudonymiser(properties("", List.of()), local).pseudonymise("x")).hasSize(43);
    }

    @Test
    void the_secret_never_prints_itself() {
        IngestProperties properties = properties("a-secret-that-must-stay-out-of-logs-0123", List.of());
        assertThat(properties.toString()).doesNotContain("a-secret-that-must-stay-out-of-logs").contains("(hidden)");
        assertThat(properties.pseudonymisation().toString()).doesNotContain("a-secret");
    }

    @Test
    void the_documented_demo_key_is_refused_outside_local() {
        MockEnvironment production = new MockEnvironment();
        assertThatThrownBy(() -> new ProviderRegistry(properties("s".repeat(32), List.of(provider(ApiKeys.LOCAL_DEMO_KEY))),
                production))
                .hasMessageContaining("uses the documented local demo key");
        assertThat(new ProviderRegistry(properties("s".repeat(32), List.of(provider("a-real-key-0123456789"))), production)
                .authenticate("a-real-key-0123456789")).isPresent();
    }
}
