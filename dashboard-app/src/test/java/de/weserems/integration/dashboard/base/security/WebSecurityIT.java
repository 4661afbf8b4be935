package de.weserems.integration.dashboard.base.security;

import de.weserems.integration.testsupport.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's web security over real HTTP: headers, CSRF on the login form, basic auth on the API, no password
 * in the log, the management port (random here, 9080 in a run), login throttling per user and per address (as the
 * proxy forwards it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dashboard.demo-data=true")
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        KafkaTestBroker.register(registry);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void pages_carry_security_headers_and_need_a_login() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'"));
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().noneSatisfy(
                c -> assertThat(c).containsIgnoringCase("Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValueSatisfying(
                v -> assertThat(v).isIn("DENY", "SAMEORIGIN"));
        assertThat(login.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(c ->
                assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/")));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    }

    /**
     * Vaadin exempts its login form from Spring's CSRF token; a login forged from another site is
     * refused by its Origin instead (browsers always send one on a cross-origin POST).
     */
    @Test
    void a_login_posted_from_another_site_is_refused_and_one_from_this_site_is_not() throws Exception {
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=planer&password=planer")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=planer&password=planer")));
        assertThat(own.statusCode()).isEqualTo(302);
        assertThat(own.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
    }

    /** A provider sees no dashboard: after its login, the overview it lands on sends it to its upload page. */
    @Test
    void a_provider_lands_on_the_upload_page_and_a_planner_on_the_overview() throws Exception {
        HttpResponse<String> provider = send(HttpRequest.newBuilder(uri("/")).header("Cookie", session("anbieter")));
        assertThat(provider.statusCode()).isEqualTo(302);
        assertThat(provider.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/hochladen"));
        assertThat(send(HttpRequest.newBuilder(uri("/overview")).header("Cookie", session("anbieter")))
                .headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/hochladen"));

        HttpResponse<String> planner = send(HttpRequest.newBuilder(uri("/")).header("Cookie", session("planer")));
        assertThat(planner.statusCode()).isEqualTo(200);
        HttpResponse<String> admin = send(HttpRequest.newBuilder(uri("/")).header("Cookie", session("admin")));
        assertThat(admin.statusCode()).as("an admin may upload, but keeps the overview").isEqualTo(200);
    }

    /** The session cookie of a form login of {@code user} (password = user name, as in the local profile). */
    private String session(String user) throws Exception {
        HttpResponse<String> login = form("198.18.0." + Math.abs(user.hashCode() % 250), user, user);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void the_api_takes_basic_auth_answers_401_without_it_and_never_logs_the_password(CapturedOutput output)
            throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/indicators"))).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/v1/indicators"))
                .header("Authorization", basic("planer", "wrong-password-4711")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/indicators"))
                .header("Authorization", basic("planer", "planer"))).statusCode()).isEqualTo(200);
        org.slf4j.LoggerFactory.getLogger(WebSecurityIT.class).warn("capture-check");
        assertThat(output.getAll()).contains("capture-check").doesNotContain("wrong-password-4711")
                .doesNotContain(basic("planer", "planer").substring(6));
    }

    @Test
    void exact_figures_over_basic_auth_only_for_the_role_statistics() throws Exception {
        String exact = "/api/v1/indicators?exact=true";
        assertThat(send(HttpRequest.newBuilder(uri(exact)).header("Authorization", basic("planer", "planer")))
                .statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri(exact)).header("Authorization", basic("admin", "admin")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void behind_the_https_proxy_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c)
                .contains("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    }

    @Test
    void the_management_port_opens_the_probes_and_gives_details_and_metrics_to_operators_only() throws Exception {
        assertThat(management("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = management("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isIn(200, 503);
        assertThat(readiness.body()).doesNotContain("components");
        assertThat(management("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(management("/actuator/prometheus", "planer").statusCode()).as("a viewer is no operator").isEqualTo(403);
        assertThat(management("/actuator/health", "admin").statusCode()).isEqualTo(403);
        assertThat(management("/actuator/prometheus", "operator").body()).contains("jvm_memory_used_bytes");
        assertThat(management("/actuator/health", "operator").body()).contains("components", "kafka");
        for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/env", "/login", "/api/v1/indicators"}) {
            assertThat(management(path, "operator").statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void the_main_port_has_no_actuator() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness"}) {
            assertThat(send(HttpRequest.newBuilder(uri(path))).statusCode()).as(path).isEqualTo(404);
            assertThat(send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("operator", "operator")))
                    .statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void thirty_wrong_passwords_from_one_address_get_429_for_every_user_from_there() throws Exception {
        String attacker = "203.0.113.10";
        for (int i = 0; i < 30; i++) {
            assertThat(api(attacker, "guess-" + i, "wrong").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = api(attacker, "planer", "planer");
        assertThat(refused.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 900L));
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":429", "/problems/too-many-logins", "Zu viele fehlgeschlagene");
        assertThat(api("203.0.113.11", "planer", "planer").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void five_wrong_passwords_for_one_user_get_429_from_any_address_and_a_success_resets_the_count()
            throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api("198.51.100." + i, "statistik", "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(api("198.51.100.99", "statistik", "statistik").statusCode()).isEqualTo(429);

        for (int i = 0; i < 4; i++) {
            assertThat(api("192.0.2." + i, "admin", "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(api("192.0.2.50", "admin", "admin").statusCode()).isEqualTo(200);
        for (int i = 10; i < 14; i++) {
            assertThat(api("192.0.2." + i, "admin", "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(api("192.0.2.51", "admin", "admin").statusCode()).as("4 + 4 with a success between").isEqualTo(200);
    }

    @Test
    void the_login_form_refuses_further_tries_with_the_wait_after_five_failures() throws Exception {
        String attacker = "203.0.113.20";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = form(attacker, "gast", "wrong-" + i);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login?error"));
        }
        HttpResponse<String> refused = form(attacker, "gast", "another-guess");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
                v -> assertThat(v).endsWith("/login?throttled=15"));
        assertThat(form(attacker, "planer", "planer").headers().firstValue("Location")).as("another user from there")
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("error").doesNotContain("throttled"));
    }

    private HttpResponse<String> api(String forwardedFor, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/indicators")).header("X-Forwarded-For", forwardedFor)
                .header("Authorization", basic(user, password)));
    }

    private HttpResponse<String> form(String forwardedFor, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-For", forwardedFor)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    }

    private HttpResponse<String> management(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
        if (user != null) {
            request.header("Authorization", basic(user, user));
        }
        return send(request);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
