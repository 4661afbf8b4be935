package de.weserems.integration.e2e;

import de.weserems.integration.testsupport.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The packaged ingest-service jar, started as its own JVM like in production (profile {@code local}),
 * against the test broker. Its output goes to {@code target/ingest-service-it.log}.
 */
final class IngestServiceProcess implements AutoCloseable {

    private final ServiceProcess process;

    private IngestServiceProcess(ServiceProcess process) {
        this.process = process;
    }

    static IngestServiceProcess start(String bootstrapServers) throws Exception {
        return new IngestServiceProcess(ServiceProcess.start("ingest-service-it", ServiceProcess.findJar("ingest-service"),
                List.of("--spring.profiles.active=local",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--ingest.instance-id=it-" + ProcessHandle.current().pid()),
                Duration.ofSeconds(90)));
    }

    /**
     * Posts {@code n} enrolments of today in Cloppenburg to an ingest-service process as the local demo
     * provider, as NDJSON, each with a new eventId.
     */
    static HttpResponse<String> postEnrolments(HttpClient http, ServiceProcess ingest, int n) throws Exception {
        String today = LocalDate.now().toString();
        String body = IntStream.range(0, n).mapToObj(i -> "{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"" + today
                        + "\",\"district\":\"03454\",\"courseType\":\"INTEGRATION_COURSE\"}")
                .collect(Collectors.joining("\n"));
        return http.send(HttpRequest.newBuilder(ingest.uri("/api/v1/events")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer local-demo-key").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI eventsUri() {
        return process.uri("/api/v1/events");
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
