package de.weserems.integration.dashboard.indicators;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code GET /api/v1/indicators}: the figures of a period for the region and its districts. */
@RestController
class IndicatorsController {

    private final IndicatorQueries queries;

    IndicatorsController(IndicatorQueries queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/v1/indicators", produces = "application/json")
    IndicatorReport indicators(@RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) List<String> district,
                               @RequestParam(required = false) String courseType) {
        YearMonth[] period = queries.defaultPeriod();
        YearMonth start = from == null ? period[0] : month("from", from);
        YearMonth end = to == null ? period[1] : month("to", to);
        if (end.isBefore(start)) {
            throw new BadParameter("from", "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        if (start.plusYears(20).isBefore(end)) {
            throw new BadParameter("to", "a period may span at most 20 years");
        }
        return queries.report(start, end, districts(district), courseType(courseType));
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

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("/problems/invalid-parameter"));
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", e.parameter);
        return problem;
    }
}
