package de.weserems.integration.dashboard.base.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OIDC role mapping by the rules of docs/configuration.md, and the provider id, without a provider. */
class OidcRoleMapperTest {

    private static final OidcSettings DEFAULTS = new OidcSettings("roles", "provider_id", Map.of());

    private static List<String> roles(OidcSettings settings, Map<String, Object> claims) {
        return new OidcRoleMapper(settings).authorities(claims).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void the_role_names_map_to_themselves_and_admin_and_statistics_include_viewer() {
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("ADMIN")))).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("STATISTICS", "offline_access"))))
                .containsExactlyInAnyOrder("ROLE_STATISTICS", "ROLE_VIEWER");
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("OPERATOR")))).containsExactly("ROLE_OPERATOR");
        assertThat(roles(DEFAULTS, Map.of("roles", "VIEWER OPERATOR"))).as("one string, separated by spaces")
                .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
    }

    @Test
    void unknown_values_a_missing_claim_and_other_claims_grant_nothing() {
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("viewer", "default-roles-weser-ems")))).isEmpty();
        assertThat(roles(DEFAULTS, Map.of("groups", List.of("ADMIN")))).isEmpty();
        assertThat(roles(DEFAULTS, Map.of())).isEmpty();
    }

    @Test
    void a_configured_table_maps_the_organisations_values_and_only_those() {
        var settings = new OidcSettings("groups", "provider_id",
                Map.of("integrationsmonitor-planung", "VIEWER", "integrationsmonitor-statistik", "STATISTICS"));
        assertThat(roles(settings, Map.of("groups", List.of("integrationsmonitor-statistik"))))
                .containsExactlyInAnyOrder("ROLE_STATISTICS", "ROLE_VIEWER");
        assertThat(roles(settings, Map.of("groups", List.of("ADMIN")))).as("the names themselves no longer count")
                .isEmpty();
    }

    @Test
    void a_table_naming_no_role_is_refused_at_start() {
        assertThatThrownBy(() -> new OidcSettings("roles", "provider_id", Map.of("chef", "BOSS")))
                .hasMessageContaining("'chef' to 'BOSS', which is no role");
    }

    @Test
    void a_nested_claim_is_read_by_its_dotted_path() {
        var keycloak = new OidcSettings("realm_access.roles", "provider_id", Map.of());
        assertThat(roles(keycloak, Map.of("realm_access", Map.of("roles", List.of("ADMIN")))))
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
    }

    @Test
    void provider_needs_the_provider_id_claim() {
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("PROVIDER"), "provider_id", "demo")))
                .containsExactly("ROLE_PROVIDER", "PROVIDER_ID:demo");
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("PROVIDER")))).isEmpty();
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("PROVIDER"), "provider_id", " "))).isEmpty();
        assertThat(roles(DEFAULTS, Map.of("roles", List.of("PROVIDER", "VIEWER")))).containsExactly("ROLE_VIEWER");
    }

    @Test
    void a_login_without_a_role_is_refused_and_one_with_a_role_keeps_its_name() {
        assertThatThrownBy(() -> load(Map.of("preferred_username", "gast", "roles", List.of("nothing"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(OidcRoleMapper.NO_ROLE));
        OidcUser user = load(Map.of("preferred_username", "leitung", "roles", List.of("ADMIN")));
        assertThat(user.getName()).isEqualTo("leitung");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
    }

    @Test
    void the_provider_id_of_a_provider_login_is_read_from_its_claim_and_nobody_elses() {
        var login = new OidcLogin(new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class),
                DEFAULTS);
        OidcUser provider = load(Map.of("preferred_username", "anbieterin", "roles", List.of("PROVIDER"),
                "provider_id", "demo"));
        assertThat(Roles.providerIdOf(new OAuth2AuthenticationToken(provider, provider.getAuthorities(), "oidc")))
                .as("the same accessor as for a local PROVIDER user").hasValue("demo");
        OidcUser viewer = load(Map.of("preferred_username", "planerin", "roles", List.of("VIEWER"),
                "provider_id", "demo"));
        assertThat(Roles.providerIdOf(new OAuth2AuthenticationToken(viewer, viewer.getAuthorities(), "oidc")))
                .as("not a PROVIDER").isEmpty();
        assertThat(login.loginPaths()).as("no registration, no button").isEmpty();
    }

    /** The mapper around a user service that returns the ID token's claims as they are. */
    private static OidcUser load(Map<String, Object> claims) {
        Instant now = Instant.now();
        var idToken = OidcIdToken.withTokenValue("id-token").subject("subject-1").issuedAt(now)
                .expiresAt(now.plusSeconds(60)).claims(c -> c.putAll(claims)).build();
        var registration = ClientRegistration.withRegistrationId("oidc").clientId("dashboard")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://idp.example/auth").tokenUri("https://idp.example/token").build();
        var request = new OidcUserRequest(registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(60)), idToken);
        return new OidcRoleMapper(DEFAULTS, r -> new DefaultOidcUser(List.of(), r.getIdToken()))
                .loadUser(request);
    }
}
