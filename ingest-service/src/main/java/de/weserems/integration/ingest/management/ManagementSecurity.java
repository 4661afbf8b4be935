package de.weserems.integration.ingest.management;

import de.weserems.integration.ingest.IngestProperties;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
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
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Spring Security guards only the management port ({@code management.server.port}, 9081): liveness and
 * readiness are open for the orchestrator, health details and Prometheus need the role {@code OPERATOR}
 * (HTTP basic, {@code ingest.operators}), everything else there is refused. The event API keeps its own
 * authentication by API key ({@code api.ApiKeyFilter}); its chain lets every request through unchanged.
 *
 * <p>Spring Boot runs the management port in a child context that registers the parent's
 * {@code springSecurityFilterChain}, so both chains see requests of both ports; the management chain is
 * chosen by the server a request arrived on, not by its path, so that no path on the management port
 * falls through to the permissive chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ManagementSecurity {

    static final String OPERATOR = "OPERATOR";

    /** The documented local login (profile {@code local}); refused in any other profile. */
    static final String LOCAL_OPERATOR = "operator";

    /** Requests that arrived on the management server (the child context), whatever their path. */
    static final RequestMatcher MANAGEMENT_SERVER = request -> WebServerNamespace.MANAGEMENT.equals(
            WebServerNamespace.from(WebApplicationContextUtils.getWebApplicationContext(request.getServletContext())));

    /**
     * Spring Security's strict firewall (400 for {@code ;}, {@code %2e}, {@code //} ...) on the management
     * port only. On the API port every request passes on unchanged to {@code ApiKeyFilter}, which refuses any
     * path that is not plainly written with its own 401 problem, as the API's clients know it.
     */
    @Bean
    WebSecurityCustomizer firewallOnTheManagementPortOnly() {
        HttpFirewall strict = new StrictHttpFirewall();
        HttpFirewall firewall = new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                return MANAGEMENT_SERVER.matches(request) ? strict.getFirewalledRequest(request)
                        : new FirewalledRequest(request) {
                            @Override
                            public void reset() {
                            }
                        };
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        http.securityMatcher(MANAGEMENT_SERVER)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .hasRole(OPERATOR)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // the API's callers are scripts with an API key: no session, no CSRF token, no login page.
        // The actuator is never served here, even if management.server.port were set to this port.
        // Matched on the servlet path as the container normalised it, which is where a request would be
        // dispatched: "/actuator/health/../../api/v1/events" is the API's and keeps ApiKeyFilter's 401.
        RequestMatcher actuator = request -> request.getServletPath().equals("/actuator")
                || request.getServletPath().startsWith("/actuator/");
        http.authorizeHttpRequests(a -> a.requestMatchers(actuator).denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, x) -> response.setStatus(404))
                        .accessDeniedHandler((request, response, x) -> response.setStatus(404)))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operators(IngestProperties properties, Environment environment, PasswordEncoder encoder) {
        boolean local = environment.acceptsProfiles(Profiles.of("local"));
        List<UserDetails> users = new ArrayList<>();
        if (local) {
            users.add(User.withUsername(LOCAL_OPERATOR).password("{noop}" + LOCAL_OPERATOR).roles(OPERATOR).build());
        }
        for (IngestProperties.Operator o : properties.operators()) {
            if (o.username() == null || o.passwordHash() == null || o.passwordHash().isBlank()) {
                throw new IllegalStateException("ingest.operators: every entry needs a username and a password-hash");
            }
            if (!local && encoder.matches(LOCAL_OPERATOR, o.passwordHash())) {
                throw new IllegalStateException("ingest operator '" + o.username() + "' has the documented local "
                        + "password; it is only allowed with the Spring profile 'local'. Set a real password hash.");
            }
            users.add(User.withUsername(o.username()).password(o.passwordHash()).roles(OPERATOR).build());
        }
        // no operator is allowed: then only the probes answer on the management port
        return new InMemoryUserDetailsManager(users);
    }
}
