package de.weserems.integration.dashboard.base.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Optional;

/**
 * The one role model of the dashboard (docs/configuration.md, "Roles", is the table users read):
 * <ul>
 *   <li>VIEWER (planners) sees all dashboards and exports and may use the read API;</li>
 *   <li>ADMIN also sets targets and sees the data-provider view and the engine;</li>
 *   <li>STATISTICS (the statistics staff, who hold the microdata anyway) may also ask the read API for
 *       exact figures ({@code exact=true});</li>
 *   <li>OPERATOR reads health details and Prometheus on the management port, and nothing else;</li>
 *   <li>PROVIDER is a data provider's own login, linked to exactly one provider id, for pages about that
 *       provider's deliveries; it sees no dashboard.</li>
 * </ul>
 * ADMIN and STATISTICS include VIEWER; OPERATOR and PROVIDER include nothing.
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String ADMIN = "ADMIN";
    public static final String STATISTICS = "STATISTICS";
    public static final String OPERATOR = "OPERATOR";
    public static final String PROVIDER = "PROVIDER";

    /** The authority that carries a PROVIDER user's provider id: {@code PROVIDER_ID:<id>}. */
    static final String PROVIDER_ID_PREFIX = "PROVIDER_ID:";

    private Roles() {
    }

    /** The provider a PROVIDER login speaks for; empty for every other login. */
    public static Optional<String> providerIdOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PROVIDER_ID_PREFIX))
                .map(a -> a.substring(PROVIDER_ID_PREFIX.length())).findFirst();
    }
}
