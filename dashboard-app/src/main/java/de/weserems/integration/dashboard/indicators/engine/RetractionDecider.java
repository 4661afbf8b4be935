package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.retraction.RetractionOutcome;
import de.weserems.integration.events.retraction.RetractionOutcome.Verdict;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides retractions where the retracted event lives: every deduplicated event arrives here keyed by its own
 * eventId, and every retraction a second time keyed by the eventId it retracts (re-partitioned like the
 * events, so both meet in the same task and store). The store {@value #RETRACTION_TARGETS} keeps per eventId
 * what a retraction of it needs: what the event added (to take it back), that it was retracted, that
 * retractions wait for it, or that it is a retraction itself.
 *
 * <ul>
 *   <li>An event counts (counts and chain) unless a retraction of its own provider waits for it; then it
 *       counts nowhere, but its district and month still show as reported (a change of zeros).</li>
 *   <li>A retraction of a counted event of the same provider passes on the negative of what the event
 *       added (counts and key sums alike) and tells the chain to remove it.</li>
 *   <li>A retraction of another provider's event, of a retraction, or of an event already retracted
 *       changes nothing; one of an event not seen yet waits (one per provider: a second one of the same
 *       provider counts as already retracted, so a waiting entry stays as small as the providers are
 *       few). Every such decision is passed on as a {@link RetractionOutcome}.</li>
 * </ul>
 *
 * <p>Entitlements and course starts are decided like any other event (a retraction of one by its own provider
 * takes effect); they add to no count, but mark their district and month as reported, and count in their
 * participant's chain (access and waiting).
 *
 * <p>Resends never get here: the deduplication before drops every eventId seen before, so a resent event
 * does not count again after its retraction, and a resent retraction changes nothing.
 */
final class RetractionDecider implements Processor<UUID, IntegrationEvent, String, Decision> {

    static final String RETRACTION_TARGETS = "retraction-targets";

    private final TopologySettings settings;
    private ProcessorContext<String, Decision> context;
    private KeyValueStore<UUID, RetractionTarget> targets;

    RetractionDecider(TopologySettings settings) {
        this.settings = settings;
    }

    /** Whether a deduplicated event goes on, keyed by the eventId it retracts, to be decided there. */
    static boolean goesToItsTarget(IntegrationEvent event) {
        return event.type() == EventType.RETRACTION && !event.retracts().equals(event.eventId());
    }

    @Override
    public void init(ProcessorContext<String, Decision> context) {
        this.context = context;
        this.targets = context.getStateStore(RETRACTION_TARGETS);
    }

    @Override
    public void process(Record<UUID, IntegrationEvent> record) {
        IntegrationEvent event = record.value();
        if (goesToItsTarget(event) && record.key().equals(event.retracts())) {
            retract(record, event);
        } else if (event.type() == EventType.RETRACTION) {
            arrivedRetraction(record, event);
        } else {
            arrived(record, event);
        }
    }

    /** A retraction at its own eventId: a later (or waiting) retraction of it must have no effect. */
    private void arrivedRetraction(Record<UUID, IntegrationEvent> record, IntegrationEvent retraction) {
        RetractionTarget before = targets.get(retraction.eventId());
        targets.put(retraction.eventId(), RetractionTarget.RETRACTION);
        if (before != null) {
            before.waiting().forEach(w -> outcome(record, w, retraction.eventId(), Verdict.RETRACTS_A_RETRACTION));
        }
        if (!goesToItsTarget(retraction)) {
            // it names itself (a record ingest would have refused)
            outcome(record, new RetractionTarget.Waiting(retraction.eventId(), retraction.providerId()),
                    retraction.eventId(), Verdict.RETRACTS_A_RETRACTION);
        }
    }

    /** An event's first arrival: it counts, unless a retraction of its provider was here first. */
    private void arrived(Record<UUID, IntegrationEvent> record, IntegrationEvent event) {
        RetractionTarget before = targets.get(event.eventId());
        RetractionTarget.Waiting effective = null;
        if (before != null) {
            for (RetractionTarget.Waiting w : before.waiting()) {
                boolean own = Objects.equals(w.providerId(), event.providerId());
                if (own) {
                    effective = w;
                }
                outcome(record, w, event.eventId(), own ? Verdict.TOOK_EFFECT : Verdict.OTHER_PROVIDERS_EVENT);
            }
        }
        MonthlyCounters adds = MonthlyCounters.of(event, settings.recordKeys().keyOf(event.eventId()));
        if (effective == null) {
            targets.put(event.eventId(), RetractionTarget.counted(event));
            count(record, event, adds);
            chain(record, event, ChainEvent.Change.ADD);
        } else {
            targets.put(event.eventId(), RetractionTarget.retracted(event.providerId()));
            // counts nothing, but its district and month were reported: entries of zeros, as after a retraction
            count(record, event, adds.plus(adds.negated()));
            chain(record, event, ChainEvent.Change.RETRACTED_ON_ARRIVAL);
        }
    }

    /** A retraction where the event it retracts lives ({@code record}'s key). */
    private void retract(Record<UUID, IntegrationEvent> record, IntegrationEvent retraction) {
        UUID id = retraction.retracts();
        RetractionTarget target = targets.get(id);
        RetractionTarget.Waiting by = new RetractionTarget.Waiting(retraction.eventId(), retraction.providerId());
        if (target == null || target.kind() == RetractionTarget.Kind.WAITING) {
            if (target != null && target.waitingFrom(retraction.providerId())) {
                // one waiting retraction per provider is enough, and keeps the entry as small as the providers are few
                outcome(record, by, id, Verdict.ALREADY_RETRACTED);
                return;
            }
            targets.put(id, RetractionTarget.waiting(target, retraction));
            outcome(record, by, id, Verdict.WAITING);
            return;
        }
        if (target.kind() == RetractionTarget.Kind.RETRACTION) {
            outcome(record, by, id, Verdict.RETRACTS_A_RETRACTION);
        } else if (!target.sentBy(retraction.providerId())) {
            outcome(record, by, id, Verdict.OTHER_PROVIDERS_EVENT);
        } else if (target.kind() == RetractionTarget.Kind.RETRACTED) {
            outcome(record, by, id, Verdict.ALREADY_RETRACTED);
        } else {
            targets.put(id, RetractionTarget.retracted(target.providerId()));
            // the event as it counted; received now, so the figures' freshness is the retraction's
            IntegrationEvent event = target.counted().event(id, target.providerId(), retraction.receivedAt());
            count(record, event, MonthlyCounters.of(event, settings.recordKeys().keyOf(id)).negated());
            chain(record, event, ChainEvent.Change.REMOVE);
            outcome(record, by, id, Verdict.TOOK_EFFECT);
        }
    }

    private void count(Record<UUID, IntegrationEvent> record, IntegrationEvent event, MonthlyCounters change) {
        context.forward(record.withKey(DistrictMonth.of(event).key()).withValue(new Decision.Count(change)));
    }

    private void chain(Record<UUID, IntegrationEvent> record, IntegrationEvent event, ChainEvent.Change change) {
        if (event.participant() != null && MonthlyCounters.followedInChain(event.type())) {
            context.forward(record.withKey(event.participant())
                    .withValue(new Decision.Chain(new ChainEvent(event, change))));
        }
    }

    private void outcome(Record<UUID, IntegrationEvent> record, RetractionTarget.Waiting retraction, UUID retracts,
                         Verdict verdict) {
        RetractionOutcome outcome = new RetractionOutcome(settings.generation(), retraction.providerId(),
                retraction.retractionId(), retracts, verdict, Instant.ofEpochMilli(record.timestamp()));
        context.forward(record.withKey(outcome.key()).withValue(new Decision.Outcome(outcome)));
    }
}
