package de.weserems.integration.dashboard.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Login with an organisation account (OIDC) beside the local users, switched on by configuring an OIDC
 * client registration ({@code spring.security.oauth2.client.registration.*}); without one nothing
 * changes. The login page offers one button per registration; the roles come from
 * {@link OidcRoleMapper}; the read API then also takes the provider's access tokens. A login refused for want of a role returns to the login page with
 * {@value #REFUSED}, any other failure (the provider refused, an expired attempt) with {@value #FAILED}.
 */
@Component
public class OidcLogin {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

    /** The login page's query parameter after an OIDC login was refused. */
    public static final String REFUSED = "oidc-refused";
    /** The login page's query parameter after an OIDC login failed for another reason. */
    public static final String FAILED = "oidc-failed";

    private final List<ClientRegistration> registrations = new ArrayList<>();
    private final OidcSettings settings;

    OidcLogin(ObjectProvider<ClientRegistrationRepository> repository, OidcSettings settings) {
        this.settings = settings;
        // Boot's repository lists its registrations; one built by hand need not
        if (repository.getIfAvailable() instanceof Iterable<?> all) {
            all.forEach(r -> registrations.add((ClientRegistration) r));
        }
    }

    /** The paths that start a login with each configured registration; empty without OIDC. */
    public List<String> loginPaths() {
        return registrations.stream().map(r -> OAuth2AuthorizationRequestRedirectFilter
                .DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + r.getRegistrationId()).toList();
    }

    /**
     * Lets the read API also take the provider's access tokens ({@code Authorization: Bearer}), signed
     * with the provider's keys, from its issuer, issued to the dashboard's client (its client id in
     * {@code aud} or {@code azp}: a token the provider issued for another application is refused), with
     * the roles {@link OidcRoleMapper} maps from the token's claims; nothing without OIDC.
     */
    void applyToApi(HttpSecurity http) throws Exception {
        ClientRegistration registration = registrations.stream()
                .filter(r -> r.getProviderDetails().getJwkSetUri() != null).findFirst().orElse(null);
        if (registration == null) {
            return;
        }
        var provider = registration.getProviderDetails();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(provider.getJwkSetUri()).build();
        String clientId = registration.getClientId();
        OAuth2TokenValidator<Jwt> forThisClient = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(clientId)
                || clientId.equals(jwt.getClaimAsString("azp"))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token was not issued to this dashboard", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(provider.getIssuerUri() == null
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(provider.getIssuerUri()),
                forThisClient));
        OidcRoleMapper mapper = new OidcRoleMapper(settings);
        http.oauth2ResourceServer(r -> r.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(jwt ->
                new JwtAuthenticationToken(jwt, List.copyOf(mapper.authorities(jwt.getClaims())),
                        jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username")
                                : jwt.getSubject()))));
    }

    /** Adds the OIDC login to the UI's chain, whose login page stays {@code loginPage}; nothing without OIDC. */
    void applyToUi(HttpSecurity http, String loginPage) throws Exception {
        if (registrations.isEmpty()) {
            return;
        }
        http.oauth2Login(o -> o.loginPage(loginPage)
                .userInfoEndpoint(u -> u.oidcUserService(new OidcRoleMapper(settings)))
                .failureHandler((request, response, e) -> {
                    boolean noRole = e instanceof OAuth2AuthenticationException o2
                            && OidcRoleMapper.NO_ROLE.equals(o2.getError().getErrorCode());
                    if (!noRole) {
                        // the provider's error code and text name no person
                        LOG.warn("OIDC login failed: {}", e.getMessage());
                    }
                    response.sendRedirect(request.getContextPath() + loginPage + "?" + (noRole ? REFUSED : FAILED));
                }));
    }
}
