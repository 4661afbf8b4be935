package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.providers.Provider;
import de.weserems.integration.ingest.providers.ProviderRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates every request by its {@code Authorization: Bearer <key>} header and puts the
 * {@link Provider} on the request; answers 401 problem details otherwise. The key is never logged or
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

    /** Public paths: each one itself and everything below it. */
    private static final List<String> PUBLIC = List.of("/api/v1/schema", "/v3/api-docs", "/swagger-ui.html",
            "/swagger-ui", "/actuator/health", "/actuator/info", "/actuator/prometheus");

    private final ProviderRegistry registry;
    private final Problems problems;

    public ApiKeyFilter(ProviderRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
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
        Optional<Provider> provider = Optional.empty();
        String detail = "Send your API key as 'Authorization: Bearer <key>'.";
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            provider = registry.authenticate(header.substring(7).trim());
            detail = "The API key is not known. Check it, or ask the operator for a new one.";
        }
        if (provider.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, Problems.unauthorized(detail));
            return;
        }
        request.setAttribute(PROVIDER, provider.get());
        chain.doFilter(request, response);
    }
}
