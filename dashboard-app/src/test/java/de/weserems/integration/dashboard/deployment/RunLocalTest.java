package de.weserems.integration.dashboard.deployment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./run-local} binds every listener to 127.0.0.1: its local logins and its plain broker are documented,
 * so nothing else on the network may reach them. Starting the whole run is too heavy for a unit test; this runs
 * run-local's own functions in bash with {@code java} replaced by a recorder: what the services would be started
 * with, the broker configuration it writes, and the ports it checks before a start.
 */
class RunLocalTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void both_services_and_their_management_ports_and_the_broker_bind_to_loopback_only(@TempDir Path dir)
            throws Exception {
        String script = """
                set -euo pipefail
                DIR="$1"
                source "$DIR/run-local-functions"
                STATE="$DIR/state"; LOGS="$DIR/logs"; KAFKA_DATA="$DIR/kafka/data"; KAFKA_CONFIG="$DIR/kafka/server.properties"
                mkdir -p "$LOGS" "$STATE"
                info() { :; }
                started() { :; }
                wait_ready() { echo "ready $1 $3" >>"$DIR/ready.txt"; }
                java() { echo "SERVER_ADDRESS=${SERVER_ADDRESS:-} SERVER_PORT=${SERVER_PORT:-} MANAGEMENT_SERVER_ADDRESS=${MANAGEMENT_SERVER_ADDRESS:-} MANAGEMENT_SERVER_PORT=${MANAGEMENT_SERVER_PORT:-} $*"; }
                start_services
                wait
                write_kafka_config
                echo "ports ${ALL_PORTS[*]}"
                """;
        // run-local without its last line (main "$@"), beside a link to local/ so that it finds local/lib.sh
        String runLocal = Files.readString(ROOT.resolve("run-local"));
        assertThat(runLocal).contains("\nmain \"$@\"\n");
        Files.writeString(dir.resolve("run-local-functions"), runLocal.replace("\nmain \"$@\"\n", "\n"));
        Files.createSymbolicLink(dir.resolve("local"), ROOT.resolve("local").toAbsolutePath().normalize());
        Process bash = new ProcessBuilder("bash", "-c", script, "run-local-test", dir.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();

        assertThat(Files.readString(dir.resolve("logs/ingest-service.log"))).contains(
                "SERVER_ADDRESS=127.0.0.1 SERVER_PORT=8081 MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT=9081");
        assertThat(Files.readString(dir.resolve("logs/dashboard-app.log"))).contains(
                "SERVER_ADDRESS=127.0.0.1 SERVER_PORT=8080 MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT=9080");
        assertThat(Files.readString(dir.resolve("ready.txt")))
                .contains("ready ingest-service http://127.0.0.1:9081/actuator/health/readiness")
                .contains("ready dashboard-app http://127.0.0.1:9080/actuator/health/readiness");

        List<String> broker = Files.readAllLines(dir.resolve("kafka/server.properties"));
        assertThat(broker).contains("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
                "advertised.listeners=PLAINTEXT://127.0.0.1:9092", "controller.quorum.bootstrap.servers=127.0.0.1:9093");
        assertThat(output).contains("ports 9092 9093 8081 8080 9081 9080");
    }

    @Test
    void the_port_check_before_a_start_and_a_reset_covers_every_port() throws Exception {
        String runLocal = Files.readString(ROOT.resolve("run-local"));
        assertThat(runLocal).contains("check_ports_free \"${ALL_PORTS[@]}\"", "busy_ports \"${ALL_PORTS[@]}\"")
                .doesNotContain("check_ports_free \"$KAFKA_PORT\" \"$CONTROLLER_PORT\" \"$INGEST_PORT\"");
    }
}
