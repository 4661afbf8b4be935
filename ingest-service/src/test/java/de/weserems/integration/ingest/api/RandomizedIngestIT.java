package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Region;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random requests of valid and mutated events in all three formats, some of them resent.
 * Whatever comes, the service never answers 5xx, a request with a mutation is refused whole, a
 * clean one is accepted whole, and the topic holds exactly the events of the accepted requests
 * (each resend once more: deduplication is downstream's job).
 */
class RandomizedIngestIT extends IngestApiTestBase {

    private static final String[] DISTRICTS = {"03401", "03402", "03403", "03404", "03405", "03451", "03452",
            "03453", "03454", "03455", "03456", "03457", "03458", "03459", "03460", "03461", "03462"};
    private static final int REQUESTS = 120;

    /** A mutation breaks one event; it returns {@code null} when it cannot apply to this event. */
    private static final List<BiFunction<Map<String, Object>, Random, Map<String, Object>>> MUTATIONS = List.of(
            (e, r) -> without(e, pick(r, "eventId", "type", "occurredOn", "district")),
            (e, r) -> with(e, "colour", "blau"),
            // not 3454 or 01.02.2025: CSV reads those as Excel's 03454 and 2025-02-01 (ExcelHabitsIT)
            (e, r) -> with(e, "district", pick(r, "09162", "3999", "Emsland", "")),
            (e, r) -> with(e, "occurredOn", pick(r, "2014-12-31", "2099-01-01", "2025-13-01", "01.02.25")),
            (e, r) -> with(e, "type", pick(r, "ENROLMENT", "course_completion", "PLACEMENT")),
            (e, r) -> with(e, "eventId", pick(r, "1", "not-a-uuid", "6f1c2a7e3b4d4c5e9f60718293a4b5c6")),
            (e, r) -> with(e, "participantRef", "p".repeat(129)),
            (e, r) -> e.get("type").equals("JOB_PLACEMENT") ? with(e, "courseType", "INTEGRATION_COURSE")
                    : with(e, "placementType", "EMPLOYMENT"),
            (e, r) -> e.containsKey("courseType") ? with(e, "courseType", "GERMAN") : without(e, "placementType"),
            (e, r) -> e.containsKey("outcome") ? without(e, "outcome") : with(e, "outcome", "PASSED"));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void random_requests_never_fail_the_server_and_exactly_the_accepted_events_reach_the_topic(long seed)
            throws Exception {
        Random random = new Random(seed);
        Map<String, Integer> expected = new HashMap<>();
        Set<String> sent = new java.util.HashSet<>();
        List<List<Map<String, Object>>> acceptedBatches = new ArrayList<>();
        int payloads = 0;
        int accepted = 0;
        int refused = 0;
        for (int r = 0; r < REQUESTS; r++) {
            List<Map<String, Object>> events;
            boolean resend = !acceptedBatches.isEmpty() && random.nextInt(10) == 0;
            if (resend) {
                events = acceptedBatches.get(random.nextInt(acceptedBatches.size()));
            } else {
                events = new ArrayList<>();
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    events.add(event(random));
                }
            }
            boolean mutate = !resend && random.nextInt(3) == 0;
            List<Map<String, Object>> body = new ArrayList<>(events);
            if (mutate) {
                // each mutation on another event, so that no second mutation can undo a first
                List<Integer> positions = new ArrayList<>(java.util.stream.IntStream.range(0, body.size()).boxed().toList());
                java.util.Collections.shuffle(positions, random);
                int k = 1 + random.nextInt(Math.min(3, body.size()));
                for (int at : positions.subList(0, k)) {
                    body.set(at, MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply(body.get(at), random));
                }
            }
            body.forEach(e -> {
                if (e.get("eventId") instanceof String id) {
                    sent.add(id);
                }
            });
            payloads += body.size();
            String format = pick(random, JSON_TYPE, NDJSON_TYPE, CSV_TYPE);
            HttpResponse<String> response = post(DEMO_KEY, format, render(format, body, random), "");

            assertThat(response.statusCode()).as("seed %d request %d: %s", seed, r, response.body()).isLessThan(500);
            if (mutate) {
                assertThat(response.statusCode()).as("mutated request %d: %s", r, response.body()).isIn(400, 422);
                refused++;
            } else {
                assertThat(response.statusCode()).as("clean request %d: %s", r, response.body()).isEqualTo(202);
                assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(body.size());
                body.forEach(e -> expected.merge((String) e.get("eventId"), 1, Integer::sum));
                if (!resend) {
                    acceptedBatches.add(events);
                }
                accepted++;
            }
        }

        Map<String, Integer> onTopic = new HashMap<>();
        for (ConsumerRecord<String, String> record : committedEvents()) {
            JsonNode value = JSON.readTree(record.value());
            String id = value.get("eventId").asString();
            if (sent.contains(id)) {
                onTopic.merge(id, 1, Integer::sum);
                assertThat(record.key()).isEqualTo(id);
            }
        }
        System.out.printf("seed %d: %d requests (%d accepted, %d refused), %d payloads, %d events on the topic%n",
                seed, REQUESTS, accepted, refused, payloads, onTopic.values().stream().mapToInt(i -> i).sum());
        assertThat(onTopic).isEqualTo(expected);
    }

    private static Map<String, Object> event(Random r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", new UUID(r.nextLong(), r.nextLong()).toString());
        String type = pick(r, "COURSE_ENROLMENT", "COURSE_COMPLETION", "JOB_PLACEMENT");
        e.put("type", type);
        e.put("occurredOn", LocalDate.now(Region.ZONE).minusDays(r.nextInt(3000)).toString());
        e.put("district", DISTRICTS[r.nextInt(DISTRICTS.length)]);
        if (r.nextBoolean()) {
            e.put("participantRef", "tn;\"" + r.nextInt(1000) + "\",x");
        }
        switch (type) {
            case "COURSE_ENROLMENT" -> e.put("courseType", pick(r, "INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE",
                    "VOCATIONAL_QUALIFICATION", "ORIENTATION_COURSE"));
            case "COURSE_COMPLETION" -> {
                e.put("courseType", pick(r, "INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE"));
                e.put("outcome", pick(r, "PASSED", "FAILED", "DROPPED_OUT"));
                if (r.nextBoolean()) {
                    e.put("languageLevel", pick(r, "A1", "A2", "B1", "B2", "C1", "C2"));
                }
            }
            default -> e.put("placementType", pick(r, "EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT",
                    "MARGINAL_EMPLOYMENT"));
        }
        return e;
    }

    private static String render(String format, List<Map<String, Object>> events, Random r) {
        return switch (format) {
            case JSON_TYPE -> events.size() == 1 && r.nextBoolean() ? JSON.writeValueAsString(events.getFirst())
                    : JSON.writeValueAsString(events);
            case NDJSON_TYPE -> events.stream().map(JSON::writeValueAsString)
                    .collect(Collectors.joining(r.nextBoolean() ? "\n" : "\r\n", "", "\n"));
            default -> csv(events, r);
        };
    }

    /** CSV with the header over the union of the events' fields, `;` or `,`, quoted where needed. */
    private static String csv(List<Map<String, Object>> events, Random r) {
        String d = r.nextBoolean() ? ";" : ",";
        String eol = r.nextBoolean() ? "\r\n" : "\n";
        List<String> header = new ArrayList<>(List.of("eventId", "type", "occurredOn", "district"));
        events.forEach(e -> e.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add));
        StringBuilder out = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
        out.append(String.join(d, header)).append(eol);
        for (Map<String, Object> e : events) {
            out.append(header.stream().map(h -> cell(e.get(h), d)).collect(Collectors.joining(d))).append(eol);
        }
        return out.toString();
    }

    private static String cell(Object value, String d) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(d) || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static Map<String, Object> with(Map<String, Object> e, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(e);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> e, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(e);
        copy.remove(field);
        return copy;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
