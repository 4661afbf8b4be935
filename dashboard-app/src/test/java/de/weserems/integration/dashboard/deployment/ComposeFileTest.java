package de.weserems.integration.dashboard.deployment;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (the cluster deployment) cannot run here: there is no Docker engine. This
 * checks it, and the nginx configuration it mounts, against the services' own configuration: the
 * KRaft quorum, replication settings, that every variable binds to a property the service has,
 * ports, sticky sessions and the push WebSocket, TLS at the proxy, the images' build from source and
 * health checks (run here against a stand-in probe), conditions on every dependency, grace periods,
 * and the operator's Prometheus and Grafana.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final List<String> INGESTS = List.of("ingest-1", "ingest-2");
    private static final List<String> DASHBOARDS = List.of("dashboard-1", "dashboard-2");
    /** The services' HTTP ports (behind the proxy) and management ports (actuator; Prometheus and health checks only). */
    private static final Map<String, Integer> APP_PORTS = Map.of("ingest-service", 8081, "dashboard-app", 8080);
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("ingest-service", 9081, "dashboard-app", 9080);
    /** Spring Boot's own properties, not declared in the services' application.yml. */
    private static final Set<String> BOOT_VARIABLES = Set.of("SPRING_CONFIG_ADDITIONAL_LOCATION",
            "SPRING_KAFKA_STREAMS_REPLICATION_FACTOR", "SPRING_CONFIG_IMPORT", "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
    private static final List<String> KAFKA_SECRETS = List.of("kafka_admin_password", "kafka_ingest_password",
            "kafka_dashboard_password");

    /** Spring Boot's OIDC client registration: set only in the deployment, so not in application.yml. */
    private static final String OIDC_CLIENT = "SPRING_SECURITY_OAUTH2_CLIENT_";

    private static Map<String, Object> yaml(String path) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(path)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml("docker-compose.yml").get("services");
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(String service) throws IOException {
        return (Map<String, Object>) service(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Object property(Map<String, Object> yml, String dotted) {
        Object node = yml;
        for (String part : dotted.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            node = ((Map<String, Object>) map).get(part);
        }
        return node;
    }

    @Test
    void three_kraft_brokers_form_one_quorum_with_replication_3_and_min_isr_2() throws IOException {
        Set<Object> ids = new HashSet<>();
        Set<Object> clusters = new HashSet<>();
        for (String broker : BROKERS) {
            assertThat(service(broker).get("image")).isEqualTo("apache/kafka:4.1.2");
            Map<String, Object> env = env(broker);
            ids.add(env.get("KAFKA_NODE_ID"));
            clusters.add(env.get("CLUSTER_ID"));
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")))
                    .contains(env.get("KAFKA_NODE_ID") + "@" + broker + ":9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS"))
                    .isEqualTo("CLIENT://" + broker + ":29092,BROKER://" + broker + ":19092");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
            assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo(2);
            assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        }
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(clusters).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void both_services_declare_their_topics_with_the_clusters_replication() throws IOException {
        Set<Object> partitions = new HashSet<>();
        for (String ingest : INGESTS) {
            Map<String, Object> env = env(ingest);
            assertThat(env.get("INGEST_KAFKA_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("INGEST_KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
            partitions.add(env.get("INGEST_KAFKA_PARTITIONS"));
        }
        for (String dashboard : DASHBOARDS) {
            Map<String, Object> env = env(dashboard);
            assertThat(env.get("DASHBOARD_KAFKA_REPLICATION_FACTOR")).isEqualTo(3);
            assertThat(env.get("DASHBOARD_KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
            assertThat(env.get("SPRING_KAFKA_STREAMS_REPLICATION_FACTOR")).isEqualTo(3);
            partitions.add(env.get("DASHBOARD_KAFKA_PARTITIONS"));
        }
        // both services may create integration.events.v1 first: they must create it alike
        assertThat(partitions).hasSize(1);
        // the engine's internal topics: written to 2 of their 3 replicas too (Spring's [bracket] map key)
        assertThat((Map<Object, Object>) property(yaml("deploy/dashboard.example.yml"), "spring.kafka.streams.properties"))
                .containsEntry("[topic.min.insync.replicas]", 2);
    }

    @Test
    void every_instance_reaches_all_brokers_has_no_local_profile_and_a_unique_id() throws IOException {
        Set<Object> instanceIds = new HashSet<>();
        for (String name : concat(INGESTS, DASHBOARDS)) {
            Map<String, Object> env = env(name);
            assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-1:29092,kafka-2:29092,kafka-3:29092");
            assertThat(env).doesNotContainKey("SPRING_PROFILES_ACTIVE");
        }
        for (String ingest : INGESTS) {
            instanceIds.add(env(ingest).get("INGEST_INSTANCE_ID"));
            assertThat(String.valueOf(env(ingest).get("INGEST_PSEUDONYMISATION_SECRET")))
                    .startsWith("${INGEST_PSEUDONYMISATION_SECRET:?");
        }
        assertThat(instanceIds).hasSize(INGESTS.size());
        for (String dashboard : DASHBOARDS) {
            assertThat(String.valueOf(env(dashboard).get("DASHBOARD_CONFIDENTIALITY_RECORD_KEY_SECRET")))
                    .startsWith("${DASHBOARD_CONFIDENTIALITY_RECORD_KEY_SECRET:?");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafka_needs_a_login_on_every_listener_and_allows_only_what_the_acl_file_grants() throws IOException {
        for (String broker : BROKERS) {
            Map<String, Object> env = env(broker);
            assertThat(String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(","))
                    .containsExactlyInAnyOrder("CLIENT:SASL_PLAINTEXT", "BROKER:SASL_PLAINTEXT", "CONTROLLER:SASL_PLAINTEXT");
            assertThat(env.get("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("KAFKA_AUTHORIZER_CLASS_NAME"))
                    .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            assertThat(env.get("KAFKA_SUPER_USERS")).isEqualTo("User:admin");
            assertThat(env.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
            // the image drops variables whose value holds '=' (every JAAS line): broker.sh writes them
            assertThat(env.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("="));
            assertThat((List<String>) service(broker).get("entrypoint")).contains("/opt/deploy/kafka/broker.sh");
            assertThat((List<String>) service(broker).get("secrets")).containsExactly("kafka_admin_password");
            assertThat(String.valueOf(((Map<String, Object>) service(broker).get("healthcheck")).get("test")))
                    .contains("--bootstrap-server localhost:19092 --command-config /tmp/admin.properties");
        }
        assertThat(Files.readString(ROOT.resolve("deploy/kafka/broker.sh"))).contains("/tmp/admin.properties")
                .contains("/mnt/shared/config/server.properties").contains("exec /etc/kafka/docker/run");

        Map<String, Object> init = service("kafka-init");
        assertThat(init.get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat((List<String>) init.get("secrets")).containsExactlyInAnyOrderElementsOf(KAFKA_SECRETS);
        assertThat((Map<String, Object>) init.get("depends_on")).containsOnlyKeys(BROKERS)
                .allSatisfy((name, condition) -> assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
        assertThat(Files.readString(ROOT.resolve("deploy/kafka/init.sh"))).contains("/opt/deploy/kafka/acls")
                .contains("SCRAM-SHA-512=[iterations=8192,password=");

        Map<String, Object> secrets = (Map<String, Object>) yaml("docker-compose.yml").get("secrets");
        assertThat(secrets).containsKeys(KAFKA_SECRETS.toArray(String[]::new));
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains("deploy/secrets/");

        String acls = Files.readString(ROOT.resolve("deploy/kafka/acls"));
        for (String name : concat(INGESTS, DASHBOARDS)) {
            String principal = name.startsWith("ingest") ? "ingest" : "dashboard";
            Map<String, Object> env = env(name);
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("SPRING_CONFIG_IMPORT")).isEqualTo("optional:configtree:/run/secrets/");
            // $$ is compose's escape: Spring sees ${kafka_<principal>_password}, the secret's file name
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEqualTo(
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                            + "\" password=\"$${kafka_" + principal + "_password}\";");
            assertThat((List<String>) service(name).get("secrets")).contains("kafka_" + principal + "_password");
            assertThat(((Map<String, Object>) service(name).get("depends_on")).get("kafka-init"))
                    .isEqualTo(Map.of("condition", "service_completed_successfully"));
            assertThat(acls).contains("--allow-principal User:" + principal + " ");
        }
    }

    @Test
    void every_variable_and_every_example_setting_binds_to_a_property_the_service_has() throws IOException {
        List<String> ingestProperties = flatten("", yaml("ingest-service/src/main/resources/application.yml"));
        List<String> dashboardProperties = flatten("", yaml("dashboard-app/src/main/resources/application.yml"));
        INGESTS.forEach(s -> check(s, ingestProperties));
        DASHBOARDS.forEach(s -> check(s, dashboardProperties));
        assertThat(ingestProperties).contains("ingest.providers");
        assertThat(property(yaml("deploy/ingest.example.yml"), "ingest.providers")).isInstanceOf(List.class);
        assertThat(dashboardProperties).contains("dashboard.users");
        assertThat(property(yaml("deploy/dashboard.example.yml"), "dashboard.users")).isInstanceOf(List.class);
    }

    /**
     * The upload page of every dashboard reaches ingest with the service key: a Docker secret read as a
     * property (configtree), a base URL that names every ingest instance, and in ingest the client whose hash
     * that key must match.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_dashboards_reach_ingest_by_the_shared_name_with_the_service_key_from_a_secret() throws IOException {
        Object ingestPort = property(yaml("ingest-service/src/main/resources/application.yml"), "server.port");
        List<String> dashboardProperties = flatten("", yaml("dashboard-app/src/main/resources/application.yml"));
        assertThat(dashboardProperties).contains("dashboard.ingest.base-url", "dashboard.ingest.service-key");
        for (String name : DASHBOARDS) {
            Map<String, Object> env = env(name);
            assertThat(env.get("DASHBOARD_INGEST_BASE_URL")).isEqualTo("http://ingest:" + ingestPort);
            // $$ is compose's escape: Spring sees ${dashboard_ingest_service_key}, the secret's file name
            assertThat(env.get("DASHBOARD_INGEST_SERVICE_KEY")).isEqualTo("$${dashboard_ingest_service_key}");
            assertThat(env.get("SPRING_CONFIG_IMPORT")).isEqualTo("optional:configtree:/run/secrets/");
            assertThat((List<String>) service(name).get("secrets")).contains("dashboard_ingest_service_key");
        }
        for (String name : INGESTS) {
            Map<String, Object> networks = (Map<String, Object>) service(name).get("networks");
            assertThat((List<String>) ((Map<String, Object>) networks.get("default")).get("aliases"))
                    .as("%s answers to the name the dashboards use", name).contains("ingest");
            assertThat((List<String>) service(name).get("secrets")).doesNotContain("dashboard_ingest_service_key");
        }
        Map<String, Object> secrets = (Map<String, Object>) yaml("docker-compose.yml").get("secrets");
        assertThat((Map<String, Object>) secrets.get("dashboard_ingest_service_key"))
                .containsEntry("file", "./deploy/secrets/dashboard_ingest_service_key");
        assertThat(Files.readString(ROOT.resolve("deploy/secrets/README.md"))).contains("| `dashboard_ingest_service_key` |");
        List<Map<String, Object>> clients =
                (List<Map<String, Object>>) property(yaml("deploy/ingest.example.yml"), "ingest.service-clients");
        assertThat(clients).singleElement().satisfies(c -> {
            assertThat(c.get("name")).isEqualTo("dashboard");
            assertThat(String.valueOf(c.get("key-hash"))).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void the_proxy_balances_ingest_and_keeps_each_dashboard_session_on_one_instance_with_its_websocket()
            throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        Object ingestPort = property(yaml("ingest-service/src/main/resources/application.yml"), "server.port");
        Object dashboardPort = property(yaml("dashboard-app/src/main/resources/application.yml"), "server.port");
        assertThat(upstream(nginx, "ingest")).containsExactly("server ingest-1:" + ingestPort + ";",
                "server ingest-2:" + ingestPort + ";");
        assertThat(upstream(nginx, "dashboard")).containsExactly("ip_hash;",
                "server dashboard-1:" + dashboardPort + ";", "server dashboard-2:" + dashboardPort + ";");
        assertThat(nginx).contains("proxy_set_header Upgrade $http_upgrade;")
                .contains("proxy_set_header Connection $connection_upgrade;")
                .contains("proxy_set_header Host $http_host;")
                .contains("client_max_body_size 11m;");
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service("proxy").get("ports");
        assertThat(ports).containsExactlyInAnyOrder(dashboardPort + ":8080", ingestPort + ":8081");
        assertThat(nginx).contains("listen 8080 ssl;").contains("listen 8081 ssl;");
        // only the proxy is reachable from outside
        for (String name : concat(concat(INGESTS, DASHBOARDS), BROKERS)) {
            assertThat(service(name)).doesNotContainKey("ports");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_image_builds_its_jar_from_source_and_runs_it_on_the_jre_as_a_non_root_user() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).contains(".git", ".local", "**/target");
        List<String> reactor = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")))
                .results().map(r -> r.group(1)).toList();
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList()).containsExactly(
                "FROM maven:3.9-eclipse-temurin-25 AS build",
                "FROM eclipse-temurin:25-jre AS runtime",
                "FROM runtime AS ingest-service",
                "FROM runtime AS dashboard-app");
        // the services run as a user of their own, never as root
        assertThat(stage(dockerfile, "runtime")).contains("RUN useradd --system --uid 10001 app");
        String build = stage(dockerfile, "build");
        assertThat(build).contains("mvn -B -q -pl ingest-service,dashboard-app -am package -DskipTests")
                .contains("COPY integration-events/src ");
        // Maven reads every module of the reactor, even those it does not build
        for (String m : reactor) {
            assertThat(build).contains("COPY " + m + "/pom.xml " + m + "/");
        }
        // every source the build stage copies is in the repository and not left out of the context
        Matcher copy = Pattern.compile("(?m)^COPY (?!--)(\\S+) ").matcher(build);
        while (copy.find()) {
            String source = copy.group(1);
            assertThat(ROOT.resolve(source)).as("copies " + source).exists();
            assertThat(ignored).as("copies " + source).doesNotContain(source.split("/")[0]);
        }
        for (String module : List.of("ingest-service", "dashboard-app")) {
            assertThat(build).contains("COPY " + module + "/src ")
                    .contains("cp " + module + "/target/" + module + "-*-exec.jar /src/" + module + ".jar");
            assertThat(stage(dockerfile, module)).as(module)
                    .contains("COPY --from=build /src/" + module + ".jar /app/app.jar")
                    .contains("USER app")
                    .contains("EXPOSE " + APP_PORTS.get(module) + " " + MANAGEMENT_PORTS.get(module));
            List<String> instances = module.equals("ingest-service") ? INGESTS : DASHBOARDS;
            for (String instance : instances) {
                assertThat((Map<String, Object>) service(instance).get("build")).as(instance)
                        .containsEntry("context", ".").containsEntry("target", module);
            }
        }
        // the dashboard's frontend is the committed bundle: the image build needs no Node
        assertThat(ROOT.resolve("dashboard-app/src/main/bundles/prod.bundle")).isRegularFile();
        // every image by its Docker Hub name: the repository names no registry host
        Map<String, Object> services = (Map<String, Object>) yaml("docker-compose.yml").get("services");
        services.forEach((name, s) -> {
            Object image = ((Map<String, Object>) s).get("image");
            if (image != null) {
                String[] parts = image.toString().split("/");
                assertThat(parts.length == 1 || !parts[0].contains(".") && !parts[0].contains(":")).as(name + ": " + image)
                        .isTrue();
            }
        });
    }

    @Test
    void each_health_check_asks_readiness_on_the_management_port_with_what_the_jre_image_has() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        // both service stages inherit the health check of the shared runtime stage
        Matcher m = Pattern.compile("HEALTHCHECK [^\\n]*\\\\\\n\\s*CMD (\\[.*])").matcher(stage(dockerfile, "runtime"));
        assertThat(m.find()).as("the runtime stage has a HEALTHCHECK in exec form").isTrue();
        List<String> command = new Yaml().load(m.group(1));
        // the eclipse-temurin JRE image (Ubuntu) has bash, but no wget
        assertThat(command.subList(0, 2)).containsExactly("bash", "-c");
        String script = command.get(2);
        assertThat(script).contains("/dev/tcp/127.0.0.1/${MANAGEMENT_PORT}")
                .contains("GET /actuator/health/readiness HTTP/1.0").doesNotContain("wget").doesNotContain("curl");
        for (String module : List.of("ingest-service", "dashboard-app")) {
            assertThat(dockerfile).contains("FROM runtime AS " + module);
            assertThat(stage(dockerfile, module)).contains("ENV MANAGEMENT_PORT=" + MANAGEMENT_PORTS.get(module));
        }
        // run it as Docker would, against a stand-in for the probe: 200 passes, 503 and no answer fail
        AtomicInteger status = new AtomicInteger(200);
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer probe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        probe.createContext("/", exchange -> {
            asked.set(exchange.getRequestURI().getPath());
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        probe.start();
        int port = probe.getAddress().getPort();
        try {
            assertThat(run(script, port)).as("readiness UP").isZero();
            assertThat(asked.get()).isEqualTo("/actuator/health/readiness");
            status.set(503);
            assertThat(run(script, port)).as("readiness DOWN").isNotZero();
        } finally {
            probe.stop(0);
        }
        assertThat(run(script, port)).as("nothing listening").isNotZero();
    }

    /** Runs a health check's bash script with the management port in its environment, as the image sets it. */
    private static int run(String bashScript, int managementPort) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", bashScript).redirectErrorStream(true);
        builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the health check ends").isTrue();
        return process.exitValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_dependency_waits_for_a_condition_and_the_proxy_for_healthy_instances() throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml("docker-compose.yml").get("services");
        services.forEach((name, s) -> {
            Object dependencies = ((Map<String, Object>) s).get("depends_on");
            if (dependencies == null) {
                return;
            }
            assertThat(dependencies).as(name + " depends_on with conditions, not a list").isInstanceOf(Map.class);
            ((Map<String, Object>) dependencies).forEach((dependency, how) -> {
                assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                Object condition = ((Map<String, Object>) how).get("condition");
                assertThat(condition).as(name + " -> " + dependency).isIn("service_started", "service_healthy",
                        "service_completed_successfully");
                // service_healthy needs a health check: in the compose file, or in the service's image
                if ("service_healthy".equals(condition)) {
                    Map<String, Object> target = (Map<String, Object>) services.get(dependency);
                    boolean checked = target.containsKey("healthcheck") || target.get("build") instanceof Map<?, ?> build
                            && imageHasHealthCheck(String.valueOf(build.get("target")));
                    assertThat(checked).as(dependency + " has a health check").isTrue();
                }
            });
        });
        Map<String, Object> proxy = (Map<String, Object>) service("proxy").get("depends_on");
        assertThat(proxy.keySet()).containsExactlyInAnyOrderElementsOf(concat(INGESTS, DASHBOARDS));
        proxy.values().forEach(how -> assertThat((Map<String, Object>) how).containsEntry("condition", "service_healthy"));
    }

    /** Whether the Dockerfile's stage, or a stage it is built on, has a HEALTHCHECK. */
    private static boolean imageHasHealthCheck(String target) {
        try {
            String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
            Matcher from = Pattern.compile("(?m)^FROM (\\S+) AS " + Pattern.quote(target) + "$").matcher(dockerfile);
            return from.find() && (stage(dockerfile, target).contains("\nHEALTHCHECK ") || imageHasHealthCheck(from.group(1)));
        } catch (IOException e) {
            return false;
        }
    }

    /** The lines of the Dockerfile's stage {@code FROM … AS name}, up to the next {@code FROM}. */
    private static String stage(String dockerfile, String name) {
        Matcher m = Pattern.compile("(?ms)^FROM \\S+ AS " + Pattern.quote(name) + "$(.*?)(?=^FROM |\\z)").matcher(dockerfile);
        assertThat(m.find()).as("stage " + name).isTrue();
        return m.group(1);
    }

    @Test
    void each_instance_gets_longer_to_stop_than_two_of_springs_shutdown_phases() throws IOException {
        for (String module : List.of("ingest-service", "dashboard-app")) {
            Map<String, Object> config = yaml(module + "/src/main/resources/application.yml");
            assertThat(property(config, "server.shutdown")).as(module).isEqualTo("graceful");
            Duration phase = seconds(property(config, "spring.lifecycle.timeout-per-shutdown-phase"));
            for (String instance : module.equals("ingest-service") ? INGESTS : DASHBOARDS) {
                // the web server's drain and the Kafka clients' close are two phases, each up to the timeout
                assertThat(seconds(service(instance).get("stop_grace_period"))).as(instance)
                        .isGreaterThan(phase.multipliedBy(2));
            }
        }
    }

    /** A compose or Spring duration in seconds or minutes ({@code 45s}, {@code 1m}). */
    private static Duration seconds(Object value) {
        Matcher m = Pattern.compile("(\\d+)(s|m)").matcher(String.valueOf(value));
        assertThat(m.matches()).as("a duration like 45s: " + value).isTrue();
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_proxy_speaks_only_tls_redirects_plain_http_and_never_forwards_a_management_port() throws IOException {
        String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
        List<String> listens = directives(nginx, "listen");
        assertThat(listens).isNotEmpty().allMatch(l -> l.endsWith(" ssl"));
        // a plain HTTP request on a TLS port (nginx's 497) goes to https on the same port, in every server
        assertThat(directives(nginx, "error_page")).hasSize(listens.size())
                .allMatch(e -> e.equals("497 =308 https://$host:$server_port$request_uri"));
        assertThat(directives(nginx, "ssl_certificate")).containsExactly("/etc/nginx/tls/tls.crt");
        assertThat(directives(nginx, "ssl_certificate_key")).containsExactly("/etc/nginx/tls/tls.key");
        assertThat(directives(nginx, "ssl_protocols")).containsExactly("TLSv1.2 TLSv1.3");
        assertThat((List<String>) service("proxy").get("volumes")).contains("./deploy/tls:/etc/nginx/tls:ro");
        // the certificate's key is never in the repository; how to make one is
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("deploy/tls/*");
        assertThat(Files.readString(ROOT.resolve("deploy/tls/README.md"))).contains("openssl req -x509")
                .contains("deploy/tls/tls.key").contains("deploy/tls/tls.crt");
        // every location tells the service the scheme the browser used (Secure cookies, links)
        long locations = directives(nginx, "proxy_pass").size();
        assertThat(directives(nginx, "proxy_set_header").stream().filter(h -> h.equals("X-Forwarded-Proto $scheme")))
                .hasSize((int) locations);
        for (int port : MANAGEMENT_PORTS.values()) {
            assertThat(nginx).doesNotContain(":" + port);
            assertThat((List<String>) service("proxy").get("ports")).noneMatch(p -> p.contains(String.valueOf(port)));
        }
    }

    /** The arguments of every {@code name ...;} directive in an nginx configuration. */
    private static List<String> directives(String nginx, String name) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s+([^;]*);").matcher(nginx).results()
                .map(r -> r.group(1).strip()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheus_scrapes_each_management_port_with_the_operator_login_and_grafana_shows_it() throws IOException {
        Map<String, Object> prometheus = yaml("deploy/prometheus/prometheus.yml");
        Map<String, List<String>> targets = new HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat((Map<String, Object>) job.get("basic_auth")).containsEntry("username", "prometheus")
                    .containsEntry("password_file", "/run/secrets/prometheus_password");
            List<String> jobTargets = new ArrayList<>();
            ((List<Map<String, Object>>) job.get("static_configs")).forEach(c -> jobTargets.addAll((List<String>) c.get("targets")));
            targets.put((String) job.get("job_name"), jobTargets);
        }
        assertThat(targets).containsOnlyKeys("ingest-service", "dashboard-app");
        assertThat(targets.get("ingest-service")).containsExactlyInAnyOrderElementsOf(
                INGESTS.stream().map(i -> i + ":" + MANAGEMENT_PORTS.get("ingest-service")).toList());
        assertThat(targets.get("dashboard-app")).containsExactlyInAnyOrderElementsOf(
                DASHBOARDS.stream().map(d -> d + ":" + MANAGEMENT_PORTS.get("dashboard-app")).toList());
        assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");

        Map<String, Object> service = service("prometheus");
        assertThat((List<String>) service.get("volumes")).contains(
                "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat((List<String>) service.get("command")).contains("--config.file=/etc/prometheus/prometheus.yml");
        assertThat((List<String>) service.get("secrets")).contains("prometheus_password");
        Map<String, Object> secrets = (Map<String, Object>) yaml("docker-compose.yml").get("secrets");
        assertThat((Map<String, Object>) secrets.get("prometheus_password")).containsKey("file");
        // the operator's tools are no public service: only on the host's loopback
        assertThat((List<String>) service.get("ports")).allMatch(p -> p.startsWith("127.0.0.1:"));
        assertThat((List<String>) service("grafana").get("ports")).allMatch(p -> p.startsWith("127.0.0.1:"));

        // Grafana: the data source is this Prometheus, the dashboards folder is the one mounted
        List<String> grafana = (List<String>) service("grafana").get("volumes");
        assertThat(grafana).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/grafana/dashboards:/etc/grafana/dashboards:ro");
        Map<String, Object> source = ((List<Map<String, Object>>) yaml(
                "deploy/grafana/provisioning/datasources/prometheus.yml").get("datasources")).getFirst();
        assertThat(source).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        Map<String, Object> provider = ((List<Map<String, Object>>) yaml(
                "deploy/grafana/provisioning/dashboards/integrationsmonitor.yml").get("providers")).getFirst();
        assertThat(property(provider, "options.path")).isEqualTo("/etc/grafana/dashboards");
        // every panel of the dashboard asks the provisioned data source
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/integrationsmonitor.json"));
        List<String> uids = Pattern.compile("\"uid\": \"([^\"]+)\"").matcher(dashboard).results().map(r -> r.group(1))
                .filter(uid -> !uid.equals("integrationsmonitor")).distinct().toList();
        assertThat(uids).containsExactly(String.valueOf(source.get("uid")));
    }

    @Test
    void outside_local_both_services_log_json_lines_and_local_keeps_plain_text() throws IOException {
        for (String module : List.of("ingest-service", "dashboard-app")) {
            assertThat(property(yaml(module + "/src/main/resources/application.yml"), "logging.structured.format.console"))
                    .as(module).isEqualTo("ecs");
            assertThat(property(yaml(module + "/src/main/resources/application-local.yml"),
                    "logging.structured.format.console")).as(module + " with profile local").isEqualTo("");
        }
    }

    /**
     * Keycloak for the organisation accounts: a pinned image named without a registry host, the realm
     * imported from the repository, a health check the dashboards wait for, and the dashboard's client
     * registration (client id, redirect URI, issuer, secret) the same as the realm's client.
     */
    @Test
    @SuppressWarnings("unchecked")
    void keycloak_holds_the_dashboards_client_as_the_dashboards_configure_it() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).matches("keycloak/keycloak:\\d+\\.\\d+(\\.\\d+)?");
        assertThat((List<String>) keycloak.get("command")).contains("--import-realm", "--health-enabled=true");
        assertThat((List<String>) keycloak.get("volumes")).contains("./deploy/keycloak:/opt/keycloak/data/import:ro");
        assertThat((Map<String, Object>) keycloak.get("healthcheck")).containsKeys("test", "interval", "retries");
        assertThat(String.join(" ", (List<String>) ((Map<String, Object>) keycloak.get("healthcheck")).get("test")))
                .contains("/health/ready").doesNotContain("curl").doesNotContain("wget");

        Map<String, Object> realm = new Yaml().load(Files.readString(ROOT.resolve("deploy/keycloak/realm-weser-ems.json")));
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        Map<String, Object> realmEnv = (Map<String, Object>) keycloak.get("environment");
        String keycloakUrl = defaultOf(String.valueOf(keycloak.get("command")), "KEYCLOAK_URL");
        for (String dashboard : DASHBOARDS) {
            assertThat((Map<String, Object>) service(dashboard).get("depends_on")).containsEntry("keycloak",
                    Map.of("condition", "service_healthy"));
            Map<String, Object> env = env(dashboard);
            Object clientId = env.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OIDC_CLIENT_ID");
            Map<String, Object> client = clients.stream().filter(c -> c.get("clientId").equals(clientId))
                    .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId + " in the realm"));
            assertThat(client.get("publicClient")).isEqualTo(false);
            assertThat(client.get("standardFlowEnabled")).isEqualTo(true);
            // the realm's placeholders are Keycloak's environment, which compose fills like the dashboard's
            String redirect = String.valueOf(env.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OIDC_REDIRECT_URI"));
            String dashboardUrl = String.valueOf(realmEnv.get("DASHBOARD_URL"));
            assertThat(redirect).isEqualTo(dashboardUrl + "/login/oauth2/code/oidc");
            assertThat((List<String>) client.get("redirectUris")).containsExactly("${DASHBOARD_URL}/login/oauth2/code/oidc");
            assertThat(client.get("secret")).isEqualTo("${DASHBOARD_OIDC_CLIENT_SECRET}");
            assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_OIDC_CLIENT_SECRET"))
                    .isEqualTo(realmEnv.get("DASHBOARD_OIDC_CLIENT_SECRET"));
            assertThat(env.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_OIDC_ISSUER_URI"))
                    .isEqualTo("${KEYCLOAK_URL:-" + keycloakUrl + "}/realms/" + realm.get("realm"));
            // the claims the dashboard reads are the ones the realm's mappers write
            List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.get("protocolMappers");
            assertThat(mappers).extracting(m -> ((Map<String, Object>) m.get("config")).get("claim.name"))
                    .contains(env.get("DASHBOARD_OIDC_ROLES_CLAIM"), env.get("DASHBOARD_OIDC_PROVIDER_ID_CLAIM"));
        }
        assertThat(((Map<String, List<Map<String, Object>>>) realm.get("roles")).get("realm"))
                .extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("VIEWER", "ADMIN", "STATISTICS", "OPERATOR", "PROVIDER");
        // no registry host in the repository: images by their Docker Hub names only
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml"))).doesNotContain("quay.io");
    }

    /** The default of {@code ${name:-default}} in {@code text}. */
    private static String defaultOf(String text, String name) {
        Matcher m = Pattern.compile("\\$\\{" + name + ":-([^}]+)}").matcher(text);
        assertThat(m.find()).as("a default for " + name).isTrue();
        return m.group(1);
    }

    /** The lines inside {@code upstream name { ... }}. */
    private static List<String> upstream(String nginx, String name) {
        Matcher m = Pattern.compile("upstream " + name + " \\{([^}]*)}").matcher(nginx);
        assertThat(m.find()).as("upstream " + name).isTrue();
        return m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private void check(String service, List<String> properties) {
        try {
            for (String variable : env(service).keySet()) {
                if (BOOT_VARIABLES.contains(variable) || variable.startsWith(OIDC_CLIENT)) {
                    continue;
                }
                // Spring Boot's relaxed binding: dots and dashes become underscores, upper case
                boolean binds = properties.stream().anyMatch(p -> variable.equals(p.toUpperCase().replace('.', '_')
                        .replace('-', '_')) || variable.equals(p.toUpperCase().replace('.', '_').replace("-", "")));
                assertThat(binds).as("%s of %s binds to a declared property", variable, service).isTrue();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> flatten(String prefix, Map<String, Object> map) {
        List<String> paths = new ArrayList<>();
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            paths.add(path);
            if (value instanceof Map<?, ?> child) {
                paths.addAll(flatten(path, (Map<String, Object>) child));
            }
        });
        return paths;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
