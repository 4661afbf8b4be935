package de.weserems.integration.dashboard.base.security;

import de.weserems.integration.dashboard.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the 'local' profile the dashboard refuses to start with the documented local passwords or without users. */
class SecurityConfigTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static DashboardProperties with(List<DashboardProperties.User> users) {
        return new DashboardProperties(false, new DashboardProperties.Confidentiality(3, 10, null, 3, 1.0),
                new DashboardProperties.Kafka(3, (short) 1, 1), users, Duration.ofSeconds(1));
    }

    @Test
    void the_documented_local_passwords_are_refused_in_production() {
        var planer = new DashboardProperties.User("planer", encoder.encode("planer"), List.of("VIEWER"));
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of(planer)), new MockEnvironment(), encoder))
                .hasMessageContaining("has the documented local password");
    }

    @Test
    void production_needs_at_least_one_user_and_accepts_a_real_one() {
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of()), new MockEnvironment(), encoder))
                .hasMessageContaining("No dashboard users configured");
        var real = new DashboardProperties.User("planer", encoder.encode("a long real password"), List.of("ADMIN"));
        var users = new SecurityConfig().users(with(List.of(real)), new MockEnvironment(), encoder);
        assertThat(users.loadUserByUsername("planer").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
        var statistics = new DashboardProperties.User("statistik", encoder.encode("another real password"),
                List.of("STATISTICS"));
        assertThat(new SecurityConfig().users(with(List.of(statistics)), new MockEnvironment(), encoder)
                .loadUserByUsername("statistik").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_STATISTICS", "ROLE_VIEWER");
    }
}
