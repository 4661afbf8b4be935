package de.weserems.integration.ingest.api;

import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.ingest.IngestProperties;
import de.weserems.integration.ingest.audit.DeliveryLog;
import de.weserems.integration.ingest.body.BodyFormat;
import de.weserems.integration.ingest.body.BodyItem;
import de.weserems.integration.ingest.body.BodyItems;
import de.weserems.integration.ingest.body.BodyTooLargeException;
import de.weserems.integration.ingest.body.EventBodyParser;
import de.weserems.integration.ingest.body.UnreadableBodyException;
import de.weserems.integration.ingest.providers.Caller;
import de.weserems.integration.ingest.providers.Provider;
import de.weserems.integration.ingest.providers.RateLimiter;
import de.weserems.integration.ingest.publishing.KafkaUnavailableException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.weserems.integration.ingest.body.BodyLimits;
import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Text;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The provider API: {@code POST /api/v1/events} in JSON, NDJSON, CSV or {@code .xlsx}, and
 * {@code GET /api/v1/deliveries}. Every request to {@code /api/v1/events} ends in exactly one
 * answer, one audit summary and one timing, whichever way it ends.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Events", description = "Deliver events and check your deliveries")
@SecurityRequirement(name = "apiKey")
class EventsController {

    private static final Logger log = LoggerFactory.getLogger(EventsController.class);

    /** How long a client should wait after a 503 before sending the same request again. */
    static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 5;
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/" + OpenApiConfig.PROBLEM;
    /** A body larger than this after the limit is not read to its end; the connection is closed instead. */
    private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private final EventIntake intake;
    private final EventBodyParser parser;
    private final RateLimiter rateLimiter;
    private final DeliveryLog deliveries;
    private final IngestProperties.Limits limits;
    private final Clock clock;
    private final MeterRegistry meters;

    EventsController(EventIntake intake, EventBodyParser parser, RateLimiter rateLimiter, DeliveryLog deliveries,
                     IngestProperties properties, Clock clock, MeterRegistry meters) {
        this.intake = intake;
        this.parser = parser;
        this.rateLimiter = rateLimiter;
        this.deliveries = deliveries;
        this.limits = properties.limits();
        this.clock = clock;
        this.meters = meters;
    }

    /** How a request was answered, for the response, the audit and the metrics. */
    private record Answer(ResponseEntity<?> response, Delivery delivery, int events, int accepted, int rejected,
                          List<DeliveryRecord.Reason> reasons, String problem, boolean stored) {

        static Answer refused(Delivery delivery, int events, ProblemDetail problem, HttpHeaders headers) {
            return new Answer(problemResponse(problem, headers), delivery, events, 0, 0, List.of(),
                    problem.getType().getPath().replace("/problems/", ""), false);
        }
    }

