package de.weserems.integration.dashboard.base.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every login of the dashboard (the form and HTTP basic) passes here first: a throttled user name or source
 * address is refused before its password is looked at ({@link LoginThrottledException}); a wrong password
 * counts against both, a right one clears its user's count.
 */
final class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        String source = source(authentication);
        var refused = throttle.refusedFor(user, source);
        if (refused.isPresent()) {
            throw new LoginThrottledException(refused.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(user);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(user, source);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /**
     * The client's address: with {@code server.forward-headers-strategy} the container has already replaced
     * the proxy's address by the one the proxy forwarded, so this is the browser's, not nginx's.
     */
    private static String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
