package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import de.weserems.integration.dashboard.indicators.generation.EngineProperties;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.kafka.KafkaBrokerHealthIndicator;
import de.weserems.integration.kafka.ReplicationFloor;
import de.weserems.integration.kafka.TopicDeclarations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Properties;

/**
 * Wires the indicator topology of this instance's engine generation into Spring's Kafka Streams
 * lifecycle and declares the topics it reads and writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfig {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsConfig.class);
    private static final String APPLICATION_ID = "application.id";
    private static final String COMMIT_INTERVAL = "commit.interval.ms";
    private static final String REPLICATION_FACTOR = "replication.factor";
    static final String THREAD_REPLACED = "indicators.stream.thread.replaced";

    @Bean
    KTable<String, MonthlyCounters> districtMonthCounters(
            StreamsBuilder builder, JsonMapper json, DeadLetters deadLetters, EngineProperties engine,
            MeterRegistry meters, @Lazy EngineModes modes, RecordKeys recordKeys) {
        Counter excluded = Counter.builder("indicators.chain.participants.excluded")
                .description("pseudonyms that stood for more events than one person has and left the chain figures")
                .register(meters);
        return IndicatorTopology.build(builder, json, deadLetters, new TopologySettings(
                engine.engineGeneration().indicatorsTopic(), modes, excluded, recordKeys, engine.generation()));
    }

    @Bean
    RecordKeys recordKeys(DashboardProperties properties, Environment environment) {
        return RecordKeySecret.keys(properties.confidentiality().recordKeySecret(), local(environment));
    }

    /**
     * The engine's application id is its generation's: a new generation gets a consumer group, state and
     * internal topics of its own. A stream thread that dies of an unexpected error is replaced.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer engineGenerationAndErrors(EngineProperties engine, MeterRegistry meters,
                                                                  Environment environment) {
        EngineGeneration generation = engine.engineGeneration();
        String explicit = environment.getProperty("spring.kafka.streams.application-id");
        if (explicit != null && !explicit.equals(generation.applicationId())) {
            throw new IllegalStateException("spring.kafka.streams.application-id is " + explicit
                    + " but the engine generation is " + generation + " (" + generation.applicationId()
                    + "): set dashboard.engine.generation, not the application id");
        }
        // what Kafka Streams hands a dying thread's handler, wrapped; the series exists at 0 from the start,
        // so an alert on increase() sees the first replacement
        Counter.builder(THREAD_REPLACED).description("stream threads that died of an unexpected error and were replaced")
                .tag("exception", StreamsException.class.getSimpleName()).register(meters);
        return factory -> {
            Properties config = new Properties();
            config.putAll(factory.getStreamsConfiguration());
            config.put(APPLICATION_ID, generation.applicationId());
            // commits come this rarely by themselves; live, the engine's processors ask for each one (Pace)
            config.put(COMMIT_INTERVAL, String.valueOf(engine.catchUpInterval().toMillis()));
            checkInternalTopicReplication(config, local(environment));
            factory.setStreamsConfiguration(config);
            // its tasks restart from the last commit (exactly-once), instead of the whole engine stopping
            factory.setStreamsUncaughtExceptionHandler(e -> {
                meters.counter(THREAD_REPLACED, "exception", e.getClass().getSimpleName())
                        .increment();
                LOG.error("A Kafka Streams thread died; replacing it", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    /**
     * The engine's changelog and repartition topics hold its state: outside the profile {@code local} they
     * need 3 replicas like the declared topics. Unset means the broker's default, which this instance cannot
     * see, so it must be set.
     */
    static void checkInternalTopicReplication(Properties streamsConfig, boolean local) {
        Object factor = streamsConfig.get(REPLICATION_FACTOR);
        ReplicationFloor.check("spring.kafka.streams.replication-factor",
                factor == null ? -1 : Integer.parseInt(factor.toString()), local);
    }

    private static boolean local(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("local"));
    }

    @Bean
    DeadLetters deadLetters(MeterRegistry registry) {
        return new DeadLetters(registry);
    }

    /** Refuses fewer than 3 replicas outside the profile {@code local} ({@link ReplicationFloor}). */
    @Bean
    TopicDeclarations topicDeclarations(DashboardProperties properties, Environment environment) {
        DashboardProperties.Kafka kafka = properties.kafka();
        ReplicationFloor.check("dashboard.kafka.replication-factor", kafka.replicationFactor(), local(environment));
        return new TopicDeclarations(kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
    }

    /** Declared here too, so the dashboard can start before the first event is ever sent. */
    @Bean
    NewTopic eventsTopic(TopicDeclarations topics) {
        return topics.events();
    }

    @Bean
    NewTopic indicatorsTopic(TopicDeclarations topics, EngineProperties engine) {
        return topics.indicators(engine.generation());
    }

    @Bean
    NewTopic engineGenerationsTopic(TopicDeclarations topics) {
        return topics.engineGenerations();
    }

    /** The topology writes to it, and Streams does not create the topics it writes to. */
    @Bean
    NewTopic eventsDeadLettersTopic(TopicDeclarations topics) {
        return topics.eventsDeadLetters();
    }

    /** The topology writes to it too. */
    @Bean
    NewTopic retractionOutcomesTopic(TopicDeclarations topics) {
        return topics.retractionOutcomes();
    }

    @Bean(destroyMethod = "close")
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaBrokerHealthIndicator(admin.getConfigurationProperties(), Duration.ofSeconds(3));
    }
}
