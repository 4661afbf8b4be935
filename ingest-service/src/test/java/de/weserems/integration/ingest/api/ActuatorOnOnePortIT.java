package de.weserems.integration.ingest.api;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misconfiguration that puts the actuator back on the API port (no separate {@code management.server.port})
 * does not open it: the API's chain answers every {@code /actuator} path with 404, and the API keeps working.
 */
@TestPropertySource(properties = "management.server.port=")
class ActuatorOnOnePortIT extends IngestApiTestBase {

    @Test
    void without_a_management_port_the_actuator_is_not_served_at_all() throws Exception {
        assertThat(managementPort).as("the actuator shares the API port in this test").isEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(404);
            assertThat(get(path, DEMO_KEY).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(post(DEMO_KEY, enrolment(UUID.randomUUID().toString(), "03454", null)).statusCode()).isEqualTo(202);
    }
}
