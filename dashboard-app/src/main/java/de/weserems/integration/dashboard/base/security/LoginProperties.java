package de.weserems.integration.dashboard.base.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How logins are throttled and how long a verified HTTP basic login is remembered, prefix
 * {@code dashboard.login} (docs/configuration.md).
 *
 * @param maxFailures after this many failed logins of one user name within {@code window}, further
 *                    logins of that user are refused until the window ends
 * @param maxFailuresPerAddress the same for one source address, whatever the user names: higher, because
 *                    an office behind one NAT address shares it, and one person's typos must not lock out
 *                    everyone there; still few enough that guessing from one address gets nowhere
 * @param window      how long failures are counted, from the first one
 * @param tracked     most user names and most source addresses remembered at once (each); beyond it the
 *                    least recently used are forgotten, so memory stays bounded whatever an attacker sends
 * @param verifiedFor how long a verified HTTP basic login is remembered, so a script's next request costs
 *                    no bcrypt; 0 turns the cache off
 */
@ConfigurationProperties("dashboard.login")
record LoginProperties(@DefaultValue("5") int maxFailures,
                       @DefaultValue("30") int maxFailuresPerAddress,
                       @DefaultValue("15m") Duration window,
                       @DefaultValue("10000") int tracked,
                       @DefaultValue("5m") Duration verifiedFor) {

    LoginProperties {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || tracked < 1 || window.isNegative() || window.isZero() || verifiedFor.isNegative()) {
            throw new IllegalArgumentException("dashboard.login: max-failures, max-failures-per-address and tracked must be at least 1, "
                    + "window positive and verified-for not negative");
        }
    }
}
