package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Topics;
import de.weserems.integration.events.retraction.RetractionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/** The indicator topology in a {@link TopologyTestDriver}, with its input and output topics, as tests use it. */
public final class TopologyFixture implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String INDICATORS = "integration.indicators.test";
    /** The engine generation the tests' retraction outcomes name. */
    public static final String GENERATION = "v99";
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /** The record keys of the tests' engine: under a fixed secret, the same as the tests' read models'. */
    public static final RecordKeys RECORD_KEYS = TestReadModels.RECORD_KEYS;
    static final TopologySettings SETTINGS = settings(new SimpleMeterRegistry().counter("excluded"));
    private static final Path MEMORY_DIR = Path.of("/dev/shm");

    public final DeadLetters deadLetters = new DeadLetters(new SimpleMeterRegistry());
    private final Counter excluded = new SimpleMeterRegistry().counter("excluded");
    public final TopologyTestDriver driver;
    public final TestInputTopic<String, IntegrationEvent> events;
    public final TestInputTopic<String, String> rawEvents;
    public final TestOutputTopic<String, MonthlyCounters> indicators;
    public final TestOutputTopic<String, byte[]> deadLetterTopic;
    public final TestOutputTopic<String, byte[]> retractionOutcomes;
    private final Map<String, MonthlyCounters> latest = new HashMap<>();
    private int written;
    private final Path stateDir;

    public TopologyFixture() {
        this(TestPace.live(FLUSH_INTERVAL), RECORD_KEYS);
    }

    /** With the engine's pace decided by the test (e.g. catching up, then live). */
    TopologyFixture(Pace pace) {
        this(pace, RECORD_KEYS);
    }

    /** With record keys chosen by the test. */
    TopologyFixture(RecordKeys recordKeys) {
        this(TestPace.live(FLUSH_INTERVAL), recordKeys);
    }

    private TopologyFixture(Pace pace, RecordKeys recordKeys) {
        StreamsBuilder builder = new StreamsBuilder();
        IndicatorTopology.build(builder, JSON, deadLetters, new TopologySettings(INDICATORS, pace, excluded, recordKeys,
                GENERATION));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // the driver commits, and so flushes every RocksDB store, after each record: keep that off the disk
        stateDir = Files.isDirectory(MEMORY_DIR) ? MEMORY_DIR.resolve("topology-test-" + UUID.randomUUID()) : null;
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        driver = new TopologyTestDriver(builder.build(), props);
        JsonSerde<IntegrationEvent> eventSerde = new JsonSerde<>(JSON, IntegrationEvent.class);
        events = driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(), eventSerde.serializer());
        rawEvents = driver.createInputTopic(Topics.EVENTS, Serdes.String().serializer(), Serdes.String().serializer());
        indicators = driver.createOutputTopic(INDICATORS, Serdes.String().deserializer(),
                new JsonSerde<>(JSON, MonthlyCounters.class).deserializer());
        deadLetterTopic = driver.createOutputTopic(Topics.EVENTS_DEAD_LETTERS, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
        retractionOutcomes = driver.createOutputTopic(Topics.RETRACTION_OUTCOMES, Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** Sends an event as ingest does: keyed by its eventId. */
    public void send(IntegrationEvent event) {
        events.pipeInput(event.eventId().toString(), event);
    }

    /** Sends an event as ingest did before it keyed by eventId: keyed by its district. */
    public void sendKeyedByDistrict(IntegrationEvent event) {
        events.pipeInput(event.district().ags(), event);
    }

    /**
     * The latest counters per {@code AGS|YYYY-MM} written so far, as a compacted topic keeps them, once
     * the engine has passed on what it added up ({@link DeltaBuffer}'s interval elapsed).
     */
    public Map<String, MonthlyCounters> latest() {
        driver.advanceWallClockTime(FLUSH_INTERVAL);
        indicators.readKeyValuesToList().forEach(kv -> {
            written++;
            if (kv.value == null) {
                latest.remove(kv.key);
            } else {
                latest.put(kv.key, kv.value);
            }
        });
        return Map.copyOf(latest);
    }

    /** The retraction outcomes written since the last call, oldest first. */
    public List<RetractionOutcome> outcomes() {
        return retractionOutcomes.readValuesToList().stream().map(RetractionOutcome::fromJson).toList();
    }

    private static TopologySettings settings(Counter excluded) {
        return new TopologySettings(INDICATORS, TestPace.live(FLUSH_INTERVAL), excluded, RECORD_KEYS, GENERATION);
    }

    /** How many pseudonyms left the chain figures (the engine's metric). */
    public double excludedParticipants() {
        return excluded.count();
    }

    /** How many records the indicator topic has received so far (as of the last {@link #latest()}). */
    public int written() {
        return written;
    }

    @Override
    public void close() {
        driver.close();
        if (stateDir != null) {
            try (Stream<Path> files = Files.walk(stateDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
