package de.weserems.integration.dashboard.targets.judging;

import de.weserems.integration.dashboard.base.live.Alerts;
import de.weserems.integration.dashboard.base.live.ChangeNotifier;
import de.weserems.integration.dashboard.base.live.FiguresStatus;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.targets.store.TargetStore;
import de.weserems.integration.events.Region;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Judges every target whenever the figures or the targets change (and once a minute, as the months move
 * on), on the published figures, and only once this instance serves complete figures and has read every
 * target: partial figures would look like breaches. Each breach that starts or ends counts in
 * {@code weserems.targets.breaches} (tag {@code transition}: {@code started}, {@code ended}) and is listed
 * for the overview's "Hinweise", which hear of it by push.
 *
 * <p>After a start, the first judgement takes stock without counting ({@link TargetJudge}).
 */
@Component
public class BreachWatch implements Alerts, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BreachWatch.class);

    /** How many starts and ends the overview's list keeps. */
    static final int KEPT = 50;

    private final IndicatorQueries queries;
    private final FiguresStatus figures;
    private final TargetStore targets;
    private final Clock clock;
    private final Counter started;
    private final Counter ended;
    private final TargetJudge judge = new TargetJudge(KEPT);
    private final ChangeNotifier<Instant> changes;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final List<Subscription> sources = new ArrayList<>();
    private volatile List<Alert> current = List.of();
    private volatile List<Alert> recent = List.of();
    private ExecutorService judging;

    public BreachWatch(IndicatorQueries queries, FiguresStatus figures, TargetStore targets, MeterRegistry meters,
                       Clock clock) {
        this.queries = queries;
        this.figures = figures;
        this.targets = targets;
        this.clock = clock;
        // both registered now, so a dashboard shows 0 rather than no series before the first breach
        this.started = Counter.builder("weserems.targets.breaches").tag("transition", "started")
                .description("breaches of a target that started, judged on the published figures").register(meters);
        this.ended = Counter.builder("weserems.targets.breaches").tag("transition", "ended")
                .description("breaches of a target that ended").register(meters);
        this.changes = new ChangeNotifier<>("target-alerts", clock::instant);
    }

    @Override
    public List<Alert> current() {
        return current;
    }

    @Override
    public List<Alert> recent() {
        return recent;
    }

    @Override
    public Subscription subscribe(Consumer<Instant> listener) {
        return changes.subscribe(listener);
    }

    /** Asks for a judgement on the judging thread; requests while one waits are one. */
    @Scheduled(fixedDelayString = "${dashboard.targets.rejudge-interval:60s}")
    public void request() {
        ExecutorService executor = judging;
        if (executor != null && pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                judgeNow();
            });
        }
    }

    /** Judges every target now, if the figures are complete and every target has been read. */
    void judgeNow() {
        if (!figures.loaded() || !targets.caughtUp()) {
            return;
        }
        try {
            boolean first = !judge.judgedOnce();
            List<Alert> before = current;
            List<Alert> transitions = judge.judge(targets.all(),
                    (from, to) -> queries.report(from, to, Set.of(), null), YearMonth.now(clock.withZone(Region.ZONE)),
                    clock.instant());
            for (Alert t : transitions) {
                (t.started() ? started : ended).increment();
                log.info("Target {} for area {}: breach {}", t.indicator(), t.area(), t.started() ? "started" : "ended");
            }
            current = judge.current();
            recent = judge.recent();
            if (first || !transitions.isEmpty() || !current.equals(before)) {
                changes.changed();
            }
        } catch (RuntimeException e) {
            log.warn("Judging the targets failed; trying again with the next change", e);
        }
    }

    @Override
    public synchronized void start() {
        judging = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("target-judge").daemon().unstarted(r));
        sources.add(figures.subscribe(changedAt -> request()));
        sources.add(targets.subscribe(changedAt -> request()));
        changes.start(Duration.ofSeconds(1));
        request();
    }

    @Override
    public synchronized void stop() {
        sources.forEach(Subscription::cancel);
        sources.clear();
        changes.stop();
        if (judging != null) {
            judging.shutdownNow();
            judging = null;
        }
    }

    @Override
    public boolean isRunning() {
        return judging != null;
    }
}
