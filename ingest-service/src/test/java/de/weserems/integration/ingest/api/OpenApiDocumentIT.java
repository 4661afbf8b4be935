package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.validation.EventSchema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as a tool reads it: served at {@code /v3/api-docs}, self-contained, valid for
 * swagger-parser, and the same as its copy {@code docs/api/ingest-openapi.json} that the generated
 * client is built from ({@code GeneratedClientIT}).
 */
class OpenApiDocumentIT extends IngestApiTestBase {

    /** The copy in the repository, from this module's directory (where Maven runs the tests). */
    static final Path CHECKED_IN = Path.of("..", "docs", "api", "ingest-openapi.json");
    /** Where the served document is written on every run, ready to be copied over the checked-in one. */
    static final Path SERVED = Path.of("target", "openapi", "ingest-openapi.json");

    @Test
    void the_served_document_validates_with_swagger_parser_and_refers_only_to_itself() throws Exception {
        String served = served();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);
        assertThat(result.getMessages()).as("swagger-parser's errors and warnings").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Event", "Problem", "Accepted", "RejectedItem", "FieldError");

        List<String> refs = new ArrayList<>();
        collectRefs(JSON.readTree(served), refs);
        assertThat(refs).as("every $ref").isNotEmpty().allMatch(ref -> ref.startsWith("#/components/"));
        JsonNode document = JSON.readTree(served);
        refs.forEach(ref -> assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void the_event_schema_in_the_document_is_the_one_the_schema_endpoint_serves() throws Exception {
        JsonNode component = JSON.readTree(served()).at("/components/schemas/Event");
        ObjectNode endpoint = (ObjectNode) JSON.readTree(get("/api/v1/schema/event", null).body());
        assertThat(endpoint.get("$id").asString()).isEqualTo("/api/v1/schema/event");
        endpoint.remove(List.of("$schema", "$id"));
        assertThat(component).isEqualTo(endpoint);
        // and both are the validator's own tables, not a copy: every rule per type and course is in it
        Map<String, Object> built = new LinkedHashMap<>(EventSchema.build());
        assertThat(component.get("allOf").size()).isEqualTo(((List<?>) built.get("allOf")).size());
    }

    @Test
    void problems_are_described_by_one_problem_schema() throws Exception {
        JsonNode document = JSON.readTree(served());
        JsonNode responses = document.at("/paths/~1api~1v1~1events/post/responses");
        for (String status : List.of("400", "401", "403", "413", "415", "422", "429", "503")) {
            assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(responses.at("/202/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Accepted");
        JsonNode problem = document.at("/components/schemas/Problem/properties");
        assertThat(problem.has("type") && problem.has("title") && problem.has("status") && problem.has("detail")
                && problem.has("invalid")).isTrue();
        assertThat(problem.at("/invalid/items/$ref").asString()).isEqualTo("#/components/schemas/RejectedItem");
        assertThat(document.at("/components/schemas/FieldError/properties/rule/enum").toString())
                .contains("\"invalid-value\"", "\"district-not-allowed\"");
    }

    @Test
    void the_checked_in_copy_is_the_served_document() throws Exception {
        ObjectNode served = withoutServers(served());
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        assertThat(Files.exists(CHECKED_IN)).as("docs/api/ingest-openapi.json exists").isTrue();
        JsonNode checkedIn = JSON.readTree(Files.readString(CHECKED_IN));
        assertThat(checkedIn).as("""
                docs/api/ingest-openapi.json differs from what /v3/api-docs serves. If the change of the API is \
                meant, copy the served document over it and commit both:
                    cp ingest-service/%s docs/api/ingest-openapi.json""".formatted(SERVED)).isEqualTo(served);
    }

    private String served() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The document without {@code servers}: springdoc names the address it was asked at, which a copy cannot. */
    private static ObjectNode withoutServers(String document) {
        ObjectNode node = (ObjectNode) JSON.readTree(document);
        node.remove("servers");
        return node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
