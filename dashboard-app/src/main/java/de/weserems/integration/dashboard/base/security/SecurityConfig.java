package de.weserems.integration.dashboard.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Logins and access rules. The UI uses Vaadin's login view with a session; the read API under
 * {@code /api/**} also takes HTTP basic, without a session, for scripts and spreadsheets.
 * Health and metrics stay open for the platform's probes and Prometheus.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /** Local-only logins (profile {@code local}); refused in any other profile. */
    static final Map<String, String> LOCAL_LOGINS = Map.of("planer", "planer", "admin", "admin");

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, OidcLogin oidc) throws Exception {
        // scripts get a 401 problem with a Basic challenge, written directly: sendError would dispatch
        // to /error, which the UI chain answers with a redirect to the login page
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Integrationsmonitor Weser-Ems\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"Log in with a dashboard user (HTTP basic).\"}");
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(Roles.VIEWER))
                .httpBasic(b -> b.authenticationEntryPoint(challenge))
                .exceptionHandling(e -> e.authenticationEntryPoint(challenge))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        oidc.applyToApi(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, OidcLogin oidc) throws Exception {
        // the district boundaries are public reference data (BKG), loaded by the map's script
        http.authorizeHttpRequests(a -> a.requestMatchers("/geo/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        oidc.applyToUi(http, "/login");
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(DashboardProperties properties, Environment environment, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            users.add(User.withUsername("planer").password("{noop}planer").roles(Roles.VIEWER).build());
            users.add(User.withUsername("admin").password("{noop}admin")
                    .roles(Roles.VIEWER, Roles.ADMIN, Roles.STATISTICS).build());
        }
        for (DashboardProperties.User u : properties.users()) {
            String local = LOCAL_LOGINS.get(u.username());
            if (!environment.acceptsProfiles(Profiles.of("local")) && local != null
                    && encoder.matches(local, u.passwordHash())) {
                throw new IllegalStateException("dashboard user '" + u.username() + "' has the documented local "
                        + "password; it is only allowed with the Spring profile 'local'. Set a real password hash.");
            }
            List<String> roles = new ArrayList<>(u.roles());
            if ((roles.contains(Roles.ADMIN) || roles.contains(Roles.STATISTICS)) && !roles.contains(Roles.VIEWER)) {
                roles.add(Roles.VIEWER);
            }
            users.add(User.withUsername(u.username()).password(u.passwordHash())
                    .roles(roles.toArray(String[]::new)).build());
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("No dashboard users configured (dashboard.users). "
                    + "Add at least one user with a bcrypt password hash: see docs/configuration.md; "
                    + "deploy/dashboard.example.yml shows how to make one.");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
