package de.weserems.integration.dashboard.indicators.api;

import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.query.MonthlyReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.export.Xlsx;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/indicators} and {@code GET /api/v1/indicators/{ags}/monthly}: the figures of a
 * period for the region and its districts, as JSON or (with {@code Accept: text/csv}) as CSV; with
 * {@code ?format=csv} or {@code ?format=xlsx} as a file to save, so that a plain link downloads it.
 */
@RestController
@Tag(name = "Indicators", description = "The published figures per district and month")
@SecurityRequirement(name = ReadApiOpenApiConfig.LOGIN)
class IndicatorsController {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorsController.class);

    static final String CSV = "text/csv";

    /** How long a client should wait after a 503 while this instance is still loading the figures. */
    static final int RETRY_AFTER_LOADING_SECONDS = 5;

    private final IndicatorQueries queries;
    private final IndicatorReadModel readModel;

    IndicatorsController(IndicatorQueries queries, IndicatorReadModel readModel) {
        this.queries = queries;
        this.readModel = readModel;
    }

    /** Partial figures are never served: an instance that has not read all indicators yet says so. */
    @ModelAttribute
    void requireLoaded() {
        if (!readModel.loaded()) {
            throw new NotLoaded();
        }
    }

    @GetMapping(path = "/api/v1/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "indicators", summary = "The figures of a period for the region and its districts",
            description = "JSON, or CSV with Accept: text/csv (the region and one row per district, empty where "
                    + "withheld). Defined in docs/read-api.md.")
    IndicatorReport indicators(@RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) List<String> district,
                               @RequestParam(required = false) String courseType,
                               @RequestParam(defaultValue = "false") boolean exact,
                               Authentication user, HttpServletRequest request) {
        YearMonth[] period = period(from, to, 20);
        return queries.report(period[0], period[1], districts(district), courseType(courseType),
                exactAllowed(exact, user, request));
    }

    /** The same figures as CSV: the region and one row per district, a column per figure, empty where withheld. */
    @GetMapping(path = "/api/v1/indicators", produces = CSV)
    ResponseEntity<String> indicatorsCsv(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) List<String> district,
                                         @RequestParam(required = false) String courseType,
                                         @RequestParam(defaultValue = "false") boolean exact,
                                         Authentication user, HttpServletRequest request) {
        IndicatorReport report = indicators(from, to, district, courseType, exact, user, request);
        return csv(IndicatorCsv.API.write(report), "indicators-" + report.from() + "-" + report.to() + ".csv");
    }

    @GetMapping(path = "/api/v1/indicators/{ags}/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "monthly", summary = "A district's figures month by month, with the region's",
            description = "JSON, or CSV with Accept: text/csv (one row per month for the district and one for the "
                    + "region). At most 10 years.")
    MonthlyReport monthly(@PathVariable String ags,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String courseType,
                          @RequestParam(defaultValue = "false") boolean exact,
                          Authentication user, HttpServletRequest request) {
        District district = District.byAgs(ags).orElseThrow(() ->
                new BadParameter("ags", ags + " is not a district of Weser-Ems"));
        YearMonth[] period = period(from, to, 10);
        return queries.monthly(district, period[0], period[1], courseType(courseType),
                exactAllowed(exact, user, request));
    }

    /** The district's months as CSV: one row per month for the district and one for the region. */
    @GetMapping(path = "/api/v1/indicators/{ags}/monthly", produces = CSV)
    ResponseEntity<String> monthlyCsv(@PathVariable String ags,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String courseType,
                                      @RequestParam(defaultValue = "false") boolean exact,
                                      Authentication user, HttpServletRequest request) {
        MonthlyReport report = monthly(ags, from, to, courseType, exact, user, request);
        List<Map<String, String>> leading = new ArrayList<>();
        List<AreaFigures> areas = new ArrayList<>();
        monthlyRows(report, leading, areas);
        return csv(IndicatorCsv.API.write(leading, areas),
                "indicators-" + ags + "-monthly-" + report.from() + "-" + report.to() + ".csv");
    }

    /**
     * {@code ?format=csv} (or {@code xlsx}, {@code json}): the same answer as a file a browser's link downloads,
     * whatever the request's {@code Accept} says; the CSV is the one {@code Accept: text/csv} gives.
     */
    @GetMapping(path = "/api/v1/indicators", params = "format")
    ResponseEntity<?> indicatorsAs(@RequestParam String format,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) List<String> district,
                                   @RequestParam(required = false) String courseType,
                                   @RequestParam(defaultValue = "false") boolean exact,
                                   Authentication user, HttpServletRequest request) {
        FileFormat asked = FileFormat.of(format);
        IndicatorReport report = indicators(from, to, district, courseType, exact, user, request);
        String name = "indicators-" + report.from() + "-" + report.to();
        return switch (asked) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case CSV -> attachment(IndicatorCsv.API.write(report), name);
            case XLSX -> attachment(IndicatorCsv.API.section(List.of(), IndicatorCsv.areas(report)), name);
        };
    }

    /** {@code ?format=csv} (or {@code xlsx}, {@code json}) for a district's months, as for {@link #indicatorsAs}. */
    @GetMapping(path = "/api/v1/indicators/{ags}/monthly", params = "format")
    ResponseEntity<?> monthlyAs(@PathVariable String ags,
                                @RequestParam String format,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String courseType,
                                @RequestParam(defaultValue = "false") boolean exact,
                                Authentication user, HttpServletRequest request) {
        FileFormat asked = FileFormat.of(format);
        MonthlyReport report = monthly(ags, from, to, courseType, exact, user, request);
        String name = "indicators-" + ags + "-monthly-" + report.from() + "-" + report.to();
        List<Map<String, String>> leading = new ArrayList<>();
        List<AreaFigures> areas = new ArrayList<>();
        monthlyRows(report, leading, areas);
        return switch (asked) {
            case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case CSV -> attachment(IndicatorCsv.API.write(leading, areas), name);
            case XLSX -> attachment(IndicatorCsv.API.section(leading, areas), name);
        };
    }

    /** A district's months as CSV rows: per month the district's row, then the region's. */
    private static void monthlyRows(MonthlyReport report, List<Map<String, String>> leading, List<AreaFigures> areas) {
        for (MonthlyReport.Month m : report.months()) {
            Map<String, String> month = new LinkedHashMap<>();
            month.put("month", m.month().toString());
            month.put("provisional", String.valueOf(m.provisional()));
            leading.add(month);
            areas.add(m.figures());
            leading.add(month);
            areas.add(m.region());
        }
    }

    /** The formats {@code ?format=} offers, named as in the URL. */
    enum FileFormat {
        JSON, CSV, XLSX;

        static FileFormat of(String value) {
            return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new UnknownFormat(value));
        }

        static List<String> names() {
            return Arrays.stream(values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList();
        }
    }

    /**
     * Exact figures only for the role STATISTICS, and each such request logged with its user: they are
     * the microdata's counts, unprotected.
     */
    private static boolean exactAllowed(boolean exact, Authentication user, HttpServletRequest request) {
        if (!exact) {
            return false;
        }
        boolean statistics = user != null && user.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.STATISTICS).equals(a.getAuthority()));
        if (!statistics) {
            throw new ExactNotAllowed();
        }
        LOG.info("Exact figures for user '{}': {}?{}", user.getName(), request.getRequestURI(), request.getQueryString());
        return true;
    }

    private YearMonth[] period(String from, String to, int maxYears) {
        YearMonth[] period = queries.defaultPeriod();
        YearMonth start = from == null ? period[0] : month("from", from);
        YearMonth end = to == null ? period[1] : month("to", to);
        if (end.isBefore(start)) {
            throw new BadParameter("from", "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        if (start.plusYears(maxYears).isBefore(end)) {
            throw new BadParameter("to", "a period may span at most " + maxYears + " years here");
        }
        return new YearMonth[]{start, end};
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .body(body);
    }

    /** A CSV to save: {@code Content-Disposition: attachment}, so a browser's link downloads it. */
    private static ResponseEntity<byte[]> attachment(String body, String name) {
        return attachment(body.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType(CSV + ";charset=UTF-8"),
                name + ".csv");
    }

    /** The CSV's table as an .xlsx workbook of one sheet, header in the first row, figures as numbers. */
    private static ResponseEntity<byte[]> attachment(ShownTable.Section table, String name) {
        return attachment(Xlsx.write(new ShownTable("", List.of(), name, List.of(table))), MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), name + ".xlsx");
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    private static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "'" + value + "' is not a month YYYY-MM");
        }
    }

    private static Set<District> districts(List<String> values) {
        Set<District> set = EnumSet.noneOf(District.class);
        if (values != null) {
            for (String v : values) {
                for (String ags : v.split(",")) {
                    if (!ags.isBlank()) {
                        set.add(District.byAgs(ags.trim()).orElseThrow(() ->
                                new BadParameter("district", ags.trim() + " is not a district of Weser-Ems")));
                    }
                }
            }
        }
        return set;
    }

    private static CourseType courseType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(CourseType.values()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> new BadParameter("courseType", "'" + value + "' is not one of "
                        + Arrays.toString(CourseType.values())));
    }

    static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    static final class UnknownFormat extends RuntimeException {
        UnknownFormat(String value) {
            super("Das Format '" + value + "' gibt es hier nicht; erlaubt sind: " + String.join(", ", FileFormat.names())
                    + ".");
        }
    }

    static final class ExactNotAllowed extends RuntimeException {
        ExactNotAllowed() {
            super("Exact figures (exact=true) are only for users with the role STATISTICS; without it, ask "
                    + "without exact to get the published figures.");
        }
    }

    static final class NotLoaded extends RuntimeException {
        NotLoaded() {
            super("This dashboard instance is still reading the indicators from Kafka; its figures would be incomplete.");
        }
    }

    @ExceptionHandler(NotLoaded.class)
    ResponseEntity<ProblemDetail> notLoaded(NotLoaded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("/problems/figures-loading"));
        problem.setTitle("Figures loading");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_LOADING_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ExactNotAllowed.class)
    ResponseEntity<ProblemDetail> exactNotAllowed(ExactNotAllowed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(URI.create("/problems/exact-figures-forbidden"));
        problem.setTitle("Exact figures not allowed");
        problem.setProperty("parameter", "exact");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** In German, as the page a planner followed the link from: the link was wrong, and these are the right values. */
    @ExceptionHandler(UnknownFormat.class)
    ProblemDetail unknownFormat(UnknownFormat e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("/problems/unknown-format"));
        problem.setTitle("Unbekanntes Format");
        problem.setProperty("parameter", "format");
        problem.setProperty("allowed", FileFormat.names());
        return problem;
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("/problems/invalid-parameter"));
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", e.parameter);
        return problem;
    }
}
