package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.providers.ApiKeyFilter;
import de.weserems.integration.ingest.providers.Provider;
import de.weserems.integration.ingest.publishing.KafkaUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/events}: one event or a JSON array of events from an authenticated provider. */
@RestController
@RequestMapping("/api/v1/events")
class EventsController {

    private final EventIntake intake;
    private final ObjectReader reader;

    EventsController(EventIntake intake, JsonMapper json) {
        this.intake = intake;
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> post(@RequestAttribute(ApiKeyFilter.PROVIDER) Provider provider,
                           @RequestBody(required = false) byte[] body,
                           @RequestParam(defaultValue = "false") boolean dryRun) {
        if (body == null || body.length == 0) {
            return problem(Problems.unreadable("The body is empty: send one event or a JSON array of events."));
        }
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JacksonException e) {
            return problem(Problems.unreadable("The body is not valid JSON: " + e.getOriginalMessage()));
        }
        List<EventIntake.Item> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(node -> items.add(new EventIntake.Item(node, null)));
        } else {
            items.add(new EventIntake.Item(root, null));
        }
        if (items.isEmpty()) {
            return problem(Problems.unreadable("The array holds no events."));
        }
        return switch (intake.take(provider, items, dryRun)) {
            case EventIntake.Outcome.Accepted accepted ->
                    ResponseEntity.accepted().body(Map.of("accepted", accepted.count()));
            case EventIntake.Outcome.Rejected rejected -> problem(rejection(rejected));
        };
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<ProblemDetail> kafkaUnavailable(KafkaUnavailableException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
                "Storage temporarily unavailable",
                e.getMessage() + ". Nothing of this request was stored; send the same request again later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail rejection(EventIntake.Outcome.Rejected rejected) {
        int bad = rejected.invalid().size();
        ProblemDetail problem = rejected.onlyPermissions()
                ? Problems.of(HttpStatus.FORBIDDEN, "district-not-allowed", "District not allowed",
                bad + " of " + rejected.total() + " events name a district this provider may not report for. "
                        + "Nothing was stored.")
                : Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-events", "Invalid events",
                bad + " of " + rejected.total() + " events are invalid. Nothing was stored.");
        problem.setProperty("invalid", rejected.invalid());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
