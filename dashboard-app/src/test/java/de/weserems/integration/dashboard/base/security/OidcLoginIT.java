package de.weserems.integration.dashboard.base.security;

import de.weserems.integration.testsupport.KafkaTestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login with an organisation account, end to end against a real OIDC provider in this JVM
 * ({@link TestAuthorizationServer}): the dashboard sends the browser there, the user logs in on the
 * provider's form, the dashboard takes the code back, and the session has the roles the ID token's
 * {@code roles} claim maps to; an account without a dashboard role gets no session. The local users
 * keep working beside it, and the read API takes the provider's access tokens issued to the dashboard. The browser is a plain HTTP client that follows each redirect itself and
 * keeps cookies; the dashboard is reached as 127.0.0.1 and the provider as localhost, so their
 * cookies stay apart as they would on two hosts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dashboard.demo-data=true",
        "spring.security.oauth2.client.registration.oidc.client-id=" + TestAuthorizationServer.CLIENT_ID,
        "spring.security.oauth2.client.registration.oidc.client-secret=" + TestAuthorizationServer.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.oidc.scope=openid,profile",
        "spring.security.oauth2.client.registration.oidc.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}"})
@ActiveProfiles("local")
class OidcLoginIT {

    private static ConfigurableApplicationContext authorizationServer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        KafkaTestBroker.register(registry);
        // the dashboard reads the provider's discovery document while it starts: the provider runs first
        authorizationServer = TestAuthorizationServer.start();
        registry.add("spring.security.oauth2.client.provider.oidc.issuer-uri",
                () -> TestAuthorizationServer.issuer(authorizationServer));
    }

    @AfterAll
    static void stopAuthorizationServer() {
        if (authorizationServer != null) {
            authorizationServer.close();
        }
    }

    @BeforeEach
    void registerRedirect() {
        int dashboard = port;
        TestAuthorizationServer.dashboardPort = () -> dashboard;
    }

    /**
     * An element only the overview has (the region's enrolments), which only a VIEWER's navigation answer holds;
     * not the word "Überblick", which the not-found page's link back names too.
     */
    private static final String OVERVIEW = "\"region-enrolments\"";
    /** The translated "page not found" view (NotFoundView), which a role that may not open a page sees. */
    private static final String NOT_FOUND = "\"not-found\"";
    /** The targets form's heading, which only an ADMIN's navigation answer holds. */
    private static final String SET_TARGET = "Ziel setzen";

    private URI dashboard(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser of its own: its own cookies; redirects are followed one by one by the test. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

        HttpResponse<String> get(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(URI uri, String contentType, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
                response = get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
            }
            return response;
        }
    }

    /**
     * Logs in on the dashboard with the provider's account {@code user} as a browser would (the button's
     * link, the provider's login form, back to the dashboard) and returns where the dashboard sent the
     * browser at the end: its start page, or the login page with the reason of a refusal.
     */
    private URI loginWithOrganisationAccount(Browser browser, String user) throws Exception {
        HttpResponse<String> loginForm = browser.follow(browser.get(dashboard("/oauth2/authorization/oidc")));
        assertThat(loginForm.uri().getHost()).as("the provider's login form").isEqualTo("localhost");
        assertThat(loginForm.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginForm.body());
        assertThat(csrf.find()).as("the provider's login form has a CSRF token").isTrue();
        HttpResponse<String> response = browser.post(loginForm.uri(), "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + TestAuthorizationServer.PASSWORD
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        // provider → its authorisation endpoint → the dashboard's callback → the dashboard's next page
        for (int i = 0; i < 10 && response.statusCode() / 100 == 3; i++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (next.getHost().equals("127.0.0.1") && !next.getPath().startsWith("/login/oauth2/code")) {
                return next;
            }
            response = browser.get(next);
        }
        throw new AssertionError("the login did not come back to the dashboard: " + response.statusCode()
                + " " + response.uri() + "\n" + response.body());
    }

    /**
     * Opens a view as Vaadin's client does (the page, its init request, then the navigation event) and
     * returns the server's answer to the navigation, which holds the texts the view shows.
     */
    private String open(Browser browser, String route, String query) throws Exception {
        HttpResponse<String> page = browser.get(dashboard("/" + route + (query.isEmpty() ? "" : "?" + query)));
        assertThat(page.statusCode()).as("the page of " + route).isEqualTo(200);
        HttpResponse<String> init = browser.get(dashboard("/?v-r=init&location=" + route));
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init.body());
        assertThat(key.find()).as("Vaadin's init answer").isTrue();
        Matcher ui = Pattern.compile("\"v-uiId\":(\\d+)").matcher(init.body());
        assertThat(ui.find()).as("Vaadin's init answer names the UI").isTrue();
        String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"" + query + "\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                + "\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> answer = browser.post(dashboard("/?v-r=uidl&v-uiId=" + ui.group(1)),
                "application/json; charset=UTF-8", navigate);
        assertThat(answer.statusCode()).as("Vaadin's answer to the navigation").isEqualTo(200);
        return answer.body();
    }

    @Test
    void the_login_page_offers_the_organisation_account_beside_the_local_form_whose_users_still_log_in()
            throws Exception {
        Browser browser = new Browser();
        assertThat(open(browser, "login", "")).contains("Mit Organisationskonto anmelden", "vaadin-login-form");

        HttpResponse<String> local = browser.post(dashboard("/login"), "application/x-www-form-urlencoded",
                "username=admin&password=admin");
        assertThat(local.statusCode()).isEqualTo(302);
        assertThat(local.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
        assertThat(browser.get(dashboard("/ziele")).statusCode()).isEqualTo(200);
    }

    /** The targets ({@code /ziele}) are for ADMIN only; the overview for every VIEWER. */
    @Test
    void an_admin_of_the_organisation_may_open_the_targets_and_a_viewer_only_the_overview() throws Exception {
        Browser admin = new Browser();
        assertThat(loginWithOrganisationAccount(admin, "leitung").getPath()).isEqualTo("/");
        assertThat(open(admin, "ziele", "")).contains(SET_TARGET);
        assertThat(open(admin, "", "")).as("ADMIN includes VIEWER").contains(OVERVIEW);

        Browser viewer = new Browser();
        assertThat(loginWithOrganisationAccount(viewer, "planerin").getPath()).isEqualTo("/");
        assertThat(open(viewer, "", "")).contains(OVERVIEW);
        assertThat(open(viewer, "ziele", "")).contains(NOT_FOUND).doesNotContain(SET_TARGET);
    }

    @Test
    void an_account_without_a_dashboard_role_is_refused_with_a_message_in_german() throws Exception {
        Browser browser = new Browser();
        URI landing = loginWithOrganisationAccount(browser, "gast");
        assertThat(landing.getPath()).isEqualTo("/login");
        assertThat(landing.getQuery()).isEqualTo(OidcLogin.REFUSED);
        HttpResponse<String> page = browser.get(dashboard("/"));
        assertThat(page.statusCode()).as("no session").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
        assertThat(open(browser, "login", OidcLogin.REFUSED))
                .contains("Ihrem Konto ist keine Rolle für den Integrationsmonitor zugewiesen");
    }

    @Test
    void a_data_provider_needs_its_provider_id_and_sees_no_viewer_pages() throws Exception {
        Browser provider = new Browser();
        assertThat(loginWithOrganisationAccount(provider, "anbieterin").getPath()).isEqualTo("/");
        // a PROVIDER lands on its upload page (ProviderLanding), and a viewer's page stays closed to it
        HttpResponse<String> landing = provider.get(dashboard("/"));
        assertThat(landing.statusCode()).isEqualTo(302);
        assertThat(landing.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/hochladen"));
        assertThat(open(provider, "vergleich", "")).as("PROVIDER alone is no VIEWER")
                .contains(NOT_FOUND).doesNotContain(OVERVIEW);

        URI withoutId = loginWithOrganisationAccount(new Browser(), "anbieterlos");
        assertThat(withoutId.getQuery()).isEqualTo(OidcLogin.REFUSED);
    }

    /** An access token the provider issues to {@code clientId} for itself. */
    private String accessToken(String clientId) throws Exception {
        String issuer = TestAuthorizationServer.issuer(authorizationServer);
        String basic = Base64.getEncoder().encodeToString(
                (clientId + ":" + TestAuthorizationServer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(issuer + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private int api(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(dashboard(path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void the_read_api_takes_the_providers_access_tokens_issued_to_the_dashboard_with_their_roles() throws Exception {
        String viewer = "Bearer " + accessToken(TestAuthorizationServer.CLIENT_ID);
        assertThat(api("/api/v1/indicators", viewer)).isEqualTo(200);
        assertThat(api("/api/v1/indicators?exact=true", viewer)).as("VIEWER only: no exact figures").isEqualTo(403);
        String otherApplication = "Bearer " + accessToken(TestAuthorizationServer.OTHER_CLIENT_ID);
        assertThat(api("/api/v1/indicators", otherApplication)).as("a token for another application").isEqualTo(401);
        assertThat(api("/api/v1/indicators", viewer.substring(0, viewer.length() - 4) + "AAAA"))
                .as("a forged signature").isEqualTo(401);
        assertThat(api("/api/v1/indicators", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes())))
                .as("the local users' basic auth still works").isEqualTo(200);
    }
}
