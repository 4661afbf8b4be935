package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.providers.Authenticator;
import de.weserems.integration.ingest.providers.Caller;
import de.weserems.integration.ingest.providers.Provider;
import de.weserems.integration.ingest.validation.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.List;

/**
 * Authenticates every request by its {@code Authorization: Bearer <key>} header (and, for a service
 * client, its {@code X-Provider-Id}; see {@link Authenticator}) and puts the {@link Provider} and the
 * {@link Caller} on the request; answers 401 or 403 problem details otherwise, worded like every other
 * problem of ingest (German, or English when {@code Accept-Language} prefers it). The key is never logged or
 * echoed.
 *
 * <p>Only the documentation and the operator's endpoint paths are public ({@link #PUBLIC}), and only under
 * their plain path. The actuator itself answers on the management port only (9081, guarded by
 * {@code management.ManagementSecurity}); its paths stay public here so that on this port they answer
 * 404, as for anyone, rather than ask for an API key. The filter does not try to work out which path the dispatcher will make of a request:
 * a path with a parameter ({@code ;x}), an escape ({@code %61}), a doubled slash or a dot segment is
 * never public, so whatever handler it may reach, it needs a key.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    /** Request attribute that holds the authenticated {@link Provider}. */
    public static final String PROVIDER = "ingest.provider";
    /** Request attribute that holds the {@link Caller}: the provider, its key id and the service client. */
    public static final String CALLER = "ingest.caller";

    /** Public paths: each one itself and everything below it. */
    private static final List<String> PUBLIC = List.of("/api/v1/schema", "/v3/api-docs", "/swagger-ui.html",
            "/swagger-ui", "/actuator/health", "/actuator/info", "/actuator/prometheus");

    private final Authenticator authenticator;
    private final Problems problems;
    private final LocaleResolver locales;

    public ApiKeyFilter(Authenticator authenticator, Problems problems, LocaleResolver locales) {
        this.authenticator = authenticator;
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isPublic(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** Whether a path as sent (undecoded) is one of the {@link #PUBLIC} ones, written plainly. */
    static boolean isPublic(String path) {
        boolean plain = path.startsWith("/") && path.indexOf(';') < 0 && path.indexOf('%') < 0
                && path.indexOf('\\') < 0 && !path.contains("//") && !path.contains("/./") && !path.contains("/../")
                && !path.endsWith("/.") && !path.endsWith("/..");
        return plain && PUBLIC.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        switch (authenticator.authenticate(key, request.getHeader(Authenticator.PROVIDER_ID_HEADER))) {
            case Authenticator.Refused refused -> {
                if (refused.status() == HttpStatus.UNAUTHORIZED.value()) {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                }
                // a filter runs before the dispatcher has put the locale in place: ask the same resolver
                problems.write(response, Problems.of(HttpStatus.valueOf(refused.status()), refused.type(),
                        locales.resolveLocale(request), new Text(refused.detailKey(), Authenticator.PROVIDER_ID_HEADER)));
            }
            case Authenticator.Accepted accepted -> {
                request.setAttribute(PROVIDER, accepted.caller().provider());
                request.setAttribute(CALLER, accepted.caller());
                chain.doFilter(request, response);
            }
        }
    }
}
