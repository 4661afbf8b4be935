package de.weserems.integration.dashboard.base.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.ui.LoginView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.io.IOException;
import java.time.Clock;

/**
 * Logins and access rules, chain by chain:
 * <ol>
 *   <li>the management port (9080): liveness and readiness open, health details and Prometheus for
 *       OPERATOR (HTTP basic), nothing else;</li>
 *   <li>the read API {@code /api/**} and its OpenAPI document {@code /v3/api-docs}: HTTP basic, no session,
 *       401 or 429 as a problem;</li>
 *   <li>{@code /actuator/**} on the main port: 404, the actuator lives on the management port only;</li>
 *   <li>the UI: Vaadin's login view with a session; the monthly reports {@code /berichte/**} for VIEWER.</li>
 * </ol>
 * Every login passes {@link ThrottlingAuthenticationProvider} and {@link CachingAuthenticationProvider};
 * headers the browser needs are set by {@link BrowserProtectionFilter}. The roles are in {@link Roles}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /**
     * Requests that arrived on the management server, whatever their path. Spring Boot's management child
     * context registers this application's security filter for its own port; matching on the server rather
     * than on a path keeps an unknown path there from falling through to the UI's chain.
     */
    static final RequestMatcher MANAGEMENT_SERVER = request -> WebServerNamespace.MANAGEMENT.equals(
            WebServerNamespace.from(WebApplicationContextUtils.getWebApplicationContext(request.getServletContext())));

    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http) throws Exception {
        http.securityMatcher(MANAGEMENT_SERVER)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .hasRole(Roles.OPERATOR)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, OidcLogin oidc) throws Exception {
        // scripts get a problem, written directly: sendError would dispatch to /error, which the UI chain
        // answers with a redirect to the login page
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                long seconds = throttled.retryAfterSeconds();
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                problem(response, HttpStatus.TOO_MANY_REQUESTS, "/problems/too-many-logins", "Too many failed logins",
                        "Zu viele fehlgeschlagene Anmeldungen für diesen Benutzer oder von dieser Adresse; bitte in "
                                + seconds + " Sekunden erneut versuchen. / Too many failed logins for this user or "
                                + "from this address; try again in " + seconds + " seconds.");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Integrationsmonitor Weser-Ems\"");
            problem(response, HttpStatus.UNAUTHORIZED, "/problems/unauthorized", "Unauthorized",
                    "Log in with a dashboard user (HTTP basic).");
        };
        // the read API's OpenAPI document with it: whoever may read the API may read its description
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
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
    SecurityFilterChain noActuatorOnTheMainPort(HttpSecurity http) throws Exception {
        // without this chain the UI's would answer with a login page, as if there were something to see
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, x) -> response.setStatus(404))
                        .accessDeniedHandler((request, response, x) -> response.setStatus(404)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, OidcLogin oidc) throws Exception {
        // the district boundaries are public reference data (BKG), loaded by the map's script
        http.authorizeHttpRequests(a -> a.requestMatchers("/geo/**").permitAll());
        // the monthly reports (PDF) are links a logged-in planner follows: the UI's session, as the views
        http.authorizeHttpRequests(a -> a.requestMatchers("/berichte/**").hasRole(Roles.VIEWER));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // a throttled login goes back to the form with the wait; runs after Vaadin has set its failure URL
        http.formLogin(f -> f.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(formFailure());
                return filter;
            }
        }));
        oidc.applyToUi(http, "/login");
        // after the authorization filter: the login is known, and an anonymous "/" still goes to the login
        http.addFilterAfter(new ProviderLanding(), AuthorizationFilter.class);
        return http.build();
    }

    private static org.springframework.security.web.authentication.AuthenticationFailureHandler formFailure() {
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                long minutes = Math.max(1, (throttled.retryAfterSeconds() + 59) / 60);
                response.sendRedirect(request.getContextPath() + "/login?" + LoginView.THROTTLED + "=" + minutes);
                return;
            }
            wrongPassword.onAuthenticationFailure(request, response, e);
        };
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String type, String title,
                                String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager users(DashboardProperties properties, Environment environment, PasswordEncoder encoder,
                                     OidcLogin oidc) {
        return new InMemoryUserDetailsManager(DashboardLogins.of(properties, environment, encoder,
                !oidc.loginPaths().isEmpty()));
    }

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties, Clock clock) {
        return new LoginThrottle(properties, clock);
    }

    /** The one way every login is checked: throttled, then remembered, then bcrypt. */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                  LoginThrottle throttle, LoginProperties properties) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        AuthenticationProvider checked = properties.verifiedFor().isZero() ? passwords
                : new CachingAuthenticationProvider(passwords, users, properties.verifiedFor(), properties.tracked());
        return new ThrottlingAuthenticationProvider(checked, throttle);
    }
}
