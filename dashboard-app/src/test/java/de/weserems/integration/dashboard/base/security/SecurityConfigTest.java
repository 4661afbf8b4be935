package de.weserems.integration.dashboard.base.security;

import de.weserems.integration.dashboard.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role model's logins: outside the 'local' profile the dashboard refuses to start with the documented local
 * passwords, without users, with an unknown role or a provider link that does not fit; 'local' has one login per role.
 */
class SecurityConfigTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final OidcSettings OIDC_DEFAULTS = new OidcSettings("roles", "provider_id", Map.of());
    private static final OidcLogin NO_OIDC = oidc(new StaticListableBeanFactory());

    private static OidcLogin oidc(StaticListableBeanFactory beans) {
        return new OidcLogin(beans.getBeanProvider(ClientRegistrationRepository.class), OIDC_DEFAULTS);
    }

    private static DashboardProperties with(List<DashboardProperties.User> users) {
        return new DashboardProperties(false, new DashboardProperties.Confidentiality(3, 10, null, 3, 1.0),
                new DashboardProperties.Kafka(3, (short) 1, 1), users, Duration.ofSeconds(1));
    }

    @Test
    void the_documented_local_passwords_are_refused_in_production() {
        var planer = new DashboardProperties.User("planer", encoder.encode("planer"), List.of("VIEWER"), null);
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of(planer)), new MockEnvironment(), encoder, NO_OIDC))
                .hasMessageContaining("has the documented local password");
    }

    @Test
    void organisation_logins_alone_need_no_local_user() {
        var beans = new StaticListableBeanFactory();
        beans.addBean("registrations", new InMemoryClientRegistrationRepository(ClientRegistration
                .withRegistrationId("oidc").clientId("integrationsmonitor-dashboard")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://sso.example/auth").tokenUri("https://sso.example/token").build()));
        assertThat(new SecurityConfig().users(with(List.of()), new MockEnvironment(), encoder, oidc(beans))
                .userExists("planer")).isFalse();
    }

    @Test
    void production_needs_at_least_one_user_and_accepts_a_real_one() {
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of()), new MockEnvironment(), encoder, NO_OIDC))
                .hasMessageContaining("No dashboard users configured");
        var real = new DashboardProperties.User("planer", encoder.encode("a long real password"), List.of("ADMIN"), null);
        var users = new SecurityConfig().users(with(List.of(real)), new MockEnvironment(), encoder, NO_OIDC);
        assertThat(users.loadUserByUsername("planer").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
        var statistics = new DashboardProperties.User("statistik", encoder.encode("another real password"),
                List.of("STATISTICS"), null);
        assertThat(new SecurityConfig().users(with(List.of(statistics)), new MockEnvironment(), encoder, NO_OIDC)
                .loadUserByUsername("statistik").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_STATISTICS", "ROLE_VIEWER");
    }

    @Test
    void a_provider_login_needs_its_provider_id_and_no_other_login_may_have_one() {
        var unlinked = new DashboardProperties.User("jc", encoder.encode("a long real password"), List.of("PROVIDER"), null);
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of(unlinked)), new MockEnvironment(), encoder, NO_OIDC))
                .hasMessageContaining("the role PROVIDER needs provider-id");
        var linkedViewer = new DashboardProperties.User("p", encoder.encode("a long real password"), List.of("VIEWER"),
                "jobcenter-emden");
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of(linkedViewer)), new MockEnvironment(), encoder, NO_OIDC))
                .hasMessageContaining("provider-id is only for users with the role PROVIDER");
        var unknownRole = new DashboardProperties.User("p", encoder.encode("a long real password"), List.of("ROOT"), null);
        assertThatThrownBy(() -> new SecurityConfig().users(with(List.of(unknownRole)), new MockEnvironment(), encoder, NO_OIDC))
                .hasMessageContaining("unknown role 'ROOT'");

        var provider = new DashboardProperties.User("jc", encoder.encode("a long real password"), List.of("PROVIDER"),
                "jobcenter-emden");
        var user = new SecurityConfig().users(with(List.of(provider)), new MockEnvironment(), encoder, NO_OIDC)
                .loadUserByUsername("jc");
        assertThat(user.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_PROVIDER", "PROVIDER_ID:jobcenter-emden");
        var login = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        assertThat(Roles.providerIdOf(login)).hasValue("jobcenter-emden");
        assertThat(provider.toString()).doesNotContain(provider.passwordHash());
    }

    @Test
    void the_local_profile_has_one_login_per_role() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        var users = new SecurityConfig().users(with(List.of()), local, encoder, NO_OIDC);
        assertThat(roles(users.loadUserByUsername("planer"))).containsExactlyInAnyOrder("ROLE_VIEWER");
        assertThat(roles(users.loadUserByUsername("admin")))
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_ADMIN", "ROLE_STATISTICS");
        assertThat(roles(users.loadUserByUsername("statistik"))).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_STATISTICS");
        assertThat(roles(users.loadUserByUsername("operator"))).containsExactlyInAnyOrder("ROLE_OPERATOR");
        assertThat(roles(users.loadUserByUsername("anbieter")))
                .containsExactlyInAnyOrder("ROLE_PROVIDER", "PROVIDER_ID:demo");
        // and each of them is refused outside 'local'
        for (String name : List.of("planer", "admin", "statistik", "operator", "anbieter")) {
            var documented = new DashboardProperties.User(name, encoder.encode(name), List.of("VIEWER"), null);
            assertThatThrownBy(() -> new SecurityConfig().users(with(List.of(documented)), new MockEnvironment(), encoder, NO_OIDC))
                    .as(name).hasMessageContaining("has the documented local password");
        }
    }

    private static List<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(Object::toString).toList();
    }
}
