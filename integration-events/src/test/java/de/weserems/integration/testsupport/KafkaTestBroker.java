package de.weserems.integration.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/**
 * The one real Kafka broker of a test JVM, shared by every integration test of the services.
 *
 * <p>Which broker runs is chosen by the system property {@code test.kafka}:
 * <ul>
 *   <li>{@code auto} (default): a Testcontainers Kafka ({@value #IMAGE}) when a Docker engine is
 *       reachable, otherwise the embedded KRaft broker from Apache Kafka's own jars;</li>
 *   <li>{@code embedded}: always the embedded broker;</li>
 *   <li>{@code testcontainers}: always the container (fails without Docker).</li>
 * </ul>
 * The tests only ever see {@link #bootstrapServers()}, so the same tests run against either.
 * The broker is started on first use and stopped when the JVM exits.
 */
public final class KafkaTestBroker {

    public static final String IMAGE = "apache/kafka:4.1.2";

    private static Running running;

    private KafkaTestBroker() {
    }

    /** Starts the broker on first call; {@code host:port} for clients. */
    public static synchronized String bootstrapServers() {
        if (running == null) {
            running = start(System.getProperty("test.kafka", "auto").toLowerCase(Locale.ROOT));
            Runtime.getRuntime().addShutdownHook(new Thread(running::shutdown, "kafka-test-broker-stop"));
        }
        return running.bootstrapServers();
    }

    /**
     * Points a Spring Boot test of a service at this broker, with a Kafka Streams state directory of its
     * own (for {@code @DynamicPropertySource}).
     */
    public static void register(DynamicPropertyRegistry registry) throws IOException {
        String stateDir = Files.createTempDirectory("streams-it").toString();
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
    }

    /** Which kind of broker runs: {@code embedded} or {@code testcontainers}. */
    public static synchronized String kind() {
        bootstrapServers();
        return running.kind();
    }

    /** The embedded broker, for tests that stop and restart it; {@code null} with Testcontainers. */
    public static synchronized EmbeddedKafkaKraftBroker embedded() {
        bootstrapServers();
        return running.embedded();
    }

    private static Running start(String choice) {
        boolean container = switch (choice) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalArgumentException(
                    "test.kafka must be auto, embedded or testcontainers, not " + choice);
        };
        if (container) {
            KafkaContainer kafka = new KafkaContainer(IMAGE);
            kafka.start();
            return new Running("testcontainers", kafka.getBootstrapServers(), null, kafka::stop);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                // one broker: Kafka's internal topics and exactly-once transactions need RF 1
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new Running("embedded", broker.getBrokersAsString(), broker, broker::destroy);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private record Running(String kind, String bootstrapServers, EmbeddedKafkaKraftBroker embedded, Runnable stopAction) {
        void shutdown() {
            try {
                stopAction.run();
            } catch (RuntimeException ignored) {
                // the JVM is exiting; nothing useful to do
            }
        }
    }

}
