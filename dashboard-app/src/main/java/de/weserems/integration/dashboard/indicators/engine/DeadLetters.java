package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sets aside a record of {@code integration.events.v1} that the engine cannot count: the record goes
 * unchanged to {@link Topics#EVENTS_DEAD_LETTERS} with why and where from in headers, the Micrometer
 * counter {@value #METRIC} (tag {@code reason}: {@code unreadable} or {@code contract}) goes up, and
 * processing goes on. The log names only the kind and the record's position, never its content.
 *
 * <p>Under exactly-once a retried transaction can count a dead letter twice in the metric (not on the
 * topic): the metric is an alarm, the topic is the record.
 */
public final class DeadLetters {

    public static final String METRIC = "indicators.dead.letters";
    /** Header: why the record was set aside, e.g. {@code contract: courseType: missing for COURSE_ENROLMENT}. */
    public static final String REASON_HEADER = "dlq.reason";
    public static final String TOPIC_HEADER = "dlq.original.topic";
    public static final String PARTITION_HEADER = "dlq.original.partition";
    public static final String OFFSET_HEADER = "dlq.original.offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry registry;

    public DeadLetters(MeterRegistry registry) {
        this.registry = registry;
        // both reasons' series exist at 0 from the start: an alert on increase() sees the first record
        for (String kind : List.of(EventReader.UNREADABLE, EventReader.CONTRACT)) {
            Counter.builder(METRIC).description("records of the event topic set aside to the dead-letter topic")
                    .tag("reason", kind).register(registry);
        }
    }

    /** How many records were set aside for this kind of reason. */
    public double count(String kind) {
        var counter = registry.find(METRIC).tag("reason", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Turns a rejected {@link EventReader.Result} back into the original bytes with the reason headers. */
    FixedKeyProcessor<String, EventReader.Result, byte[]> processor() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, byte[]> context;

            @Override
            public void init(FixedKeyProcessorContext<String, byte[]> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, EventReader.Result> record) {
                EventReader.Result result = record.value();
                Headers headers = record.headers();
                put(headers, REASON_HEADER, reason(result));
                context.recordMetadata().ifPresent(m -> origin(headers, m.topic(), m.partition(), m.offset()));
                registry.counter(METRIC, "reason", result.kind()).increment();
                log.warn("Set aside a {} record of {} at {}", result.kind(), Topics.EVENTS,
                        context.recordMetadata().map(m -> m.partition() + "@" + m.offset()).orElse("?"));
                context.forward(record.withValue(result.raw()));
            }
        };
    }

    private static String reason(EventReader.Result result) {
        return result.kind() + ": " + result.reason();
    }

    private static void origin(Headers headers, String topic, int partition, long offset) {
        put(headers, TOPIC_HEADER, topic);
        put(headers, PARTITION_HEADER, String.valueOf(partition));
        put(headers, OFFSET_HEADER, String.valueOf(offset));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
