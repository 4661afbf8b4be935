package de.weserems.integration.e2e;

import de.weserems.integration.dashboard.deliveries.RetractionOutcomes;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.retraction.RetractionOutcome;
import de.weserems.integration.events.retraction.RetractionOutcome.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retractions posted over HTTP: the events they name leave the read API's figures, whether the retraction
 * comes after its event or before it, and what became of each reaches the Datenlieferungen page's source.
 */
class RetractionsIT extends EndToEndTestBase {

    private static final String WITTMUND = "03462";

    @Autowired
    RetractionOutcomes outcomes;

    @Test
    void a_retraction_before_or_after_its_event_takes_it_out_of_the_figures_and_says_so() throws Exception {
        awaitEverythingProcessed();
        long before = Math.max(0, enrolmentsOf(WITTMUND));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID afterIt = UUID.randomUUID();
        UUID beforeIt = UUID.randomUUID();

        assertThat(post("[" + enrolment(first) + "," + enrolment(kept) + "]").statusCode()).isEqualTo(202);
        assertThat(post(retraction(afterIt, first)).statusCode()).isEqualTo(202);
        assertThat(post(retraction(beforeIt, second)).statusCode()).isEqualTo(202);
        assertThat(post(enrolment(second)).statusCode()).isEqualTo(202);
        // resent, as a provider does when unsure: changes nothing
        assertThat(post(enrolment(first)).statusCode()).isEqualTo(202);
        assertThat(post(retraction(afterIt, first)).statusCode()).isEqualTo(202);
        awaitEverythingProcessed();

        assertThat(enrolmentsOf(WITTMUND)).as("of three enrolments only the one not retracted counts")
                .isEqualTo(before + 1);
        await().alias("both outcomes read").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(outcomes.all()).filteredOn(o -> o.retractionId().equals(afterIt)
                                || o.retractionId().equals(beforeIt))
                        .extracting(RetractionOutcome::providerId, RetractionOutcome::verdict)
                        .containsOnly(org.assertj.core.groups.Tuple.tuple("demo", Verdict.TOOK_EFFECT))
                        .hasSize(2));
    }

    private static String enrolment(UUID id) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"" + today()
                + "\",\"district\":\"" + WITTMUND + "\",\"courseType\":\"INTEGRATION_COURSE\"}";
    }

    private static String retraction(UUID id, UUID retracts) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"RETRACTION\",\"occurredOn\":\"" + today()
                + "\",\"district\":\"" + WITTMUND + "\",\"retracts\":\"" + retracts + "\"}";
    }

    private static String today() {
        return LocalDate.now(Region.ZONE).toString();
    }
}
