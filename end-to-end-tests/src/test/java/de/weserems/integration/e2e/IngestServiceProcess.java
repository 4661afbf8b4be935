package de.weserems.integration.e2e;

import de.weserems.integration.testsupport.ServiceProcess;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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

    URI eventsUri() {
        return process.uri("/api/v1/events");
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
