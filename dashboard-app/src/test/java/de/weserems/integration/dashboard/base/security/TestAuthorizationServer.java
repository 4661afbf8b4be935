package de.weserems.integration.dashboard.base.security;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * An OIDC provider in the test's JVM: Spring Authorization Server on a random port with form login, the
 * client {@value #CLIENT_ID} and users whose ID token carries a {@code roles} claim (their authorities)
 * and, for a data provider's user, {@code provider_id}; clients get access tokens for themselves
 * (client credentials) with the roles of {@link #CLIENT_ROLES}. Deliberately no {@code @Configuration}: the
 * dashboard's component scan, which reaches the test classes, must not pick it up; and it reads no
 * {@code application.yml}, so none of the dashboard's settings leak into it.
 */
@ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
class TestAuthorizationServer {

    static final String CLIENT_ID = "dashboard";
    static final String CLIENT_SECRET = "dashboard-test-secret";
    static final String PASSWORD = "test-password";
    /** Another application of the same provider: its tokens are not for the dashboard. */
    static final String OTHER_CLIENT_ID = "other-application";
    /** The roles in the access tokens each client gets for itself (client credentials). */
    static final Map<String, List<String>> CLIENT_ROLES =
            Map.of(CLIENT_ID, List.of("VIEWER"), OTHER_CLIENT_ID, List.of("ADMIN", "STATISTICS"));

    /** The dashboard's port, known only once it runs: the redirect URI is registered with it. */
    static volatile IntSupplier dashboardPort = () -> 0;

    /** Starts it on a random port; the caller closes the context. */
    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestAuthorizationServer.class)
                .web(WebApplicationType.SERVLET)
                .properties("spring.config.name=oidc-test-authorization-server", "server.port=0",
                        "spring.main.banner-mode=off",
                        // a cookie of its own: the dashboard runs on the same machine
                        "server.servlet.session.cookie.name=AUTHSERVER_SESSION")
                .run();
    }

    static String issuer(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * The JVM's one {@link SecurityContextHolder}, whatever strategy it holds when asked: the dashboard,
     * started after this server, installs Vaadin's strategy there, and parts of the authorisation server
     * read the holder directly while its filters would otherwise keep the strategy of their start.
     */
    @Bean
    SecurityContextHolderStrategy securityContextHolderStrategy() {
        return new SecurityContextHolderStrategy() {
            @Override
            public void clearContext() {
                SecurityContextHolder.clearContext();
            }

            @Override
            public SecurityContext getContext() {
                return SecurityContextHolder.getContext();
            }

            @Override
            public void setContext(SecurityContext context) {
                SecurityContextHolder.setContext(context);
            }

            @Override
            public SecurityContext createEmptyContext() {
                return SecurityContextHolder.createEmptyContext();
            }
        };
    }

    @Bean
    RegisteredClientRepository clients() {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                // called to re-encode the client secret after its first use: the fixed client is enough here
            }

            @Override
            public RegisteredClient findById(String id) {
                return findByClientId(id);
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                return switch (clientId) {
                    case CLIENT_ID -> client();
                    case OTHER_CLIENT_ID -> RegisteredClient.withId(OTHER_CLIENT_ID).clientId(OTHER_CLIENT_ID)
                            .clientSecret("{noop}" + CLIENT_SECRET)
                            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
                    default -> null;
                };
            }
        };
    }

    private static RegisteredClient client() {
        return RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUri("http://127.0.0.1:" + dashboardPort.getAsInt() + "/login/oauth2/code/oidc")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    /** leitung: ADMIN; planerin: VIEWER; gast: no role; anbieterin: PROVIDER with, anbieterlos: without a provider id. */
    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                user("leitung", "ADMIN"), user("planerin", "VIEWER"), user("gast"),
                user("anbieterin", "PROVIDER"), user("anbieterlos", "PROVIDER"));
    }

    private static org.springframework.security.core.userdetails.UserDetails user(String name, String... roles) {
        return User.withUsername(name).password("{noop}" + PASSWORD).authorities(roles).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim() {
        Map<String, String> providers = Map.of("anbieterin", "demo");
        return context -> {
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim("roles", CLIENT_ROLES.get(context.getRegisteredClient().getClientId()));
            }
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                String name = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", name);
                context.getClaims().claim("roles", context.getPrincipal().getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority).toList());
                if (providers.containsKey(name)) {
                    context.getClaims().claim("provider_id", providers.get(name));
                }
            }
        };
    }
}
