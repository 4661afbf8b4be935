package de.weserems.integration.ingest.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys and participant references never reach the log, whatever the request did. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIT extends IngestApiTestBase {

    @Test
    void keys_and_participant_references_are_not_logged(CapturedOutput output) throws Exception {
        String participant = "Maria-Musterfrau-" + UUID.randomUUID();
        assertThat(post(DEMO_KEY, enrolment(UUID.randomUUID().toString(), "03454", participant)).statusCode())
                .isEqualTo(202);
        assertThat(post(EMDEN_KEY, enrolment(UUID.randomUUID().toString(), "03454", participant)).statusCode())
                .isEqualTo(403);
        assertThat(post("wrong-key-" + participant, enrolment(UUID.randomUUID().toString(), "03454", participant))
                .statusCode()).isEqualTo(401);
        assertThat(post(DEMO_KEY, "{\"eventId\": \"" + participant).statusCode()).isEqualTo(400);
        // the capture sees the application's log: a line through the same logging system is in it
        org.slf4j.LoggerFactory.getLogger(EventsController.class).warn("capture-check");
        assertThat(output.getAll()).contains("capture-check");
        assertThat(output.getAll()).doesNotContain(DEMO_KEY).doesNotContain(EMDEN_KEY).doesNotContain(participant);
    }
}
