package de.weserems.integration.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read API of a dashboard run from its jar, as the fault tests read it: exact figures
 * ({@code exact=true}), which only the role STATISTICS gets (the local user admin, HTTP basic), so
 * the counts compare with a reference whatever the published figures withhold or perturb.
 */
public final class ReadApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** HTTP basic of the local user with the role STATISTICS. */
    public static final String EXACT_AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    private ReadApi() {
    }

    /** {@code GET /api/v1/indicators?from=&to=&exact=true}; fails unless it answers 200. */
    public static JsonNode report(ServiceProcess dashboard, YearMonth from, YearMonth to) throws Exception {
        return report(dashboard.uri(""), from, to);
    }

    /** The same for a dashboard at {@code base} (e.g. {@code http://localhost:8080}). */
    public static JsonNode report(java.net.URI base, YearMonth from, YearMonth to) throws Exception {
        return get(base.resolve("/api/v1/indicators?from=" + from + "&to=" + to + "&exact=true"));
    }

    /**
     * {@code protection.maxDeviation} of the published figures at {@code base}: the most a count shown to
     * planners is off the true one.
     */
    public static int maxDeviation(java.net.URI base) throws Exception {
        YearMonth month = YearMonth.now();
        return get(base.resolve("/api/v1/indicators?from=" + month + "&to=" + month))
                .at("/protection/maxDeviation").asInt();
    }

    /** A read API answer as the local user admin; fails unless it is 200. */
    private static JsonNode get(java.net.URI uri) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", EXACT_AUTHORIZATION)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("read API answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** {@code GET /actuator/health} of a service on its management port, with details (as the local operator). */
    public static JsonNode health(ServiceProcess service) throws Exception {
        HttpResponse<String> r = HTTP.send(service.asOperator("/actuator/health").build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** The answer without {@code generatedAt}, to compare two answers. */
    public static JsonNode withoutTimestamp(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("generatedAt");
        return copy;
    }

    /** {@code count|AGS} → value for the region ({@code 034}) and every district, for the shown non-zero counts. */
    public static Map<String, Long> counts(JsonNode report, List<String> names) {
        Map<String, Long> counts = new TreeMap<>();
        List<JsonNode> areas = new ArrayList<>();
        areas.add(report.get("region"));
        report.get("districts").forEach(areas::add);
        for (JsonNode area : areas) {
            for (String count : names) {
                JsonNode value = area.at("/counts/" + count);
                if (value.isNumber() && value.asLong() > 0) {
                    counts.put(count + "|" + area.get("district").asString(), value.asLong());
                }
            }
        }
        return counts;
    }
}
