package de.weserems.integration.dashboard.upload;

import de.weserems.integration.events.Submission;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * "Retract this file": one retraction of contract v2 per event of an earlier upload, each naming its event and
 * that event's district. A retraction's own eventId derives from the event it retracts, so pressing the button
 * twice (or after a timeout) sends the same retractions again, which ingest and the engine count once.
 */
public final class Retractions {

    private Retractions() {
    }

    /** The JSON array ingest gets: a retraction for each of {@code events}, sent {@code today}. */
    public static byte[] of(List<UploadFile.Sent> events, LocalDate today) {
        return Submission.toJsonArray(events.stream()
                .map(e -> Submission.retraction(idOf(e.eventId()), today, e.district(), e.eventId()))
                .toList()).getBytes(StandardCharsets.UTF_8);
    }

    /** The eventId of the retraction of {@code eventId}: the same whenever it is sent. */
    static UUID idOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("retraction of " + eventId).getBytes(StandardCharsets.UTF_8));
    }
}
