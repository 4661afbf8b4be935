package de.weserems.integration.dashboard.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged ingest-service jar, started as its own JVM like in production (profile {@code local}),
 * against the test broker. The reactor builds ingest-service before dashboard-app, so the jar is
 * there during {@code mvn verify}. Its output goes to {@code target/ingest-service-it.log}.
 */
final class IngestServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private IngestServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static IngestServiceProcess start(String bootstrapServers) throws Exception {
        Path jar = findJar();
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "ingest-service-it.log");
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--ingest.instance-id=it-" + ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.toHandle().onExit();
        IngestServiceProcess ingest = new IngestServiceProcess(process, port);
        ingest.awaitReady(Duration.ofSeconds(90), log);
        return ingest;
    }

    URI eventsUri() {
        return URI.create("http://localhost:" + port + "/api/v1/events");
    }

    private void awaitReady(Duration timeout, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ingest-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("ingest-service not ready within " + timeout + "; see " + log);
    }

    private static Path findJar() throws IOException {
        Path target = Path.of("..", "ingest-service", "target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().matches("ingest-service-.*-exec\\.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("No ingest-service/target/ingest-service-*-exec.jar: run the tests from the "
                + "repository root with 'mvn verify', which packages ingest-service first.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
