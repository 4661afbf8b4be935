package de.weserems.integration.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.weserems.integration.ingest.validation.FieldError;

import java.util.List;

/**
 * One invalid item of a request, as listed under {@code invalid} in the problem details.
 *
 * @param index   0-based position of the item in the request
 * @param line    1-based line of the body (NDJSON and CSV), {@code null} for JSON
 * @param eventId the item's eventId as sent, {@code null} when missing
 */
public record RejectedItem(int index, @JsonInclude(JsonInclude.Include.NON_NULL) Integer line, String eventId,
                           List<FieldError> errors) {
}
