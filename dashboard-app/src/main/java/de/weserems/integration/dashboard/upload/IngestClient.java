package de.weserems.integration.dashboard.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hands a provider's file to ingest's {@code POST /api/v1/events} with the dashboard's service credential
 * ({@code Authorization: Bearer <service key>} and {@code X-Provider-Id}), so that ingest treats it exactly as if
 * that provider had sent it; and reads ingest's answer (RFC 9457 problem details) into rows a person can act on.
 * The bytes go as they are, with the file's media type and charset: ingest alone reads them, so the dry run
 * judges exactly what the submission will store.
 */
@Component
public class IngestClient {

    /** The header that names the provider a service credential speaks for (agreed with ingest). */
    public static final String PROVIDER_HEADER = "X-Provider-Id";

    private static final Logger log = LoggerFactory.getLogger(IngestClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IngestSettings settings;
    private final HttpClient http;

    public IngestClient(IngestSettings settings, Environment environment) {
        if (IngestSettings.LOCAL_SERVICE_KEY.equals(settings.serviceKey())
                && !environment.acceptsProfiles(Profiles.of("local"))) {
            throw new IllegalStateException("dashboard.ingest.service-key is the documented local key; it is only "
                    + "allowed with the Spring profile 'local'. Set the key ingest knows under ingest.service-clients.");
        }
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether uploading is set up (address and key). */
    public boolean configured() {
        return settings.configured();
    }

    /**
     * One invalid field of one item, as ingest listed it.
     *
     * @param row     the CSV line or spreadsheet row ingest names, else the item's position counted from 1
     * @param eventId the item's eventId as sent, or {@code null}
     * @param field   the field as the contract names it ({@code (row)} for a row that cannot be read)
     * @param reason  ingest's own words, in the language asked for
     */
    public record Problem(int row, String eventId, String field, String reason) {
    }

    /**
     * Ingest's answer.
     *
     * @param status    the HTTP status; 0 when ingest could not be reached
     * @param accepted  events stored (or, in a dry run, that would be), when {@code status} is 202
     * @param title     the problem's title, or {@code null}
     * @param detail    the problem's detail, or {@code null}
     * @param problems  the invalid fields listed
     * @param notListed invalid items ingest counted but did not list
     */
    public record Answer(int status, int accepted, String title, String detail, List<Problem> problems, int notListed) {

        static Answer unreachable() {
            return new Answer(0, 0, null, null, List.of(), 0);
        }

        /** Whether ingest took the file (in a dry run: would take it). */
        public boolean ok() {
            return status == 202;
        }
    }

    /**
     * Sends {@code body} for {@code providerId}.
     *
     * @param contentType the media type with its charset, e.g. {@code text/csv;charset=windows-1252}
     * @param dryRun      only check, store nothing
     * @param language    the user's language, for ingest's problem texts
     */
    public Answer deliver(String providerId, byte[] body, String contentType, boolean dryRun, Locale language) {
        if (!configured()) {
            return Answer.unreachable();
        }
        URI uri = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/api/v1/events"
                + (dryRun ? "?dryRun=true" : ""));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.serviceKey())
                .header(PROVIDER_HEADER, providerId)
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", language.toLanguageTag())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return read(response.statusCode(), response.body());
        } catch (IOException e) {
            // no provider id and no content in the log: which request failed is in the user's page
            log.warn("Ingest not reachable at {}: {}", settings.baseUrl(), e.toString());
            return Answer.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.unreachable();
        }
    }

    /** Reads ingest's answer: {@code {"accepted": n}} or a problem with its {@code invalid} items. */
    static Answer read(int status, byte[] body) {
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return new Answer(status, 0, null, null, List.of(), 0);
        }
        if (status == 202) {
            return new Answer(status, json.path("accepted").asInt(0), null, null, List.of(), 0);
        }
        List<Problem> problems = new ArrayList<>();
        for (JsonNode item : json.path("invalid")) {
            int row = item.hasNonNull("line") ? item.path("line").asInt() : item.path("index").asInt() + 1;
            String eventId = item.hasNonNull("eventId") ? item.path("eventId").asString() : null;
            for (JsonNode error : item.path("errors")) {
                problems.add(new Problem(row, eventId, error.path("field").asString(""),
                        error.path("reason").asString("")));
            }
        }
        return new Answer(status, 0, text(json, "title"), text(json, "detail"), List.copyOf(problems),
                json.path("invalidNotListed").asInt(0));
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.path(field).asString() : null;
    }
}
