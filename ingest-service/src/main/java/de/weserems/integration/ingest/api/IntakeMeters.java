package de.weserems.integration.ingest.api;

import de.weserems.integration.ingest.body.BodyFormat;
import de.weserems.integration.ingest.providers.Provider;
import de.weserems.integration.ingest.providers.ProviderRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Registers the intake's counters at start, at 0, for every configured provider and every tag value
 * the intake can give them: Prometheus' {@code increase()} sees a series only from its second sample,
 * so a counter born with the first refused request would hide that request from every alert.
 * {@link EventsController} increments the same series (same name and tags).
 * <p>
 * Not here: {@code ingest.field.errors}, whose field × rule combinations are many and which no alert
 * reads, and the timers and summaries, which histogram quantiles read by rate.
 */
@Component
class IntakeMeters {

    /** The statuses of a refused request that counts its events as rejected (answer with events). */
    static final List<HttpStatus> REJECTING = List.of(HttpStatus.FORBIDDEN, HttpStatus.CONTENT_TOO_LARGE,
            HttpStatus.UNPROCESSABLE_CONTENT, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.SERVICE_UNAVAILABLE);
    /** The limits a body can pass before its end (ingest.limits), as tag values. */
    static final String MAX_EVENTS = "max-events";
    static final String MAX_BYTES = "max-bytes";
    /** Only an .xlsx body unpacks, but every format gets the tag: one set of series per provider and format. */
    static final String MAX_UNPACKED_BYTES = "max-unpacked-bytes";
    private static final List<String> LIMITS = List.of(MAX_EVENTS, MAX_BYTES, MAX_UNPACKED_BYTES);

    IntakeMeters(ProviderRegistry providers, MeterRegistry meters) {
        for (Provider provider : providers.providers()) {
            String id = provider.id();
            Counter.builder("ingest.events.accepted").description("events stored").tag("provider", id).register(meters);
            Counter.builder("ingest.events.checked").description("events of successful dry runs")
                    .tag("provider", id).register(meters);
            for (HttpStatus status : REJECTING) {
                Counter.builder("ingest.events.rejected").description("events of refused requests")
                        .tags("provider", id, "status", Integer.toString(status.value())).register(meters);
            }
            for (BodyFormat format : BodyFormat.values()) {
                for (String limit : LIMITS) {
                    Counter.builder("ingest.parse.stopped.early")
                            .description("bodies not read to their end because they passed a limit")
                            .tags("provider", id, "format", format.name(), "limit", limit).register(meters);
                }
            }
        }
    }
}
