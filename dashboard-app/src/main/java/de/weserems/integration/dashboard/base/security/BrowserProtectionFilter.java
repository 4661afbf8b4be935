package de.weserems.integration.dashboard.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Browser-facing protection on every response, before Spring Security and Vaadin:
 * <ul>
 *   <li>security headers, also on the pages Vaadin serves itself (Spring Security's header writer
 *       does not reach Vaadin's bootstrap page of the login view), among them a Content-Security-Policy
 *       that Vaadin works under ({@link #CONTENT_SECURITY_POLICY}) and, on HTTPS, HSTS;</li>
 *   <li>a same-origin check for state-changing requests: Vaadin exempts its login form from Spring's
 *       CSRF token (its form cannot carry one), so a cross-site {@code POST /login} (login CSRF) is
 *       refused here by its {@code Origin}; Vaadin's own requests carry Vaadin's CSRF token anyway.
 *       Browsers send {@code Origin} on every cross-origin POST, so requests without it come from
 *       non-browser clients, which cannot be made to forge anything.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BrowserProtectionFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * Everything from this origin only; no plugins, no framing by other sites, forms post only here.
     * Vaadin Flow needs {@code 'unsafe-inline'} and {@code 'unsafe-eval'} for scripts (its bootstrap page
     * has inline scripts and {@code executeJs} runs through {@code new Function}) and {@code 'unsafe-inline'}
     * for styles (components set style attributes); push and the map's GeoJSON use {@code connect-src 'self'}.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** One year, subdomains included: the dashboard is served over HTTPS only, behind the proxy. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!response.containsHeader("X-Frame-Options")) {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        // isSecure is the proxy's X-Forwarded-Proto (server.forward-headers-strategy): a plain local run
        // gets no HSTS, which would otherwise pin localhost to HTTPS in the browser
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) && crossOrigin(request)) {
            // written directly: sendError would dispatch to /error, which the UI chain answers with a redirect
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Cross-origin request refused / Anfrage von fremder Seite abgelehnt\n");
            return;
        }
        chain.doFilter(request, response);
    }

    /** An {@code Origin} that names another host than the one the request was sent to. */
    static boolean crossOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || host == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return !host.equalsIgnoreCase(originHost) && !host.equalsIgnoreCase(uri.getHost() + defaultPort(uri));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String defaultPort(URI uri) {
        return "https".equals(uri.getScheme()) ? ":443" : ":80";
    }
}
