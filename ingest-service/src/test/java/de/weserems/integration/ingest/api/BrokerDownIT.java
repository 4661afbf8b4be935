package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Topics;
import de.weserems.integration.ingest.providers.ApiKeys;
import de.weserems.integration.testsupport.KafkaTestCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away under the ingest service: a request gets 503 with {@code Retry-After}
 * within the bounded wait and nothing of it is stored; once the broker is back, the same request
 * is accepted and its events are stored exactly once. Runs on a private cluster, so stopping its
 * broker disturbs no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.pseudonymisation.secret=test-secret-for-integration-tests",
        "ingest.kafka.send-timeout=6s",
        "ingest.providers[0].id=demo",
        "ingest.providers[0].name=Demo",
        "ingest.providers[0].districts=*",
        "ingest.providers[0].key-sha256=3a144c6d8b88728d4ac74c90e77c87f526b4c4df5c5cfbc51595b90070d4975b"})
@ActiveProfiles("local")
class BrokerDownIT {

    /** The bound the test holds the service to: send-timeout plus the producer's own blocking, with room for a slow machine. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final KafkaTestCluster cluster = startCluster();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private static KafkaTestCluster startCluster() {
        try {
            return KafkaTestCluster.start(1, Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", cluster::bootstrapServers);
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    @Test
    @Timeout(180)
    void broker_down_gives_503_in_bounded_time_stores_nothing_and_the_retry_after_recovery_counts_once()
            throws Exception {
        assertThat(post(batch()).statusCode()).isEqualTo(202);
        int broker = cluster.brokerIds().iterator().next();

        cluster.stopBroker(broker);
        String body = batch();
        long start = System.nanoTime();
        HttpResponse<String> down = post(body);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("broker down: %d after %d ms%n", down.statusCode(), took.toMillis());
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(down.body()).contains("Nothing of this request was stored");
        assertThat(took).isLessThan(BOUND);

        cluster.startBroker(broker);
        AtomicInteger attempts = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).pollInSameThread()
                .until(() -> {
                    attempts.incrementAndGet();
                    HttpResponse<String> retried = post(body);
                    // until the broker is back the answer stays 503, never anything else
                    assertThat(retried.statusCode()).as(retried.body()).isIn(202, 503);
                    return retried.statusCode() == 202;
                });
        System.out.printf("after restart: 202 on attempt %d%n", attempts.get());

        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<ConsumerRecord<String, String>> committed = IngestApiTestBase.readAll(cluster.bootstrapServers(),
                Topics.EVENTS, true);
        for (String id : ids) {
            assertThat(committed.stream().filter(r -> r.value().contains(id)).count())
                    .as("event %s committed exactly once", id).isEqualTo(1);
        }
    }

    private static String batch() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append(IngestApiTestBase.enrolment(UUID.randomUUID().toString(), "03454", null)).append('\n');
        }
        return out.toString();
    }

    private HttpResponse<String> post(String ndjson) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ApiKeys.LOCAL_DEMO_KEY)
                .header("Content-Type", "application/x-ndjson")
                // the assertions read the English wording
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
