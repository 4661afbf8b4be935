package de.weserems.integration.dashboard.report;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.FiguresStatus;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.events.District;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /berichte/{ags}/{yyyy-MM}.pdf} and {@code GET /berichte/region/{yyyy-MM}.pdf}: the monthly report of a
 * district or of the region, as a link in the browser follows it (the UI's login and session, role VIEWER; see
 * SecurityConfig). German, or English with {@code ?lang=en} or a request in English. A wrong district or month gets a
 * plain sentence saying what is wrong, in the same language.
 */
@Controller
class ReportController {

    /** How long a browser should wait after a 503 while this instance is still loading the figures. */
    private static final int RETRY_AFTER_LOADING_SECONDS = 5;

    private final IndicatorQueries queries;
    private final FiguresStatus figures;
    private final DashboardProperties properties;

    ReportController(IndicatorQueries queries, FiguresStatus figures, DashboardProperties properties) {
        this.queries = queries;
        this.figures = figures;
        this.properties = properties;
    }

    @GetMapping("/berichte/{ags}/{month}.pdf")
    ResponseEntity<byte[]> district(@PathVariable String ags, @PathVariable String month,
                                    @RequestParam(required = false) String lang, HttpServletRequest request) {
        ReportText text = text(lang, request);
        District district = District.byAgs(ags).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND,
                text.get("report.error.district", ags)));
        YearMonth shown = month(month, text);
        return pdf(ReportFigures.of(queries, district, shown), text, "monatsbericht-" + ags + "-" + shown + ".pdf");
    }

    @GetMapping("/berichte/region/{month}.pdf")
    ResponseEntity<byte[]> region(@PathVariable String month, @RequestParam(required = false) String lang,
                                  HttpServletRequest request) {
        ReportText text = text(lang, request);
        YearMonth shown = month(month, text);
        return pdf(ReportFigures.ofRegion(queries, shown), text, "monatsbericht-weser-ems-" + shown + ".pdf");
    }

    private ResponseEntity<byte[]> pdf(ReportFigures report, ReportText text, String filename) {
        byte[] pdf = ReportDocument.render(report, text, properties.confidentiality().minCount());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                // published figures, but of a logged-in user: no shared cache keeps them
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    /**
     * The language asked for with {@code lang}, else the one the request names ({@code Accept-Language}); German
     * unless English, and German when the request names none (the servlet would answer with the server's locale).
     */
    private static ReportText text(String lang, HttpServletRequest request) {
        if (lang != null) {
            return ReportText.of(lang);
        }
        return ReportText.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? "de"
                : request.getLocale().getLanguage());
    }

    /** The month of {@code value}; refused unless it is a month up to the current one. Checks the figures are loaded. */
    private YearMonth month(String value, ReportText text) {
        if (!figures.loaded()) {
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, text.get("report.error.loading"));
        }
        YearMonth month;
        try {
            month = YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, text.get("report.error.month", value));
        }
        YearMonth current = queries.defaultPeriod()[1];
        if (month.isAfter(current)) {
            throw new Refused(HttpStatus.NOT_FOUND, text.get("report.error.future", text.month(month),
                    text.month(current)));
        }
        return month;
    }

    /** A request that gets no report, and the sentence that says why. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<byte[]> refused(Refused e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        if (e.status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_LOADING_SECONDS));
        }
        return answer.body(e.getMessage().getBytes(StandardCharsets.UTF_8));
    }
}
