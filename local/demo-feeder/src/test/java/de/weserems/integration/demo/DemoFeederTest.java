package de.weserems.integration.demo;

import com.sun.net.httpserver.HttpServer;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** The values were written by the feeder before it used integration-events: the same seed, the same events. */
    @Test
    void aSeedMeansTheSameHistoryOnAnyDay() {
        Simulation sim = new Simulation(Options.DEFAULT_SEED, "demo-p-");
        List<Step> first = sim.spawn(Simulation.EPOCH, sim.spawnRandom);
        assertThat(first).hasSize(40);
        assertThat(sim.fire(first.get(0), Simulation.EPOCH).toJson()).isEqualTo("""
                {"eventId":"b0c9fa02-c652-4a15-bde2-233a3f846c77","type":"COURSE_ENROLMENT","occurredOn":"2020-01-01",\
                "district":"03401","participantRef":"demo-p-000001","courseType":"JOB_LANGUAGE_COURSE"}""");
        assertThat(sim.fire(first.get(1), Simulation.EPOCH).toJson()).isEqualTo("""
                {"eventId":"3ae9ef92-579d-4e8e-a9b4-bc174c64863e","type":"COURSE_ENROLMENT","occurredOn":"2020-01-01",\
                "district":"03401","participantRef":"demo-p-000002","courseType":"INTEGRATION_COURSE"}""");
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
