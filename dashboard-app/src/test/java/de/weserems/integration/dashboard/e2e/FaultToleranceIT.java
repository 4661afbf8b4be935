package de.weserems.integration.dashboard.e2e;

import de.weserems.integration.testsupport.KafkaTestCluster;
import de.weserems.integration.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise under faults, on a 3-broker cluster (replication factor 3, min ISR 2): a client posts
 * a stream of events through the ingest API and resends every request that got no 202, with the
 * same eventIds; meanwhile one broker is stopped and started again, ingest-service is killed with
 * SIGKILL mid-request and started again, and of two dashboard-app instances (sharing the Streams
 * work) one is killed and restarted and the other is stopped, so the first takes over. At the end
 * the indicators equal, exactly, what the acknowledged events imply, and both instances serve
 * identical figures.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class FaultToleranceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> DISTRICTS = List.of("03454", "03457", "03452", "03459");
    private static final String MONTH = LocalDate.now().withDayOfMonth(1).toString();
    private static final KafkaTestCluster cluster = startCluster();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<ServiceProcess> ingest = new AtomicReference<>();

    private static KafkaTestCluster startCluster() {
        return KafkaTestCluster.startOrFail(3, Map.of("min.insync.replicas", "2", "default.replication.factor", "3"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    void nothing_lost_nothing_doubled_through_a_broker_bounce_an_ingest_crash_and_dashboard_failover()
            throws Exception {
        ingest.set(startIngest("fault-ingest-1"));
        Path stateA = Files.createTempDirectory("fault-a");
        Path stateB = Files.createTempDirectory("fault-b");
        ServiceProcess dashboardA = startDashboard("fault-dashboard-a", stateA);
        ServiceProcess dashboardB = startDashboard("fault-dashboard-b", stateB);
        ServiceProcess ingest2 = null;
        List<ServiceProcess> toStop = new ArrayList<>(List.of(dashboardA, dashboardB));
        try {
            Map<String, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
            List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger requests = new AtomicInteger();
            AtomicInteger retries = new AtomicInteger();
            Thread client = Thread.ofPlatform().name("fault-client").start(() ->
                    post(running, acknowledged, unexpected, requests, retries));

            Thread.sleep(4000);
            int broker = cluster.brokerIds().iterator().next();
            log("stopping broker " + broker);
            cluster.stopBroker(broker);
            Thread.sleep(6000);
            log("starting broker " + broker + " again");
            cluster.startBroker(broker);
            Thread.sleep(3000);

            log("SIGKILL ingest-service mid-request");
            ingest.get().kill();
            ingest2 = startIngest("fault-ingest-2");
            ingest.set(ingest2);
            Thread.sleep(4000);

            log("SIGKILL dashboard A, then start it again");
            dashboardA.kill();
            toStop.remove(dashboardA);
            Thread.sleep(2000);
            dashboardA = startDashboard("fault-dashboard-a", stateA);
            toStop.add(dashboardA);
            Thread.sleep(4000);

            log("stopping dashboard B: A takes over all partitions");
            dashboardB.close();
            toStop.remove(dashboardB);
            Thread.sleep(5000);

            running.set(false);
            client.join();
            assertThat(unexpected).as("answers other than 202, 429 and 503").isEmpty();
            Map<String, Long> expected = expected(acknowledged);
            log("client: " + requests.get() + " requests acknowledged, " + retries.get() + " resent; "
                    + acknowledged.size() + " distinct events acknowledged; expected " + expected);

            awaitCounts(dashboardA, expected);
            dashboardB = startDashboard("fault-dashboard-b", stateB);
            toStop.add(dashboardB);
            awaitCounts(dashboardB, expected);
            JsonNode a = ReadApi.withoutTimestamp(report(dashboardA));
            JsonNode b = ReadApi.withoutTimestamp(report(dashboardB));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!b.equals(a) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                a = ReadApi.withoutTimestamp(report(dashboardA));
                b = ReadApi.withoutTimestamp(report(dashboardB));
            }
            assertThat(b).isEqualTo(a);
            assertThat(retries.get()).as("the faults must have hit some requests").isPositive();
            log("both dashboards: " + countsOf(a) + " = what the acknowledged events imply");
        } finally {
            for (ServiceProcess p : toStop) {
                p.close();
            }
            if (ingest.get() != null) {
                ingest.get().close();
            }
        }
    }

    /** Posts batches of 20 events; a request without 202 is sent again with the same body until it gets one. */
    private void post(AtomicBoolean running, Map<String, String> acknowledged, List<String> unexpected,
                      AtomicInteger requests, AtomicInteger retries) {
        Random random = new Random(11);
        while (running.get()) {
            Map<String, String> ids = new java.util.HashMap<>();
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                String id = UUID.randomUUID().toString();
                String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
                boolean enrolment = random.nextBoolean();
                ids.put(id, (enrolment ? "enrolments|" : "placements|") + district);
                body.append(enrolment
                        ? "{\"eventId\":\"" + id + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"" + MONTH
                        + "\",\"district\":\"" + district + "\",\"courseType\":\"INTEGRATION_COURSE\"}"
                        : "{\"eventId\":\"" + id + "\",\"type\":\"JOB_PLACEMENT\",\"occurredOn\":\"" + MONTH
                        + "\",\"district\":\"" + district + "\",\"placementType\":\"EMPLOYMENT\"}").append('\n');
            }
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(ingest.get().uri("/api/v1/events"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer local-demo-key")
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        acknowledged.putAll(ids);
                        requests.incrementAndGet();
                        break;
                    }
                    if (r.statusCode() != 503 && r.statusCode() != 429) {
                        unexpected.add(r.statusCode() + " " + r.body());
                    }
                } catch (IOException e) {
                    // the service is down or was killed mid-request: send the same request again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retries.incrementAndGet();
                sleep(300);
            }
            sleep(50);
        }
    }

    /** The simple count: each acknowledged event once, in its district and in the region. */
    private static Map<String, Long> expected(Map<String, String> acknowledged) {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : acknowledged.values()) {
            counts.merge(key, 1L, Long::sum);
            counts.merge(key.substring(0, key.indexOf('|')) + "|034", 1L, Long::sum);
        }
        return counts;
    }

    private ServiceProcess startIngest(String name) throws Exception {
        return ServiceProcess.start(name, ServiceProcess.findJar("ingest-service"), List.of(
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "--ingest.instance-id=fault-it",
                "--ingest.kafka.replication-factor=3",
                "--ingest.kafka.min-insync-replicas=2"), Duration.ofSeconds(120));
    }

    private ServiceProcess startDashboard(String name, Path stateDir) throws Exception {
        return ServiceProcess.start(name, ServiceProcess.findJar("dashboard-app"), List.of(
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--spring.kafka.streams.replication-factor=3",
                "--dashboard.kafka.replication-factor=3",
                "--dashboard.kafka.min-insync-replicas=2"), Duration.ofSeconds(180));
    }

    private JsonNode report(ServiceProcess dashboard) throws Exception {
        return ReadApi.report(dashboard, YearMonth.now(), YearMonth.now());
    }

    private void awaitCounts(ServiceProcess dashboard, Map<String, Long> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Map<String, Long> last = Map.of();
        while (System.nanoTime() < deadline) {
            last = countsOf(report(dashboard));
            if (last.equals(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(last).as("figures of " + dashboard.uri("")).isEqualTo(expected);
    }

    private static Map<String, Long> countsOf(JsonNode report) {
        return ReadApi.counts(report, List.of("enrolments", "placements"));
    }

    private static void log(String message) {
        System.out.printf("[fault-it %tT] %s%n", System.currentTimeMillis(), message);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
