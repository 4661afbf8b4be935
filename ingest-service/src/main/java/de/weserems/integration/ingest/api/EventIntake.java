package de.weserems.integration.ingest.api;

import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Submission;
import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.ingest.audit.DeliveryLog;
import de.weserems.integration.ingest.body.BodyItem;
import de.weserems.integration.ingest.providers.Provider;
import de.weserems.integration.ingest.publishing.EventPublisher;
import de.weserems.integration.ingest.publishing.Pseudonymiser;
import de.weserems.integration.ingest.validation.EventValidator;
import de.weserems.integration.ingest.validation.FieldError;
import de.weserems.integration.ingest.validation.Rule;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the items of one request: validates all of them, and only when every one is valid and
 * allowed, pseudonymises and publishes them together. Either the whole request is stored or nothing.
 */
@Service
public class EventIntake {

    /** What happened to a request. */
    public sealed interface Outcome {
        /** Every item valid; stored unless it was a dry run. */
        record Accepted(int count) implements Outcome {
        }

        /** Items break the contract (or the provider's permissions); nothing was stored. */
        record Rejected(int total, List<RejectedItem> invalid, boolean onlyPermissions) implements Outcome {
        }
    }

    private final EventValidator validator;
    private final Pseudonymiser pseudonymiser;
    private final EventPublisher publisher;
    private final DeliveryLog deliveries;
    private final MeterRegistry meters;

    public EventIntake(EventValidator validator, Pseudonymiser pseudonymiser, EventPublisher publisher,
                       DeliveryLog deliveries, MeterRegistry meters) {
        this.validator = validator;
        this.pseudonymiser = pseudonymiser;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.meters = meters;
    }

    /**
     * Validates the items of a request and, when all are valid and allowed and it is no dry run,
     * stores them together with the request's audit record in one transaction.
     */
    public Outcome take(Delivery delivery, List<BodyItem> items) {
        Provider provider = delivery.provider();
        List<RejectedItem> invalid = new ArrayList<>();
        List<Submission> valid = new ArrayList<>(items.size());
        Map<UUID, Integer> firstIndex = new HashMap<>();
        Map<UUID, Submission> firstContent = new HashMap<>();
        boolean contractBroken = false;
        for (int i = 0; i < items.size(); i++) {
            BodyItem item = items.get(i);
            EventValidator.Result result = item.unreadable() == null ? validator.validate(item.node())
                    : new EventValidator.Result(null, List.of(item.unreadable()), null);
            List<FieldError> errors = new ArrayList<>(result.errors());
            Submission event = result.event();
            if (event != null) {
                Integer first = firstIndex.putIfAbsent(event.eventId(), i);
                firstContent.putIfAbsent(event.eventId(), event);
                if (first != null && !firstContent.get(event.eventId()).equals(event)) {
                    errors.add(new FieldError("eventId", Rule.CONFLICTING_DUPLICATE, "repeated in this request with different content "
                            + "(first at index " + first + ")"));
                }
            }
            contractBroken |= !errors.isEmpty();
            if (event != null && !provider.mayReportFor(event.district())) {
                errors.add(new FieldError("district", Rule.DISTRICT_NOT_ALLOWED, "provider " + provider.id() + " may not report for "
                        + event.district().ags() + " (" + event.district().displayName() + ")"));
            }
            if (errors.isEmpty()) {
                valid.add(event);
            } else {
                valid.add(null);
                invalid.add(new RejectedItem(i, item.line(), result.eventIdText(), List.copyOf(errors)));
                errors.forEach(e -> meters.counter("ingest.field.errors", "provider", provider.id(),
                        "field", e.knownField(), "rule", e.rule().code()).increment());
            }
        }
        if (!invalid.isEmpty()) {
            return new Outcome.Rejected(items.size(), List.copyOf(invalid), !contractBroken);
        }
        if (!delivery.dryRun()) {
            Map<String, Integer> districts = new HashMap<>();
            valid.forEach(e -> districts.merge(e.district().ags(), 1, Integer::sum));
            DeliveryRecord summary = delivery.summary(202, items.size(), items.size(), List.of(), null)
                    .withDistricts(districts);
            publisher.publishAll(valid.stream().map(e -> stamp(e, provider, delivery.receivedAt())).toList(),
                    deliveries.toRecord(summary));
            deliveries.stored(summary);
        }
        return new Outcome.Accepted(valid.size());
    }

    private IntegrationEvent stamp(Submission e, Provider provider, Instant receivedAt) {
        return new IntegrationEvent(e.eventId(), e.type(), e.occurredOn(), e.district(),
                pseudonymiser.pseudonymise(e.participantRef()), e.courseType(), e.outcome(), e.languageLevel(),
                e.placementType(), provider.id(), receivedAt);
    }
}
