package de.weserems.integration.dashboard.indicators.readmodel;

import de.weserems.integration.dashboard.indicators.engine.RecordKeys;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Read models filled directly from events, for tests of what is built on top of them. */
public final class TestReadModels {

    private TestReadModels() {
    }

    /** A read model without Kafka, loaded: as after reading an empty indicator topic. */
    public static IndicatorReadModel empty() {
        IndicatorReadModel model = loading();
        model.swapIn();
        return model;
    }

    /** A read model that has not yet read the indicator topic to its end (an instance starting). */
    public static IndicatorReadModel loading() {
        return new IndicatorReadModel((IndicatorReadModel.Tails) null, null, JsonMapper.builder().build(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** A read model holding what the topology wrote, as each dashboard instance reads it from the topic. */
    public static IndicatorReadModel of(Map<String, MonthlyCounters> indicators) {
        IndicatorReadModel model = empty();
        indicators.forEach(model::update);
        model.changed();
        return model;
    }

    /** The model has read the indicator topic to its end, as after an instance's start; subscribers hear of it. */
    public static void finishLoading(IndicatorReadModel model) {
        model.swapIn();
        model.notifyListeners();
    }

    /** Sets the counters of one {@code AGS|YYYY-MM} key, as a record of the indicator topic would. */
    public static void put(IndicatorReadModel model, String key, MonthlyCounters counters) {
        model.update(key, counters);
    }

    /** The record keys of the tests' read models: under a fixed secret, as the engine's tests use. */
    public static final RecordKeys RECORD_KEYS =
            RecordKeys.hmac("a test secret, not for production".getBytes(StandardCharsets.UTF_8));

    /** Counts {@code event} into {@code model} as the topology would, with its record key (no deduplication here). */
    public static void count(IndicatorReadModel model, IntegrationEvent event) {
        count(model, event, RECORD_KEYS);
    }

    /** As {@link #count(IndicatorReadModel, IntegrationEvent)}, with record keys of the test's choosing. */
    public static void count(IndicatorReadModel model, IntegrationEvent event, RecordKeys keys) {
        String key = DistrictMonth.of(event).key();
        MonthlyCounters current = model.get(key);
        model.update(key, (current == null ? MonthlyCounters.empty() : current)
                .plus(MonthlyCounters.of(event, keys.keyOf(event.eventId()))));
        model.changed();
    }
}
