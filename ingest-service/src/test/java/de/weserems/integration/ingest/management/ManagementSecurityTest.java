package de.weserems.integration.ingest.management;

import de.weserems.integration.ingest.IngestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Operator logins: configured ones with their role, the documented local one only in the profile 'local'. */
class ManagementSecurityTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static IngestProperties with(List<IngestProperties.Operator> operators) {
        return new IngestProperties("test", List.of(), new IngestProperties.Pseudonymisation("s".repeat(32)),
                new IngestProperties.Kafka(3, (short) 1, 1, Duration.ofSeconds(10)),
                new IngestProperties.Limits(DataSize.ofMegabytes(10), 10_000, 100, DataSize.ofMegabytes(64)),
                new IngestProperties.RateLimit(5000, 50_000), operators);
    }

    @Test
    void a_configured_operator_gets_the_role_operator_and_the_local_one_exists_only_in_local() {
        var prometheus = new IngestProperties.Operator("prometheus", encoder.encode("a long scrape password"));
        var users = new ManagementSecurity().operators(with(List.of(prometheus)), new MockEnvironment(), encoder);
        assertThat(users.loadUserByUsername("prometheus").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_OPERATOR");
        assertThatThrownBy(() -> users.loadUserByUsername("operator")).hasMessageContaining("not found");

        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(new ManagementSecurity().operators(with(List.of()), local, encoder).loadUserByUsername("operator")
                .getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void the_documented_local_password_is_refused_outside_local_and_the_hash_never_prints() {
        var weak = new IngestProperties.Operator("prometheus", encoder.encode("operator"));
        assertThatThrownBy(() -> new ManagementSecurity().operators(with(List.of(weak)), new MockEnvironment(), encoder))
                .hasMessageContaining("has the documented local password");
        assertThat(weak.toString()).doesNotContain(weak.passwordHash());
    }
}
