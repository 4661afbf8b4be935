package de.weserems.integration.e2e;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An event posted over HTTP to ingest-service shows up in the dashboard's read API, once. */
class IngestToReadApiIT extends EndToEndTestBase {

    @Test
    void posted_enrolments_appear_in_the_read_api_and_a_resend_counts_once() throws Exception {
        String emsland = "03454";
        awaitEverythingProcessed(); // what earlier tests posted is counted: "before" stays put
        long before = Math.max(0, enrolmentsOf(emsland));
        String batch = enrolments(emsland, 5);

        HttpResponse<String> response = post(batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":5}");
        long[] seen = awaitEnrolments(emsland, v -> v == before + 5, Duration.ofSeconds(30));
        System.out.printf("e2e: 5 enrolments visible in the read API %d ms after the 202%n", seen[1]);

        // the same batch again, as a provider would after a timeout: accepted, counted once; then 3 new ones,
        // which must count, so a barrier that returned too early would show here as well
        assertThat(post(batch).statusCode()).isEqualTo(202);
        assertThat(post(enrolments(emsland, 3)).statusCode()).isEqualTo(202);
        awaitEverythingProcessed();
        assertThat(enrolmentsOf(emsland)).as("5 + the resend of the 5 + 3: the resend must not count")
                .isEqualTo(before + 8);
    }

    @Test
    void the_read_api_has_designs_shape_and_needs_a_login() throws Exception {
        var report = indicators();
        assertThat(report.get("region").get("district").asString()).isEqualTo("034");
        assertThat(report.get("region").get("population").asInt()).isEqualTo(2_525_333);
        assertThat(report.get("districts")).hasSize(17);
        assertThat(report.get("districts").get(0).get("counts").propertyNames())
                .containsExactly("enrolments", "completions", "passed", "failed", "dropouts", "passedB1OrHigher",
                        "placements", "integrations", "marginalEmployments");
        assertThat(report.get("region").get("breakdowns").propertyNames()).containsExactly("enrolmentsByCourseVariant",
                "enrolmentsByFundingSource", "completionsByFundingSource", "integrationCourseExamLevels",
                "placementsByType");
        var anonymous = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/indicators")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void health_has_kafka_in_readiness_and_prometheus_is_exposed() throws Exception {
        var readiness = http.send(asOperator(managementPort, "/actuator/health/readiness"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("components").has("kafka")).isTrue();
        var prometheus = http.send(asOperator(managementPort, "/actuator/prometheus"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }
}
