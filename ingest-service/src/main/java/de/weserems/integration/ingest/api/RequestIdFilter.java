package de.weserems.integration.ingest.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Gives every request its id before anything else runs, and puts it into the logging context (MDC
 * key {@value #MDC_KEY}) for the request's whole way, so each log line of a request carries it (the
 * JSON logs outside the profile {@code local}). A delivery's answer and audit reuse it as
 * {@code X-Request-Id}: what a provider quotes is what the logs show. A client's own id is not
 * taken over: it could be anything, and the logs must hold nothing a client wrote.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID id = UUID.randomUUID();
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id.toString());
        try {
            chain.doFilter(request, response);
        } finally {
            // the thread serves other requests next
            MDC.remove(MDC_KEY);
        }
    }

    /** The id this filter gave the request; a new one for a request that did not pass it (a test's). */
    static UUID of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof UUID id ? id : UUID.randomUUID();
    }
}
