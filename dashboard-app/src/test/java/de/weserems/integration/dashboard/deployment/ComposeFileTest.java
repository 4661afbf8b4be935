package de.weserems.integration.dashboard.deployment;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks it against the services'
 * own configuration: image, ports, the variables each service really binds, and the Dockerfiles' jars.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String path) throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve(path)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) yaml("docker-compose.yml").get("services")).get(name);
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
    void kafka_is_the_pinned_apache_image_in_kraft_mode_with_single_broker_settings() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.2");
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) kafka.get("environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo(1);
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo(1);
        assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:29092");
    }

    @Test
    void each_service_publishes_the_port_it_listens_on() throws IOException {
        assertThat(ports("ingest-service")).containsExactly(
                property(yaml("ingest-service/src/main/resources/application.yml"), "server.port") + ":8081");
        assertThat(ports("dashboard-app")).containsExactly(
                property(yaml("dashboard-app/src/main/resources/application.yml"), "server.port") + ":8080");
    }

    @Test
    void every_variable_set_for_a_service_binds_to_a_property_it_declares() throws IOException {
        check("ingest-service", "ingest-service/src/main/resources/application.yml");
        check("dashboard-app", "dashboard-app/src/main/resources/application.yml");
    }

    @Test
    void services_reach_kafka_on_its_internal_listener() throws IOException {
        for (String name : List.of("ingest-service", "dashboard-app")) {
            assertThat(env(name).get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:29092");
            assertThat(env(name).get("SPRING_PROFILES_ACTIVE")).isEqualTo("local");
        }
    }

    @Test
    void each_dockerfile_copies_the_jar_the_build_produces() throws IOException {
        assertThat(Files.readString(ROOT.resolve("ingest-service/Dockerfile")))
                .contains("COPY target/ingest-service-*-exec.jar").contains("EXPOSE 8081");
        assertThat(Files.readString(ROOT.resolve("dashboard-app/Dockerfile")))
                .contains("COPY target/dashboard-app-*-exec.jar").contains("EXPOSE 8080");
    }

    private void check(String service, String applicationYml) throws IOException {
        List<String> properties = flatten("", yaml(applicationYml));
        for (String variable : env(service).keySet()) {
            if (variable.equals("SPRING_PROFILES_ACTIVE")) {
                continue;
            }
            // Spring Boot's relaxed binding of environment variables: dots and dashes become underscores
            // (or dashes are dropped), upper case
            boolean binds = properties.stream().anyMatch(p -> variable.equals(p.toUpperCase().replace('.', '_')
                    .replace('-', '_')) || variable.equals(p.toUpperCase().replace('.', '_').replace("-", "")));
            assertThat(binds).as("%s of %s binds to a property declared in %s", variable, service, applicationYml)
                    .isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> flatten(String prefix, Map<String, Object> map) {
        List<String> paths = new java.util.ArrayList<>();
        map.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            paths.add(path);
            if (value instanceof Map<?, ?> child) {
                paths.addAll(flatten(path, (Map<String, Object>) child));
            }
        });
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(String service) throws IOException {
        return (Map<String, Object>) service(service).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String service) throws IOException {
        return (List<String>) service(service).get("ports");
    }
}
