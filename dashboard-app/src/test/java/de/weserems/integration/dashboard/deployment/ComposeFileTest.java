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
            "SPRING_KAFKA_STREAMS_REPLICATION_FACTOR");

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
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("INTERNAL://" + broker + ":29092");
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
