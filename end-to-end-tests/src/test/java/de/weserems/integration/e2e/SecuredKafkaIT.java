package de.weserems.integration.e2e;

import de.weserems.integration.dashboard.indicators.generation.RemoveGeneration;
import de.weserems.integration.testsupport.ReadApi;
import de.weserems.integration.testsupport.SecuredKafkaCluster;
import de.weserems.integration.testsupport.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services from their jars on a Kafka cluster secured as the compose deployment is (SASL/SCRAM, the
 * StandardAuthorizer, the ACLs of {@code deploy/kafka/acls}), each logging in as its own principal with
 * the Kafka settings of {@code docker-compose.yml}, taken from that file as a container gets them
 * (environment variables, the password as a file in a configtree directory): every client the services
 * build (producers, tails, admin, Kafka Streams) works with them, and an event posted to ingest shows up
 * in the dashboard's figures. The operator's {@code remove-generation} logs in with {@code --command-config}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SecuredKafkaIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Path ROOT = Path.of("..");
    private static SecuredKafkaCluster cluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void both_services_run_as_their_own_principals_and_an_event_reaches_the_dashboards_figures() throws Exception {
        cluster = SecuredKafkaCluster.start();
        Path secrets = Files.createTempDirectory("secured-kafka-secrets");
        for (String principal : List.of("ingest", "dashboard")) {
            String password = UUID.randomUUID().toString().replace("-", "");
            cluster.addScramUser(principal, password);
            // as `openssl rand -hex 32 > file` writes it: with a newline, which configtree drops
            Files.writeString(secrets.resolve("kafka_" + principal + "_password"), password + "\n");
        }
        cluster.applyAcls(ROOT.resolve("deploy/kafka/acls"));
        for (String log : List.of("secured-ingest", "secured-dashboard")) {
            Files.deleteIfExists(Path.of("target", log + ".log"));
        }

        try (ServiceProcess ingest = ServiceProcess.start("secured-ingest", ServiceProcess.findJar("ingest-service"),
                List.of("-Xmx512m"), List.of("--spring.profiles.active=local",
                        "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(), "--ingest.instance-id=secured-it"),
                kafkaLogin("ingest-1", secrets), READY_TIMEOUT);
             ServiceProcess dashboard = ServiceProcess.start("secured-dashboard", ServiceProcess.findJar("dashboard-app"),
                     List.of("-Xmx512m"), List.of("--spring.profiles.active=local",
                             "--spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                             "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("secured-it")),
                     kafkaLogin("dashboard-1", secrets), READY_TIMEOUT)) {
            assertThat(post(ingest, 7).statusCode()).isEqualTo(202);
            await().alias("the region's enrolments in the read API").atMost(Duration.ofSeconds(120))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> ReadApi.report(dashboard, YearMonth.now(), YearMonth.now()).at("/region/counts/enrolments"),
                            v -> v.isNumber() && v.asLong() == 7);
        }

        // no client of either service was refused anything: tails, markers, stores and the engine all logged in
        for (String log : List.of("secured-ingest", "secured-dashboard")) {
            assertThat(Files.readString(Path.of("target", log + ".log"))).as(log)
                    .doesNotContain("AuthorizationException").doesNotContain("AuthenticationException")
                    .doesNotContain("Lost the consumer");
        }

        // the operator's command, with the admin login in a file as for Kafka's own tools
        Path adminConfig = Files.createTempFile("admin", ".properties");
        StringBuilder properties = new StringBuilder();
        cluster.adminProperties().forEach((k, v) -> {
            if (!k.equals("bootstrap.servers")) {
                properties.append(k).append('=').append(v).append('\n');
            }
        });
        Files.writeString(adminConfig, properties);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RemoveGeneration.main(new String[]{RemoveGeneration.COMMAND, "--generation=v1",
                "--bootstrap-servers=" + cluster.bootstrapServers(), "--command-config=" + adminConfig},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /**
     * The Kafka login of a compose service, from docker-compose.yml: its {@code SPRING_CONFIG_IMPORT} and
     * {@code SPRING_KAFKA_*} security variables, with compose's {@code $$} unescaped and {@code /run/secrets/}
     * (where Docker mounts the secrets) replaced by {@code secrets}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> kafkaLogin(String service, Path secrets) throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                compose.get("services")).get(service)).get("environment");
        Map<String, String> login = new HashMap<>();
        env.forEach((key, value) -> {
            if (key.equals("SPRING_CONFIG_IMPORT") || key.startsWith("SPRING_KAFKA_SECURITY_")
                    || key.startsWith("SPRING_KAFKA_PROPERTIES_SASL_")) {
                login.put(key, String.valueOf(value).replace("$$", "$").replace("/run/secrets/", secrets + "/"));
            }
        });
        assertThat(login).containsKeys("SPRING_CONFIG_IMPORT", "SPRING_KAFKA_SECURITY_PROTOCOL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        return login;
    }

    private HttpResponse<String> post(ServiceProcess ingest, int n) throws Exception {
        return IngestServiceProcess.postEnrolments(http, ingest, n);
    }
}