    @PostMapping(path = "/events", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "deliverEvents", summary = "Deliver events",
            description = """
                    One event or a JSON array (application/json), one event per line (application/x-ndjson), \
                    CSV (text/csv, UTF-8 or declared charset=windows-1252) with a header row of field names, \
                    delimiter ',' or ';', or an Excel workbook (.xlsx, \
                    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) whose first sheet holds the \
                    CSV's columns in its first row; the columns of contract v2 and those after it are optional, so a \
                    CSV file of v1 stays valid. In CSV and .xlsx a 4-digit AGS of one of the 17 districts gets its \
                    leading zero back and a date DD.MM.YYYY is read; a participantRef that Excel turned into a number \
                    is refused with its cause. 202 only when every item is valid and durably stored; otherwise nothing \
                    is stored. Resending the same events is safe: each eventId counts once. Problem texts are German, \
                    English when Accept-Language prefers English; types, fields and rule codes are the same in both.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/" + OpenApiConfig.EVENT),
                            examples = {@ExampleObject(name = "enrolment", value = """
                                    {"eventId":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6","type":"COURSE_ENROLMENT",\
                                    "occurredOn":"2026-11-20","district":"03454","participantRef":"tn-4711",\
                                    "courseType":"INTEGRATION_COURSE"}"""),
                                    @ExampleObject(name = "enrolment with the fields of v2", value = """
                                            {"eventId":"0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11","type":"COURSE_ENROLMENT",\
                                            "occurredOn":"2026-11-02","district":"03403","participantRef":"tn-4712",\
                                            "courseType":"JOB_LANGUAGE_COURSE","courseVariant":"BASIC_B2",\
                                            "targetLevel":"B2","fundingSource":"BAMF_DEUFOEV"}"""),
                                    @ExampleObject(name = "retraction", value = """
                                            {"eventId":"3c5e7a90-1b2d-4f6e-8a0c-2d4f6b8a0c66","type":"RETRACTION",\
                                            "occurredOn":"2026-11-25","district":"03454",\
                                            "retracts":"6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6"}"""),
                                    @ExampleObject(name = "entitlement", value = """
                                            {"eventId":"8d2f4b61-5c7a-4e9b-b1d3-5f7a9c1e3b77","type":"ENTITLEMENT",\
                                            "occurredOn":"2026-10-12","district":"03454","participantRef":"tn-4711",\
                                            "entitlement":"OBLIGED","issuer":"JOBCENTER","sex":"FEMALE"}"""),
                                    @ExampleObject(name = "course start", value = """
                                            {"eventId":"9e3a5c72-6d8b-4fa0-82e4-6a8b0d2f4c88","type":"COURSE_START",\
                                            "occurredOn":"2026-11-23","district":"03454","participantRef":"tn-4711",\
                                            "courseType":"INTEGRATION_COURSE","courseVariant":"GENERAL",\
                                            "targetLevel":"B1","fundingSource":"BAMF_INTV","sex":"FEMALE"}""")}),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                            eventId;type;occurredOn;district;participantRef;courseType;outcome;languageLevel;placementType;\
                            courseVariant;targetLevel;attempt;fundingSource;retracts;entitlement;issuer;sex
                            6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6;COURSE_ENROLMENT;2026-11-20;03454;tn-4711;INTEGRATION_COURSE;;;;\
                            GENERAL;B1;;BAMF_INTV;;;;FEMALE
                            3c5e7a90-1b2d-4f6e-8a0c-2d4f6b8a0c66;RETRACTION;2026-11-25;03454;;;;;;;;;;\
                            6f1c2a7e-3b4d-4c5e-9f60-718293a4b5c6;;;
                            8d2f4b61-5c7a-4e9b-b1d3-5f7a9c1e3b77;ENTITLEMENT;2026-10-12;03454;tn-4711;;;;;;;;;;\
                            OBLIGED;JOBCENTER;FEMALE
                            """)),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary"))}))
    @ApiResponse(responseCode = "202", description = "All stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/" + OpenApiConfig.ACCEPTED),
            examples = @ExampleObject(value = "{\"accepted\": 3}")))
    @ApiResponse(responseCode = "400", description = "The body as a whole cannot be read", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "401", description = "API key missing or unknown", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "403", description = "An item names a district the provider may not report for; or "
            + "X-Provider-Id names another provider than the key's (provider-mismatch), or a service key came without "
            + "a known X-Provider-Id (provider-id-required, unknown-provider)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "413", description = "Over the limit of bytes or events per request, or an .xlsx "
            + "part unpacking to more than allowed; 'limit' and 'max' name it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "415", description = "Another media type or charset",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Items break the contract; the first 100 are listed under "
            + "'invalid', 'invalidNotListed' counts the others",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "429", description = "Over the provider's rate (refused requests count too, one per "
            + "item read); see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "503", description = "Kafka not reachable in time; nothing stored; see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(ref = PROBLEM_SCHEMA)))
    ResponseEntity<?> post(@Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CALLER) Caller caller,
                           HttpServletRequest request,
                           @Parameter(description = "validate only, store nothing")
                           @RequestParam(defaultValue = "false") boolean dryRun,
                           @Parameter(hidden = true) Locale locale) throws IOException {
        long start = System.nanoTime();
        Delivery delivery = new Delivery(RequestIdFilter.of(request), caller, clock.instant(), null, dryRun);
        Answer answer = answer(delivery, request, locale);
        Delivery done = answer.delivery();
        int status = answer.response().getStatusCode().value();
        DeliveryRecord summary = done.summary(status, answer.events(), answer.accepted(), answer.rejected(),
                answer.reasons(), answer.problem());
        if (!answer.stored()) {
            deliveries.refused(summary);
        }
        record(done, status, answer, System.nanoTime() - start);
        // one line per delivery, carrying the request id from the MDC: what a provider's X-Request-Id finds
        log.info("Answered {} to a delivery of {} events ({} accepted{})", status, answer.events(), answer.accepted(),
                dryRun ? ", dry run" : "");
        return ResponseEntity.status(answer.response().getStatusCode())
                .headers(answer.response().getHeaders())
                .header(REQUEST_ID_HEADER, delivery.requestId().toString())
                .body(answer.response().getBody());
    }

    /**
     * Reads, checks and (when all is well) stores a request. The body is read item by item and no further
     * than needed: up to {@code max-events + 1} items, or up to the first thing that makes it unreadable.
     * A refused request is charged to the provider's rate by the items read; a provider over its rate is
     * refused before its body is read.
     */
    private Answer answer(Delivery delivery, HttpServletRequest request, Locale locale) throws IOException {
        Provider provider = delivery.provider();
        OptionalLong over = rateLimiter.waitBeforeAny(provider);
        if (over.isPresent()) {
            drain(request.getInputStream());
            return rateLimited(delivery, 0, over.getAsLong(), locale);
        }
        Optional<MediaType> contentType = mediaType(request.getContentType());
        Optional<BodyFormat> format = contentType.flatMap(BodyFormat::of);
        if (format.isEmpty()) {
            drain(request.getInputStream());
            rateLimiter.charge(provider, 0);
            return Answer.refused(delivery, 0, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    locale, String.valueOf(request.getContentType()), BodyFormat.supported()), null);
        }
        Delivery typed = delivery.withFormat(format.get());
        Charset charset = format.get().charset(contentType.get());
        long max = limits.maxBytes().toBytes();
        if (request.getContentLengthLong() > max) {
            drain(request.getInputStream());
            rateLimiter.charge(provider, 0);
            return Answer.refused(typed, 0, tooLarge(locale), null);
        }
        EventIntake.Check check = intake.check(typed);
        Read read = read(typed, charset, request.getInputStream(), check, locale);
        if (read.refusal() != null) {
            drain(request.getInputStream());
            rateLimiter.charge(provider, read.items());
            return read.refusal();
        }
        if (check.invalid() > 0) {
            rateLimiter.charge(provider, check.items());
            EventIntake.Outcome.Rejected rejected = check.rejected();
            ProblemDetail problem = rejection(rejected, locale);
            return new Answer(problemResponse(problem, null), typed, rejected.total(), 0, rejected.invalid(),
                    rejected.reasons(), problem.getType().getPath().replace("/problems/", ""), false);
        }
        OptionalLong wait = rateLimiter.tryTake(provider, check.items());
        if (wait.isPresent()) {
            return rateLimited(typed, check.items(), wait.getAsLong(), locale);
        }
        try {
            EventIntake.Outcome.Accepted accepted = intake.store(check);
            return new Answer(ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("accepted", accepted.count())),
                    typed, check.items(), accepted.count(), 0, List.of(), null, !typed.dryRun());
        } catch (KafkaUnavailableException e) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_UNAVAILABLE_SECONDS));
            return Answer.refused(typed, check.items(), Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
                    locale, e.getMessage()), headers);
        }
    }

    /**
     * How reading a body ended.
     *
     * @param items   items read, one more than checked when the body holds too many
     * @param refusal the answer when the body was refused as a whole; {@code null} when every item was checked
     */
    private record Read(int items, Answer refusal) {
    }

    /** Reads the body's items into the check, up to one past the limit; stops at the first reason to refuse it. */
    private Read read(Delivery delivery, Charset charset, InputStream body, EventIntake.Check check, Locale locale)
            throws IOException {
        int read = 0;
        try {
            BodyItems items = parser.open(delivery.format(), charset, body,
                    new BodyLimits(limits.maxBytes().toBytes(), limits.maxEvents(), limits.maxUnpackedBytes().toBytes()));
            BodyItem item;
            while ((item = items.next(check.listing())) != null) {
                if (++read > limits.maxEvents()) {
                    stoppedEarly(delivery, IntakeMeters.MAX_EVENTS);
                    return new Read(read, Answer.refused(delivery, read, tooManyEvents(locale), null));
                }
                check.add(item);
            }
            return new Read(read, null);
        } catch (UnreadableBodyException e) {
            return new Read(read, Answer.refused(delivery, 0, Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body",
                    locale, e.text()), null));
        } catch (BodyTooLargeException e) {
            stoppedEarly(delivery, e.unpacked() ? IntakeMeters.MAX_UNPACKED_BYTES : IntakeMeters.MAX_BYTES);
            return new Read(read, Answer.refused(delivery, 0, e.unpacked() ? tooLargeUnpacked(locale) : tooLarge(locale),
                    null));
        } finally {
            DistributionSummary.builder("ingest.items.read")
                    .description("items read from a request body before its answer was decided; at most max-events + 1")
                    .tags("provider", delivery.provider().id(), "format", delivery.format().name())
                    .register(meters)
                    .record(read);
        }
    }

    private ProblemDetail tooManyEvents(Locale locale) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-events", locale,
                Integer.toString(limits.maxEvents()));
        problem.setProperty("limit", "ingest.limits.max-events");
        problem.setProperty("max", limits.maxEvents());
        return problem;
    }

    private ProblemDetail tooLarge(Locale locale) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", locale,
                Long.toString(limits.maxBytes().toBytes()), limits.maxBytes().toString(),
                Integer.toString(limits.maxEvents()));
        problem.setProperty("limit", "ingest.limits.max-bytes");
        problem.setProperty("max", limits.maxBytes().toBytes());
        return problem;
    }

    /** An {@code .xlsx} body whose parts unpack to more than the limit: a zip bomb, or a workbook far too large. */
    private ProblemDetail tooLargeUnpacked(Locale locale) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large-unpacked", locale,
                Long.toString(limits.maxUnpackedBytes().toBytes()), Integer.toString(limits.maxEvents()));
        problem.setProperty("limit", "ingest.limits.max-unpacked-bytes");
        problem.setProperty("max", limits.maxUnpackedBytes().toBytes());
        return problem;
    }

    private void stoppedEarly(Delivery delivery, String limit) {
        meters.counter("ingest.parse.stopped.early", "provider", delivery.provider().id(),
                "format", delivery.format().name(), "limit", limit).increment();
    }

    private static Answer rateLimited(Delivery delivery, int events, long seconds, Locale locale) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Answer.refused(delivery, events, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", locale,
                Long.toString(seconds)), headers);
    }

    @GetMapping("/deliveries")
    @Operation(operationId = "listDeliveries", summary = "Your recent deliveries",
            description = "The calling provider's own recent requests, newest first: time, status, accepted, "
                    + "rejected, the reject reasons counted by field and rule, and for a stored request its events "
                    + "counted by district. No payload is kept.")
    Map<String, Object> deliveries(@Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.PROVIDER) Provider provider,
                                   @Parameter(description = "how many, at most 200")
                                   @RequestParam(defaultValue = "50") int limit) {
        int bounded = Math.clamp(limit, 1, 200);
        return Map.of("provider", provider.id(), "name", provider.name(),
                "deliveries", deliveries.recent(provider.id(), bounded));
    }

    private static Optional<MediaType> mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
    }

    /** Reads what is left of a refused body (up to a bound), so the client gets the answer and not a reset. */
    private static void drain(InputStream in) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (skipped < MAX_DRAIN_BYTES && (n = in.read(buffer)) > 0) {
            skipped += n;
        }
    }

    private void record(Delivery delivery, int status, Answer answer, long nanos) {
        String provider = delivery.provider().id();
        String format = delivery.format() == null ? "none" : delivery.format().name();
        Timer.builder("ingest.requests")
                .description("POST /api/v1/events: time from arrival to answer")
                .tags("provider", provider, "format", format, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
        DistributionSummary.builder("ingest.request.events")
                .description("events per request")
                .tags("provider", provider, "format", format)
                .register(meters)
                .record(answer.events());
        if (answer.stored()) {
            meters.counter("ingest.events.accepted", "provider", provider).increment(answer.accepted());
        } else if (status == HttpStatus.ACCEPTED.value()) {
            meters.counter("ingest.events.checked", "provider", provider).increment(answer.accepted());
        } else if (answer.events() > 0) {
            meters.counter("ingest.events.rejected", "provider", provider, "status", Integer.toString(status))
                    .increment(answer.events());
        }
    }

    private static ProblemDetail rejection(EventIntake.Outcome.Rejected rejected, Locale locale) {
        String bad = Integer.toString(rejected.invalid());
        String total = Integer.toString(rejected.total());
        Object notListed = rejected.notListed() == 0 ? "" : new Text("problem.not-listed",
                Integer.toString(rejected.listed().size()), Integer.toString(rejected.notListed()));
        ProblemDetail problem = rejected.onlyPermissions()
                ? Problems.of(HttpStatus.FORBIDDEN, "district-not-allowed", locale, bad, total, notListed)
                : Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-events", locale, bad, total, notListed);
        // each error in the request's language; field and rule stay as they are for scripts
        problem.setProperty("invalid", rejected.listed().stream().map(item -> new RejectedItem(item.index(),
                item.line(), item.eventId(), item.errors().stream()
                .map(e -> new FieldError(e.field(), e.rule(), e.reason(locale))).toList())).toList());
        problem.setProperty("invalidNotListed", rejected.notListed());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers == null ? HttpHeaders.EMPTY : headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
