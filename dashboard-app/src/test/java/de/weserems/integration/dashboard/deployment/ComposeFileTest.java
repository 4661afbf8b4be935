package de.weserems.integration.dashboard.deployment;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (the cluster deployment) cannot run here: there is no Docker engine. This
 * checks it, and the nginx configuration it mounts, against the services' own configuration: the
 * KRaft quorum, replication settings, that every variable binds to a property the service has,
 * ports, sticky sessions and the push WebSocket, and the Dockerfiles' jars.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final List<String> INGESTS = List.of("ingest-1", "ingest-2");
    private static final List<String> DASHBOARDS = List.of("dashboard-1", "dashboard-2");
    /** Spring Boot's own properties, not declared in the services' application.yml. */
    private static final Set<String> BOOT_VARIABLES = Set.of("SPRING_CONFIG_ADDITIONAL_LOCATION",
            "SPRING_KAFKA_STREAMS_REPLICATION_FACTOR", "SPRING_CONFIG_IMPORT", "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
    private static final List<String> KAFKA_SECRETS = List.of("kafka_admin_password", "kafka_ingest_password",
            "kafka_dashboard_password");

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
            assertThat((List<String>) service(name).get("secrets")).containsExactly("kafka_" + principal + "_password");
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
        assertThat(nginx).contains("listen 8080;").contains("listen 8081;");
        // only the proxy is reachable from outside
        for (String name : concat(concat(INGESTS, DASHBOARDS), BROKERS)) {
            assertThat(service(name)).doesNotContainKey("ports");
        }
    }

    @Test
    void each_dockerfile_copies_the_jar_the_build_produces() throws IOException {
        assertThat(Files.readString(ROOT.resolve("ingest-service/Dockerfile")))
                .contains("COPY target/ingest-service-*-exec.jar").contains("EXPOSE 8081");
        assertThat(Files.readString(ROOT.resolve("dashboard-app/Dockerfile")))
                .contains("COPY target/dashboard-app-*-exec.jar").contains("EXPOSE 8080");
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
                if (BOOT_VARIABLES.contains(variable)) {
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
