package de.weserems.integration.ingest.api;

import com.fasterxml.jackson.annotation.JsonValue;
import de.weserems.integration.ingest.validation.EventSchema;
import de.weserems.integration.ingest.validation.Rule;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI description at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}. The document
 * is self-contained, so client generators and validators need nothing else: the schema {@code Event} is
 * {@link EventSchema}'s JSON Schema, the one {@code /api/v1/schema/event} serves (OpenAPI 3.1 uses the
 * same JSON Schema dialect), and every answer that is not a 202 is a {@code Problem} (RFC 9457).
 * {@code docs/api/ingest-openapi.json} is a copy of this document, checked against it by
 * {@code OpenApiDocumentIT}; the generated client's test is built from that copy.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String EVENT = "Event";
    static final String PROBLEM = "Problem";
    static final String ACCEPTED = "Accepted";
    static final String REJECTED_ITEM = "RejectedItem";
    static final String FIELD_ERROR = "FieldError";

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
                        .addSchemas(EVENT, eventSchema())
                        .addSchemas(ACCEPTED, accepted())
                        .addSchemas(PROBLEM, problem())
                        .addSchemas(REJECTED_ITEM, rejectedItem())
                        .addSchemas(FIELD_ERROR, fieldError()));
    }

    /**
     * The event's JSON Schema as a component, as it is. Only its {@code $schema} and {@code $id} stay behind:
     * the dialect is the document's own, and an {@code $id} would name the schema endpoint as the base of
     * the component, which is what tools could not resolve.
     */
    static Schema<?> eventSchema() {
        Map<String, Object> schema = new LinkedHashMap<>(EventSchema.build());
        schema.remove("$schema");
        schema.remove("$id");
        return new AsWritten(schema);
    }

    /**
     * A schema written out exactly as given. Read into swagger's model, the event schema lost the
     * {@code required} of its {@code then} branches; written from the map, the document says what the
     * validator enforces.
     */
    static final class AsWritten extends Schema<Object> {

        private final Map<String, Object> schema;

        AsWritten(Map<String, Object> schema) {
            this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
        }

        @JsonValue
        Map<String, Object> schema() {
            return schema;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AsWritten other && schema.equals(other.schema);
        }

        @Override
        public int hashCode() {
            return schema.hashCode();
        }
    }

    private static Schema<?> accepted() {
        return new Schema<>().types(Set.of("object")).description("All events of the request are stored "
                        + "(or, with dryRun=true, only checked)")
                .addProperty("accepted", integer("how many events"))
                .required(List.of("accepted"));
    }

    /**
     * The problem details of every refusal: RFC 9457's members and the ones this API adds, each present
     * only where its description says.
     */
    private static Schema<?> problem() {
        return object("A refusal as RFC 9457 problem details (application/problem+json)")
                .addProperty("type", string("the problem type, e.g. /problems/invalid-events; the same in every "
                        + "language").format("uri-reference"))
                .addProperty("title", string("short, in the request's language"))
                .addProperty("status", integer("the HTTP status"))
                .addProperty("detail", string("what happened and what to do, in the request's language"))
                .addProperty("instance", string("the request's path").format("uri-reference"))
                .addProperty("invalid", new Schema<>().types(Set.of("array")).items(ref(REJECTED_ITEM))
                        .description("422 and 403 (district-not-allowed): the first 100 invalid items"))
                .addProperty("invalidNotListed", integer("422 and 403 (district-not-allowed): invalid items "
                        + "beyond those listed"))
                .addProperty("limit", string("413: the setting that was exceeded, e.g. ingest.limits.max-bytes"))
                .addProperty("max", integer("413: that setting's value (bytes or events)").format("int64"))
                .required(List.of("type", "title", "status"));
    }

    /** {@link RejectedItem}. */
    private static Schema<?> rejectedItem() {
        return object("One invalid item of the request")
                .addProperty("index", integer("0-based position of the item in the request"))
                .addProperty("line", integer("1-based line of the body (NDJSON and CSV); absent for JSON"))
                .addProperty("eventId", string("the item's eventId as sent; null when missing")
                        .types(new LinkedHashSet<>(List.of("string", "null"))))
                .addProperty("errors", new Schema<>().types(Set.of("array")).items(ref(FIELD_ERROR)))
                .required(List.of("index", "errors"));
    }

    /** {@link de.weserems.integration.ingest.validation.FieldError} as the API words it. */
    private static Schema<?> fieldError() {
        return object("One broken field of one event")
                .addProperty("field", string("the field's name as in the contract, '(event)', '(line)' or '(row)' "
                        + "when the item as a whole is broken, or an unknown field's name as sent"))
                .addProperty("rule", string("the rule it breaks, a stable code a script can branch on")
                        ._enum(Arrays.stream(Rule.values()).map(Rule::code).toList()))
                .addProperty("reason", string("what to do about it, in the request's language"))
                .required(List.of("field", "rule", "reason"));
    }

    private static Schema<?> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }

    private static Schema<?> object(String description) {
        return new Schema<>().types(Set.of("object")).description(description);
    }

    private static Schema<String> string(String description) {
        return new Schema<String>().types(Set.of("string")).description(description);
    }

    private static Schema<?> integer(String description) {
        return new Schema<>().types(Set.of("integer")).description(description);
    }
}
