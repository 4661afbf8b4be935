package de.weserems.integration.ingest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Integrationsmonitor Weser-Ems: ingest API").version("v1")
                        .description("""
                                For data providers (course operators, job centres, the employment agency, municipal \
                                integration management): deliver course enrolments, course completions and job \
                                placements, and retract an event of yours that was wrong. Authenticate with \
                                'Authorization: Bearer <API key>'. Errors are RFC 9457 problem details that name every \
                                invalid item and field. The events follow event contract v2 (the schema 'Event'), \
                                which adds to v1: every valid v1 event stays valid and means the same."""))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("the API key the operator gave you"))
                        // one source of truth: the schema endpoint, generated from the validator's own tables
                        .addSchemas("Event", new Schema<>().$ref("/api/v1/schema/event")));
    }
}
