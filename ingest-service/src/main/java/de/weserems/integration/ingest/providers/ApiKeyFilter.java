package de.weserems.integration.ingest.providers;

import de.weserems.integration.ingest.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code /api/**} requests by their {@code Authorization: Bearer <key>} header and
 * puts the {@link Provider} on the request. Answers 401 problem details otherwise. The key is never
 * logged or echoed.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    /** Request attribute that holds the authenticated {@link Provider}. */
    public static final String PROVIDER = "ingest.provider";

    private final ProviderRegistry registry;
    private final Problems problems;

    public ApiKeyFilter(ProviderRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // the JSON schema is public documentation; everything else under /api needs a key
        return !path.startsWith("/api/") || path.startsWith("/api/v1/schema/");
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
