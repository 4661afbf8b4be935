package de.weserems.integration.dashboard.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends a PROVIDER login that opens the overview ({@code /} or {@code /overview}) to its upload page. A login
 * lands on {@code /} unless it was asking for another page; a provider sees no dashboard, so the overview would
 * only tell it "no access". Done here, on the page load, rather than in Vaadin's navigation, because that is the
 * one place every login passes whatever its kind (form or OIDC), and the access check of the overview's route
 * would otherwise turn the provider away before any view could forward it. Vaadin's own requests (with a query,
 * {@code ?v-r=...}) and a user who may see the overview are left alone.
 */
final class ProviderLanding extends OncePerRequestFilter {

    /** The upload page ({@code upload.ui.UploadView}'s route). */
    static final String UPLOAD = "/hochladen";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null
                || !(path.equals("/") || path.equals("/overview"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (providerOnly(SecurityContextHolder.getContext().getAuthentication())) {
            response.sendRedirect(request.getContextPath() + UPLOAD);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A PROVIDER that is not also a VIEWER (an ADMIN, say, keeps the overview). */
    static boolean providerOnly(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return authorities.contains("ROLE_" + Roles.PROVIDER) && !authorities.contains("ROLE_" + Roles.VIEWER);
    }
}
