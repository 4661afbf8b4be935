package de.weserems.integration.testsupport;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A service's packaged jar started as its own JVM, as in production, so a test can stop it with
 * SIGTERM ({@link #close()}) or crash it with SIGKILL ({@link #kill()}). Its output goes to a log
 * file under {@code target/}. The reactor packages each module before its integration tests run.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    /** The documented local operator login (profile {@code local}): health details and metrics. */
    private static final String OPERATOR = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("operator:operator".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts {@code jar} on a free port ({@code --server.port}) and a free management port with
     * {@code args} and waits until {@code /actuator/health/readiness} answers 200.
     */
    public static ServiceProcess start(String name, Path jar, List<String> args, Duration readyTimeout)
            throws Exception {
        return start(name, jar, List.of("-Xmx512m"), args, readyTimeout);
    }

    /** As {@link #start(String, Path, List, Duration)}, with the JVM's own options (e.g. a smaller heap). */
    public static ServiceProcess start(String name, Path jar, List<String> jvmOptions, List<String> args,
                                       Duration readyTimeout) throws Exception {
        return start(name, jar, jvmOptions, args, Map.of(), readyTimeout);
    }

    /**
     * As {@link #start(String, Path, List, List, Duration)}, with environment variables on top of this JVM's:
     * settings given the way a container gets them (e.g. from docker-compose.yml).
     */
    public static ServiceProcess start(String name, Path jar, List<String> jvmOptions, List<String> args,
                                       Map<String, String> environment, Duration readyTimeout) throws Exception {
        int port = freePort();
        int managementPort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + managementPort));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // a test that fails or times out must not leave the service running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stopper"));
        ServiceProcess service = new ServiceProcess(name, process, port, managementPort, log);
        service.awaitReady(readyTimeout);
        return service;
    }

    /**
     * The packaged exec jar of a module: the module's own ({@code target/}) or one the build copied into
     * {@code target/services/} (the end-to-end tests' module copies both services' jars there).
     */
    public static Path findJar(String module) throws IOException {
        for (Path dir : List.of(Path.of(System.getProperty("services.dir", "target/services")), Path.of("target"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    var jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                }
            }
        }
        throw new IllegalStateException("No " + module + "-*-exec.jar in target/services or target: run the tests "
                + "from the repository root with 'mvn verify', which packages the services first.");
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A path on the management port ({@code /actuator/...}); the service answers it only there. */
    public URI managementUri(String path) {
        return URI.create("http://localhost:" + managementPort + path);
    }

    /** {@code GET} of an actuator path on the management port, as the local operator (health details, metrics). */
    public HttpRequest.Builder asOperator(String path) {
        return HttpRequest.newBuilder(managementUri(path)).header("Authorization", OPERATOR);
    }

    @Override
    public String toString() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        try {
            awaitStatus("/actuator/health/readiness", 200, timeout);
        } catch (ConditionTimeoutException e) {
            // the first line is all a build summary shows: it names what was not up, the rest is the log's tail
            String why = "not ready within " + timeout + ": readiness answers " + answer("/actuator/health/readiness")
                    + ", health " + healthDetails();
            close();
            throw new IllegalStateException(name + " " + why + "; see " + log + "\n" + logTail(40), e);
        }
    }

    /** The health endpoint's answer as the operator sees it (which component is down, and why), shortened. */
    private String healthDetails() throws InterruptedException {
        try {
            String body = HTTP.send(asOperator("/actuator/health").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.length() > 1_500 ? body.substring(0, 1_500) + "…" : body;
        } catch (IOException noAnswer) {
            return "no answer: " + noAnswer;
        }
    }

    /** The last lines of the service's log, without the Kafka clients' reconnect warnings that drown them. */
    private String logTail(int lines) {
        try (Stream<String> all = Files.lines(log)) {
            List<String> kept = all.filter(line -> !line.contains("o.apache.kafka.clients.NetworkClient")
                    && !line.contains("org.apache.kafka.clients.NetworkClient")).toList();
            return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * Waits until {@code GET path} answers {@code status}; an {@code /actuator} path is asked on the
     * management port, as the local operator. No answer (not listening yet, or a request
     * timeout) counts as another answer, not as a failure; the wait fails at once if the process exits.
     *
     * @throws ConditionTimeoutException naming the last answer, if {@code status} does not come in time
     */
    public void awaitStatus(String path, int status, Duration timeout) {
        await().alias(name + ": GET " + path + " answers " + status)
                .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> answer(path), answer -> answer.equals(String.valueOf(status)));
    }

    /** The status code {@code GET path} answers, or why there was none. */
    private String answer(String path) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpRequest.Builder request = path.startsWith("/actuator") ? asOperator(path) : HttpRequest.newBuilder(uri(path));
            return String.valueOf(HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException noAnswer) {
            return "no answer: " + noAnswer;
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait for a graceful stop (SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
