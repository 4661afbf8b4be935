package de.weserems.integration.ingest.api;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's endpoints over real HTTP on the management port (a random one here, 9081 in a run):
 * the probes open, details and metrics for the role OPERATOR only, nothing else there, and nothing of it
 * on the API port, while the event API keeps its API-key login.
 */
class ManagementPortIT extends IngestApiTestBase {

    @Test
    void liveness_and_readiness_are_open_but_show_no_details() throws Exception {
        assertThat(management("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = management("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).has("components")).as(readiness.body()).isFalse();
    }

    @Test
    void health_details_and_prometheus_need_an_operator() throws Exception {
        assertThat(management("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(management("/actuator/health", null).statusCode()).isEqualTo(401);
        assertThat(management("/actuator/prometheus", "not-an-operator").statusCode()).isEqualTo(401);

        HttpResponse<String> health = management("/actuator/health", "operator");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("components").has("kafka")).isTrue();
        assertThat(management("/actuator/prometheus", "operator").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void everything_else_on_the_management_port_is_refused_even_to_an_operator() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/env", "/api/v1/events", "/"}) {
            assertThat(management(path, "operator").statusCode()).as(path).isEqualTo(403);
            assertThat(management(path, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void the_api_port_has_no_actuator_and_its_api_keeps_the_api_key() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(404);
        assertThat(post(null, enrolment(UUID.randomUUID().toString(), "03454", null)).statusCode()).isEqualTo(401);
        assertThat(post(DEMO_KEY, enrolment(UUID.randomUUID().toString(), "03454", null)).statusCode()).isEqualTo(202);
    }
}
