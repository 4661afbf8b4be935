package de.weserems.integration.dashboard.deliveries;

import de.weserems.integration.events.Topics;
import de.weserems.integration.events.retraction.RetractionOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the indicator engine decided about each retraction, per provider: taken back, waiting for its
 * event, or without effect and why. Built in every dashboard instance from {@link Topics#RETRACTION_OUTCOMES},
 * read in full like the audit topic.
 *
 * <p>Every engine generation decides every retraction anew (a new one replays the event log), so a
 * retraction can have an outcome of several generations; the newest generation's latest word stands. One
 * small entry per retraction ever sent: retractions are corrections, far fewer than events.
 */
@Component
public class RetractionOutcomes extends TailedTopic {

    private final Map<UUID, RetractionOutcome> latest = new ConcurrentHashMap<>();

    public RetractionOutcomes(ConsumerFactory<?, ?> consumerFactory) {
        super(Topics.RETRACTION_OUTCOMES, "retraction-outcomes", consumerFactory);
    }

    /** Every retraction's outcome: by provider, the most recently decided first. */
    public List<RetractionOutcome> all() {
        return latest.values().stream().sorted(BY_PROVIDER_NEWEST_FIRST).toList();
    }

    /** As {@link #all()}, but at most the {@code perProvider} most recently decided of each provider. */
    public List<RetractionOutcome> recent(int perProvider) {
        Map<String, Integer> shown = new HashMap<>();
        return all().stream()
                .filter(o -> shown.merge(Objects.requireNonNullElse(o.providerId(), ""), 1, Integer::sum) <= perProvider)
                .toList();
    }

    /** One provider's retractions, at most the {@code limit} most recently decided: its own page shows no other's. */
    public List<RetractionOutcome> recentOf(String providerId, int limit) {
        return all().stream().filter(o -> Objects.equals(o.providerId(), providerId)).limit(limit).toList();
    }

    private static final Comparator<RetractionOutcome> BY_PROVIDER_NEWEST_FIRST =
            Comparator.comparing((RetractionOutcome o) -> Objects.requireNonNullElse(o.providerId(), ""))
                    .thenComparing(RetractionOutcome::decidedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(RetractionOutcome::retractionId);

    /** Takes one outcome in: it stands unless an outcome of a newer generation is known. */
    void accept(RetractionOutcome outcome) {
        latest.merge(outcome.retractionId(), outcome,
                (was, now) -> generation(now.generation()) >= generation(was.generation()) ? now : was);
    }

    /** The number of a generation's name ({@code v6} → 6); 0 for a name of another form. */
    private static int generation(String name) {
        try {
            return Integer.parseInt(name.substring(1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    protected void read(ConsumerRecords<String, byte[]> records) {
        takeEach(records, "retraction outcome", (key, value) -> {
            if (value != null) { // a tombstone: compaction's business
                accept(RetractionOutcome.fromJson(value));
            }
        });
    }

    @Override
    protected void clear() {
        latest.clear();
    }
}
