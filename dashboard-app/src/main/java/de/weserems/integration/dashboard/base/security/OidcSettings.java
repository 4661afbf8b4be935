package de.weserems.integration.dashboard.base.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How an organisation's OIDC login becomes the dashboard's roles (docs/configuration.md, "Login with an
 * organisation account (OIDC)"). Used only when an OIDC client registration is configured.
 *
 * @param rolesClaim      the ID token or user-info claim that lists the user's roles (a list, or one string
 *                        with the values separated by spaces or commas); a dotted path such as
 *                        {@code realm_access.roles} reads a nested claim
 * @param providerIdClaim the claim that names the data provider a user with role PROVIDER belongs to;
 *                        PROVIDER without it is refused
 * @param roles           which claim value means which role; empty: the role names themselves
 *                        ({@code VIEWER}, {@code ADMIN}, ...) are recognised
 */
@ConfigurationProperties("dashboard.oidc")
public record OidcSettings(@DefaultValue("roles") String rolesClaim,
                           @DefaultValue("provider_id") String providerIdClaim,
                           Map<String, String> roles) {

    static final Set<String> KNOWN_ROLES =
            Set.of(Roles.VIEWER, Roles.ADMIN, Roles.STATISTICS, Roles.OPERATOR, Roles.PROVIDER);

    public OidcSettings {
        Map<String, String> checked = new LinkedHashMap<>();
        if (roles == null || roles.isEmpty()) {
            KNOWN_ROLES.forEach(role -> checked.put(role, role));
        } else {
            roles.forEach((value, role) -> {
                if (!KNOWN_ROLES.contains(role)) {
                    throw new IllegalArgumentException("dashboard.oidc.roles maps '" + value + "' to '" + role
                            + "', which is no role; known roles: " + KNOWN_ROLES);
                }
                checked.put(value, role);
            });
        }
        roles = Map.copyOf(checked);
    }
}
