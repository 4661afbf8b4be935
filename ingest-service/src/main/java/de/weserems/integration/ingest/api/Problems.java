package de.weserems.integration.ingest.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import de.weserems.integration.ingest.validation.Text;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * The problem types of the ingest API (RFC 9457), in one place. Titles and details come from the message
 * bundle in the language the request prefers ({@link LocaleConfig}); the type and the fields a script reads
 * ({@code invalid}, {@code limit}, a rule's code) stay the same in every language.
 */
@Component
public class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * A problem worded in {@code locale}: its title is the bundle's {@code problem.<type>.title}, its detail
     * {@code detail} (usually {@code problem.<type>.detail} with the values it names).
     */
    public static ProblemDetail of(HttpStatus status, String type, Locale locale, Text detail) {
        return of(status, type, new Text("problem." + type + ".title").in(locale), detail.in(locale));
    }

    /** As above, the detail being {@code problem.<type>.detail} with {@code args}. */
    public static ProblemDetail of(HttpStatus status, String type, Locale locale, Object... args) {
        return of(status, type, locale, new Text("problem." + type + ".detail", args));
    }

    /** For filters, which run before Spring MVC's message converters. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
