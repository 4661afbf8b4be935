package de.weserems.integration.dashboard.base.security;

import de.weserems.integration.testsupport.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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

/** The dashboard's web security: headers, CSRF on the login form, basic auth on the API, no password in the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dashboard.demo-data=true")
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class WebSecurityIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

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

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
