package de.weserems.integration.dashboard.base.security;

import de.weserems.integration.dashboard.DashboardProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's logins: those of {@code dashboard.users}, and in the profile {@code local} one documented
 * login per role. Refuses what would be unsafe or meaningless: a documented local password outside
 * {@code local}, an unknown role, a PROVIDER without its provider id or a provider id without that role.
 */
final class DashboardLogins {

    /** The documented local logins (profile {@code local}), user name = password; refused in any other profile. */
    static final Map<String, List<String>> LOCAL = localLogins();

    /** The provider id the local PROVIDER login speaks for: the demo provider of ingest's local profile. */
    static final String LOCAL_PROVIDER_ID = "demo";

    private static final List<String> ROLES = List.of(Roles.VIEWER, Roles.ADMIN, Roles.STATISTICS, Roles.OPERATOR,
            Roles.PROVIDER);

    private DashboardLogins() {
    }

    private static Map<String, List<String>> localLogins() {
        Map<String, List<String>> logins = new LinkedHashMap<>();
        logins.put("planer", List.of(Roles.VIEWER));
        logins.put("admin", List.of(Roles.VIEWER, Roles.ADMIN, Roles.STATISTICS));
        logins.put("statistik", List.of(Roles.VIEWER, Roles.STATISTICS));
        logins.put("operator", List.of(Roles.OPERATOR));
        logins.put("anbieter", List.of(Roles.PROVIDER));
        return Map.copyOf(logins);
    }

    /**
     * @param organisationLogins whether OIDC logins are configured: then the dashboard may run without
     *                           a login of its own
     */
    static List<UserDetails> of(DashboardProperties properties, Environment environment, PasswordEncoder encoder,
                                boolean organisationLogins) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        List<UserDetails> users = new ArrayList<>();
        if (local) {
            LOCAL.forEach((name, roles) -> users.add(user(name, "{noop}" + name, roles,
                    roles.contains(Roles.PROVIDER) ? LOCAL_PROVIDER_ID : null)));
        }
        for (DashboardProperties.User u : properties.users()) {
            if (!local && LOCAL.containsKey(u.username()) && encoder.matches(u.username(), u.passwordHash())) {
                throw new IllegalStateException("dashboard user '" + u.username() + "' has the documented local "
                        + "password; it is only allowed with the Spring profile 'local'. Set a real password hash.");
            }
            List<String> roles = new ArrayList<>(u.roles() == null ? List.of() : u.roles());
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new IllegalStateException("dashboard user '" + u.username() + "' has the unknown role '"
                            + role + "'; the roles are " + ROLES + " (docs/configuration.md, \"Roles\")");
                }
            }
            boolean provider = roles.contains(Roles.PROVIDER);
            boolean linked = u.providerId() != null && !u.providerId().isBlank();
            if (provider != linked) {
                throw new IllegalStateException("dashboard user '" + u.username() + "': " + (provider
                        ? "the role PROVIDER needs provider-id (the ingest provider this login speaks for)"
                        : "provider-id is only for users with the role PROVIDER"));
            }
            if ((roles.contains(Roles.ADMIN) || roles.contains(Roles.STATISTICS)) && !roles.contains(Roles.VIEWER)) {
                roles.add(Roles.VIEWER);
            }
            users.add(user(u.username(), u.passwordHash(), roles, linked ? u.providerId() : null));
        }
        if (users.isEmpty() && !organisationLogins) {
            throw new IllegalStateException("No dashboard users configured (dashboard.users) and no OIDC login. "
                    + "Add at least one user with a bcrypt password hash: see docs/configuration.md; "
                    + "deploy/dashboard.example.yml shows how to make one.");
        }
        return users;
    }

    private static UserDetails user(String name, String passwordHash, List<String> roles, String providerId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        if (providerId != null) {
            authorities.add(new SimpleGrantedAuthority(Roles.PROVIDER_ID_PREFIX + providerId));
        }
        return User.withUsername(name).password(passwordHash).authorities(authorities).build();
    }
}
