package de.weserems.integration.dashboard.base.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an organisation's OIDC login into the dashboard's roles, by the same rules as the local users:
 * the values of one claim ({@link OidcSettings#rolesClaim()}) map to VIEWER, ADMIN, STATISTICS, OPERATOR
 * and PROVIDER; ADMIN and STATISTICS include VIEWER; PROVIDER needs the provider id claim. Whoever ends
 * up with no role is refused at the login (error {@value #NO_ROLE}), so an account the organisation
 * did not grant the dashboard never gets a session, not even an empty one.
 */
final class OidcRoleMapper implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The OAuth2 error code of a login refused for want of a dashboard role. */
    static final String NO_ROLE = "dashboard_no_role";

    private static final Logger LOG = LoggerFactory.getLogger(OidcRoleMapper.class);

    private final OidcSettings settings;
    private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

    OidcRoleMapper(OidcSettings settings) {
        this(settings, new OidcUserService());
    }

    OidcRoleMapper(OidcSettings settings, OAuth2UserService<OidcUserRequest, OidcUser> delegate) {
        this.settings = settings;
        this.delegate = delegate;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Set<GrantedAuthority> authorities = authorities(user.getClaims());
        if (authorities.isEmpty()) {
            // the subject is an identifier of a person: not logged
            LOG.warn("OIDC login refused: no known dashboard role in claim '{}'", settings.rolesClaim());
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                    "no known dashboard role in claim '" + settings.rolesClaim() + "'", null));
        }
        String nameKey = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        if (nameKey == null || nameKey.isBlank() || user.getClaims().get(nameKey) == null) {
            nameKey = user.getClaims().get("preferred_username") != null ? "preferred_username" : IdTokenClaimNames.SUB;
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
    }

    /** The authorities ({@code ROLE_...}) these claims grant; empty if none. */
    Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> roles = new LinkedHashSet<>();
        for (String value : values(claim(claims, settings.rolesClaim()))) {
            String role = settings.roles().get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        if (roles.contains(Roles.PROVIDER) && providerId(claims) == null) {
            LOG.warn("OIDC role {} ignored: the login has no claim '{}' naming its provider",
                    Roles.PROVIDER, settings.providerIdClaim());
            roles.remove(Roles.PROVIDER);
        }
        if (roles.contains(Roles.ADMIN) || roles.contains(Roles.STATISTICS)) {
            roles.add(Roles.VIEWER);
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        if (roles.contains(Roles.PROVIDER)) {
            // the same authority a local PROVIDER user carries: Roles.providerIdOf reads both alike
            authorities.add(new SimpleGrantedAuthority(Roles.PROVIDER_ID_PREFIX + providerId(claims)));
        }
        return authorities;
    }

    /** The provider id a PROVIDER login belongs to, or null. */
    String providerId(Map<String, Object> claims) {
        Object id = claim(claims, settings.providerIdClaim());
        return id == null || id.toString().isBlank() ? null : id.toString();
    }

    /** A claim by its name, or else by a dotted path into nested claims ({@code realm_access.roles}). */
    private static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v).trim()));
        } else if (claim instanceof String text) {
            for (String v : text.split("[\\s,]+")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return values;
    }
}
