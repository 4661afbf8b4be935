package de.weserems.integration.dashboard.indicators.api;

import de.weserems.integration.testsupport.KafkaTestBroker;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API's OpenAPI document as a tool gets it: at {@code /v3/api-docs} on the app's port, with the read
 * API's login, valid for swagger-parser, describing both endpoints in JSON and CSV and nothing but the API.
 * The same context as {@code WebSecurityIT} (real broker), so the two share one start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dashboard.demo-data=true")
@ActiveProfiles("local")
class ReadApiOpenApiIT {

    static final Path SERVED = Path.of("target", "openapi", "read-api-openapi.json");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        KafkaTestBroker.register(registry);
    }

    private HttpResponse<String> document(String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"));
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_document_needs_the_read_apis_login() throws Exception {
        HttpResponse<String> anonymous = document(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(document("anbieter").statusCode()).as("a provider's login reads no figures").isEqualTo(403);
        assertThat(document("planer").statusCode()).isEqualTo(200);
    }

    @Test
    void the_document_validates_with_swagger_parser_and_describes_the_read_api_only() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String document = document("planer").body();
        // for a look at what tools get (docs/api/README.md)
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, document);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).as("swagger-parser's errors and warnings").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.1");
        assertThat(api.getPaths().keySet()).as("nothing of the UI or the actuator")
                .contains("/api/v1/indicators", "/api/v1/indicators/{ags}/monthly")
                .allMatch(path -> path.startsWith("/api/"));
        for (String path : new String[]{"/api/v1/indicators", "/api/v1/indicators/{ags}/monthly"}) {
            Operation get = api.getPaths().get(path).getGet();
            assertThat(get.getResponses().get("200").getContent()).as(path).containsKeys("application/json", "text/csv");
            assertThat(get.getResponses()).as(path).containsKeys("400", "401", "403", "429", "503");
            get.getResponses().forEach((status, response) -> {
                if (!status.equals("200")) {
                    assertThat(response.getContent().get("application/problem+json").getSchema().get$ref())
                            .as(path + " " + status).isEqualTo("#/components/schemas/ProblemDetail");
                }
            });
            assertThat(get.getParameters()).as(path).extracting(p -> p.getName())
                    .contains("from", "to", "courseType", "exact")
                    .doesNotContain("user", "request");
            assertThat(get.getParameters()).as(path + ": every parameter described")
                    .allSatisfy(p -> assertThat(p.getDescription()).isNotBlank());
            assertThat(get.getSecurity()).as(path).anySatisfy(s -> assertThat(s).containsKey("dashboardLogin"));
        }
        assertThat(api.getComponents().getSecuritySchemes().get("dashboardLogin").getScheme()).isEqualTo("basic");
        assertThat(api.getComponents().getSchemas()).containsKeys("IndicatorReport", "MonthlyReport");
        Schema<?> problem = api.getComponents().getSchemas().get("ProblemDetail");
        assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail")
                .doesNotContainKey("properties");
        assertThat(problem.getProperties().get("type").getFormat()).isEqualTo("uri-reference");
    }
}
