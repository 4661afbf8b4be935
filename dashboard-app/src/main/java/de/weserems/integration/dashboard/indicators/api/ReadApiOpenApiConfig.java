package de.weserems.integration.dashboard.indicators.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read API's OpenAPI description at {@code /v3/api-docs} (springdoc, from {@link IndicatorsController}'s
 * mappings and annotations), behind the read API's own login: a tool that may read the figures may read
 * their description, and no one else learns the API's shape.
 */
@Configuration(proxyBeanMethods = false)
class ReadApiOpenApiConfig {

    static final String LOGIN = "dashboardLogin";

    @Bean
    OpenAPI readApiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Integrationsmonitor Weser-Ems: read API").version("v1")
                        .description("""
                                The figures the dashboard shows, for scripts and spreadsheets: per month, district and \
                                the region of Weser-Ems, as published (protected by the cell key method; withheld \
                                figures are null) or, for the role STATISTICS, exact. JSON, or CSV with \
                                'Accept: text/csv'. Log in with a dashboard login with the role VIEWER (HTTP basic). \
                                Refusals are RFC 9457 problem details."""))
                .components(new Components().addSecuritySchemes(LOGIN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("a dashboard login with the role VIEWER")));
    }

    /** The query parameters, the same on every operation, described once (docs/read-api.md has the detail). */
    private static final Map<String, String> PARAMETERS = Map.of(
            "from", "first month, YYYY-MM, inclusive; default 11 months before the current one (Europe/Berlin)",
            "to", "last month, YYYY-MM, inclusive; default the current one",
            "district", "AGS of districts, comma-separated or repeated; default all 17",
            "courseType", "one course type; applies to every figure but placements",
            "exact", "true: the exact figures, nothing withheld; only for the role STATISTICS, each request logged",
            "ags", "AGS of one of the 17 districts, e.g. 03454",
            "format", "csv, xlsx or json: csv and xlsx give the same figures as a file, without an Accept header (a link a browser can follow)");

    /** The refusals every operation may answer with, each an RFC 9457 problem. */
    private static final Map<String, String> REFUSALS = new LinkedHashMap<>();

    static {
        REFUSALS.put("400", "A parameter is not valid; 'parameter' names it");
        REFUSALS.put("401", "No valid login (HTTP basic)");
        REFUSALS.put("403", "exact=true without the role STATISTICS, or a login without the role VIEWER");
        REFUSALS.put("429", "Too many failed logins; see Retry-After");
        REFUSALS.put("503", "This instance is still reading the figures; see Retry-After");
    }

    /**
     * Describes once what is the same on every operation: the query parameters and the refusals. The refusals
     * come from the controller's exception handlers and the security chain, where springdoc does not see them.
     */
    @Bean
    OpenApiCustomizer readApiParametersAndRefusals() {
        return api -> {
            ModelConverters.getInstance(true).read(ProblemDetail.class).forEach(api.getComponents()::addSchemas);
            // Spring writes a problem's own members beside the standard ones, not under "properties"
            Schema<?> problemDetail = api.getComponents().getSchemas().get(ProblemDetail.class.getSimpleName());
            problemDetail.getProperties().remove("properties");
            problemDetail.additionalProperties(true);
            // its type and instance are paths ("/problems/invalid-parameter"), not absolute URIs
            problemDetail.getProperties().get("type").format("uri-reference");
            problemDetail.getProperties().get("instance").format("uri-reference");
            Content problem = new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ProblemDetail.class.getSimpleName())));
            api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(p -> p.getDescription() == null)
                            .forEach(p -> p.setDescription(PARAMETERS.get(p.getName())));
                }
                REFUSALS.forEach((status, description) -> operation.getResponses()
                        .addApiResponse(status, new ApiResponse().description(description).content(problem)));
            }));
        };
    }
}
