package de.weserems.integration.demo;

import com.sun.net.httpserver.HttpServer;
import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFeederTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> bodies = new ArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private HttpServer ingest;

    @AfterEach
    void stop() {
        if (ingest != null) {
            ingest.stop(0);
        }
    }

    /**
     * The values were written by the feeder before it used integration-events: the same seed, the same
     * events. Contract v2's fields and the sex come on top, from random streams of their own, and change none of
     * them. (The course starts did move later dates: a completion now comes a course's length after its start.)
     */
    @Test
    void aSeedMeansTheSameHistoryOnAnyDay() {
        Simulation sim = new Simulation(Options.DEFAULT_SEED, "demo-p-");
        List<Step> first = sim.spawn(Simulation.EPOCH, sim.spawnRandom);
        assertThat(first).hasSize(40);
        assertThat(sim.fire(first.get(0), Simulation.EPOCH).getLast().toJson()).startsWith("""
                {"eventId":"b0c9fa02-c652-4a15-bde2-233a3f846c77","type":"COURSE_ENROLMENT","occurredOn":"2020-01-01",\
                "district":"03401","participantRef":"demo-p-000001","courseType":"JOB_LANGUAGE_COURSE\"""")
                .endsWith("\"courseVariant\":\"BASIC_B2\",\"targetLevel\":\"B2\",\"fundingSource\":\"OTHER\",\"sex\":\"MALE\"}");
        // the enrolment is the last event: a first integration course may come with an entitlement before it
        assertThat(sim.fire(first.get(1), Simulation.EPOCH).getLast().toJson()).startsWith("""
                {"eventId":"3ae9ef92-579d-4e8e-a9b4-bc174c64863e","type":"COURSE_ENROLMENT","occurredOn":"2020-01-01",\
                "district":"03401","participantRef":"demo-p-000002","courseType":"INTEGRATION_COURSE\"""");
    }

    /** Two years of history in contract v2: plausible shares, some events without the new fields, corrections. */
    @Test
    void theHistorySpeaksContractV2WithAFewCorrections() {
        Simulation sim = new Simulation(Options.DEFAULT_SEED, "demo-p-");
        List<Submission> events = new ArrayList<>();
        for (LocalDate day = Simulation.EPOCH; day.isBefore(Simulation.EPOCH.plusYears(2)); day = day.plusDays(1)) {
            sim.simulate(day, (spawned, fired) -> events.addAll(fired));
        }
        List<Submission> integration = events.stream().filter(e -> e.type() == EventType.COURSE_ENROLMENT
                && e.courseType() == CourseType.INTEGRATION_COURSE).toList();
        double withoutVariant = integration.stream().filter(e -> e.courseVariant() == null).count()
                / (double) integration.size();
        double literacy = integration.stream().filter(e -> e.courseVariant() == CourseVariant.LITERACY).count()
                / (double) integration.size();
        assertThat(withoutVariant).as("integration courses of v1 providers").isBetween(0.09, 0.15);
        assertThat(literacy).as("literacy courses among integration courses").isBetween(0.15, 0.23);
        assertThat(events).anyMatch(e -> e.courseType() == CourseType.FIRST_ORIENTATION_COURSE)
                .anyMatch(e -> e.placementType() == PlacementType.FULL_VOCATIONAL_TRAINING)
                .anyMatch(e -> e.languageLevel() == LanguageLevel.BELOW_A1)
                .anyMatch(e -> e.attempt() == Attempt.REPEAT);

        Map<UUID, Submission> byId = new HashMap<>();
        List<Submission> retractions = new ArrayList<>();
        for (Submission e : events) {
            if (e.type() == EventType.RETRACTION) {
                Submission retracted = byId.get(e.retracts());
                assertThat(retracted).as("a retraction follows the event it takes back").isNotNull();
                assertThat(retracted.district()).isEqualTo(e.district());
                assertThat(EventFields.violations(e.type(), name -> has(e, name))).isEmpty();
                retractions.add(e);
            }
            byId.put(e.eventId(), e);
        }
        assertThat(retractions.size()).as("a few corrections a month").isBetween(24, 300);
    }

    private static boolean has(Submission e, String field) {
        return JSON.readTree(e.toJson()).has(field);
    }

    @Test
    void aBackfillPostsOnlyEventsThatKeepTheContractInRequestsOfAtMostTheBatchSize() throws Exception {
        startIngest(0);
        feed("--backfill=true", "--trickle=false", "--months=1", "--batch=200");
        assertThat(bodies).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (String body : bodies) {
            JsonNode batch = JSON.readTree(body);
            assertThat(batch.size()).isBetween(1, 200);
            for (JsonNode event : batch) {
                assertThat(event.propertyNames()).isSubsetOf(EventFields.ALL).containsAll(EventFields.ALWAYS_REQUIRED);
                EventType type = EventType.valueOf(event.get(EventFields.TYPE).asString());
                assertThat(EventFields.violations(type, event::has)).as(event.toString()).isEmpty();
                assertThat(ids.add(event.get(EventFields.EVENT_ID).asString())).as("a new event id").isTrue();
            }
        }
    }

    @Test
    void aRequestIngestCannotTakeNowIsSentAgainUnchanged() throws Exception {
        startIngest(1);
        feed("--backfill=true", "--trickle=false", "--months=1", "--batch=500");
        assertThat(unavailable).hasValue(0);
        assertThat(bodies.size()).isGreaterThan(1);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        assertThat(Set.copyOf(bodies)).hasSize(bodies.size() - 1);
    }

    /** A stand-in for ingest that keeps the bodies, answers 503 (Retry-After: 0) {@code refusals} times, then 202. */
    private void startIngest(int refusals) throws IOException {
        unavailable.set(refusals);
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/api/v1/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.add(body);
            }
            boolean refuse = unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = refuse ? new byte[0]
                    : ("{\"accepted\":" + JSON.readTree(body).size() + "}").getBytes(StandardCharsets.UTF_8);
            if (refuse) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(refuse ? 503 : 202, refuse ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ingest.start();
    }

    private void feed(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--url=http://127.0.0.1:" + ingest.getAddress().getPort() + "/api/v1/events");
        new DemoFeeder(Options.parse(args.toArray(String[]::new))).run();
    }
}
