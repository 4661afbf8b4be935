package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.validation.EventSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/** {@code GET /api/v1/schema/event}: the JSON Schema of an event; public, like the rest of the documentation. */
@RestController
@Tag(name = "Schema", description = "The event contract as JSON Schema")
class SchemaController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final Map<String, Object> schema = EventSchema.build();

    @GetMapping(path = "/api/v1/schema/event", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(operationId = "eventSchema", summary = "JSON Schema of an event (contract v1)", security = {})
    ResponseEntity<Map<String, Object>> event() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(schema);
    }
}
