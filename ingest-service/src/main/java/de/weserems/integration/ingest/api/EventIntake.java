package de.weserems.integration.ingest.api;

import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Submission;
import de.weserems.integration.events.audit.DeliveryRecord;
import de.weserems.integration.ingest.IngestProperties;
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
 * Takes the items of one request: checks each as it is read ({@link Check}), and only when every one is
 * valid and allowed, pseudonymises and publishes them together ({@link #store}). Either the whole request
 * is stored or nothing.
 *
 * <p>What a check keeps is bounded whatever the body holds: the valid events (at most
 * {@code ingest.limits.max-events}, which the caller enforces), the first
 * {@code ingest.limits.max-listed-invalid} invalid items, and counts.
 */
@Service
public class EventIntake {

    /** What happened to a request. */
    public sealed interface Outcome {
        /** Every item valid; stored unless it was a dry run. */
        record Accepted(int count) implements Outcome {
        }

        /**
         * Items break the contract (or the provider's permissions); nothing was stored.
         *
         * @param total           items in the request
         * @param invalid         invalid items, listed or not
         * @param listed          the first invalid items, each with its errors
         * @param onlyPermissions whether every error is a district the provider may not report for
         * @param reasons         the errors of all invalid items, counted by field and rule
         */
        record Rejected(int total, int invalid, List<RejectedItem> listed, boolean onlyPermissions,
                        List<DeliveryRecord.Reason> reasons) implements Outcome {

            /** Invalid items that are only counted. */
            public int notListed() {
                return invalid - listed.size();
            }
        }
    }

    private final EventValidator validator;
    private final Pseudonymiser pseudonymiser;
    private final EventPublisher publisher;
    private final DeliveryLog deliveries;
    private final MeterRegistry meters;
    private final int maxListed;

    public EventIntake(EventValidator validator, Pseudonymiser pseudonymiser, EventPublisher publisher,
                       DeliveryLog deliveries, MeterRegistry meters, IngestProperties properties) {
        this.validator = validator;
        this.pseudonymiser = pseudonymiser;
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.meters = meters;
        this.maxListed = properties.limits().maxListedInvalid();
    }

    /** A new check of the items of {@code delivery}. */
    public Check check(Delivery delivery) {
        return new Check(delivery);
    }

    /** The check of one request's items, fed one item at a time as the body is read. */
    public final class Check {

        private record First(int index, Submission content) {
        }

        private record Tag(String field, Rule rule) {
        }

        private final Delivery delivery;
        /** The valid events in order, while every item so far is valid; after that they would not be stored. */
        private final List<Submission> valid = new ArrayList<>();
        private final Map<UUID, First> first = new HashMap<>();
        private final List<RejectedItem> listed = new ArrayList<>();
        private final DeliveryRecord.Reason.Tally reasons = new DeliveryRecord.Reason.Tally();
        /** Errors by metric tags: a closed set of fields and rules. */
        private final Map<Tag, Integer> tagged = new HashMap<>();
        private int items;
        private int invalid;
        private boolean contractBroken;

        private Check(Delivery delivery) {
            this.delivery = delivery;
        }

        /** Whether an invalid item would still be listed one by one. */
        public boolean listing() {
            return listed.size() < maxListed;
        }

        /** Items checked so far. */
        public int items() {
            return items;
        }

        /** Invalid items so far. */
        public int invalid() {
            return invalid;
        }

        /** Checks the next item of the request. */
        public void add(BodyItem item) {
            int index = items++;
            EventValidator.Result result = item.unreadable() == null ? validator.validate(item.node())
                    : new EventValidator.Result(null, List.of(item.unreadable()), null);
            List<FieldError> errors = result.errors();
            Submission event = result.event();
            if (event != null) {
                First earlier = first.putIfAbsent(event.eventId(), new First(index, event));
                if (earlier != null && !earlier.content().equals(event)) {
                    errors = List.of(FieldError.of("eventId", Rule.CONFLICTING_DUPLICATE, "v.eventId.conflicting",
                            Integer.toString(earlier.index())));
                }
            }
            contractBroken |= !errors.isEmpty();
            Provider provider = delivery.provider();
            if (event != null && !provider.mayReportFor(event.district())) {
                errors = new ArrayList<>(errors);
                errors.add(FieldError.of("district", Rule.DISTRICT_NOT_ALLOWED, "v.district.not-allowed", provider.id(),
                        event.district().ags(), event.district().displayName()));
            }
            if (errors.isEmpty()) {
                if (invalid == 0) {
                    valid.add(event);
                }
                return;
            }
            invalid++;
            valid.clear();
            if (listing()) {
                listed.add(new RejectedItem(index, item.line(), result.eventIdText(), List.copyOf(errors)));
            }
            for (FieldError e : errors) {
                reasons.add(e.field(), e.rule().code());
                tagged.merge(new Tag(e.knownField(), e.rule()), 1, Integer::sum);
            }
        }

        /** The items' reasons, counted by field and rule, for the audit. */
        public List<DeliveryRecord.Reason> reasons() {
            return reasons.reasons();
        }

        /** The outcome of a request with invalid items; counts their errors in the metrics. */
        public Outcome.Rejected rejected() {
            if (invalid == 0) {
                throw new IllegalStateException("every item is valid");
            }
            String provider = delivery.provider().id();
            tagged.forEach((tag, count) -> meters.counter("ingest.field.errors", "provider", provider,
                    "field", tag.field(), "rule", tag.rule().code()).increment(count));
            return new Outcome.Rejected(items, invalid, List.copyOf(listed), !contractBroken, reasons());
        }
    }

    /**
     * Stores the events of a check whose items are all valid, together with the request's audit record, in
     * one transaction; a dry run stores nothing.
     */
    public Outcome.Accepted store(Check check) {
        if (check.invalid > 0) {
            throw new IllegalStateException("a request with invalid items is never stored");
        }
        Delivery delivery = check.delivery;
        if (!delivery.dryRun()) {
            Map<String, Integer> districts = new HashMap<>();
            check.valid.forEach(e -> districts.merge(e.district().ags(), 1, Integer::sum));
            DeliveryRecord summary = delivery.summary(202, check.items, check.items, 0, List.of(), null)
                    .withDistricts(districts);
            publisher.publishAll(check.valid.stream().map(e -> stamp(e, delivery.provider(), delivery.receivedAt()))
                    .toList(), deliveries.toRecord(summary));
            deliveries.stored(summary);
        }
        return new Outcome.Accepted(check.items);
    }

    /** The stored event: the participant pseudonymised (none for a retraction), the provider and arrival stamped. */
    private IntegrationEvent stamp(Submission e, Provider provider, Instant receivedAt) {
        return new IntegrationEvent(e.eventId(), e.type(), e.occurredOn(), e.district(),
                pseudonymiser.pseudonymise(e.participantRef()), e.courseType(), e.outcome(), e.languageLevel(),
                e.placementType(), e.courseVariant(), e.targetLevel(), e.attempt(), e.fundingSource(), e.retracts(),
                e.entitlement(), e.issuer(), e.sex(), provider.id(), receivedAt);
    }
}
