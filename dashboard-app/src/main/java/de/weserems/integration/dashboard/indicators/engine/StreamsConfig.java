package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.kafka.KafkaBrokerHealthIndicator;
import de.weserems.integration.kafka.TopicDeclarations;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/** Wires the indicator topology into Spring's Kafka Streams lifecycle and declares the topics it reads and writes. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class StreamsConfig {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamsConfig.class);

    @Bean
    KTable<String, MonthlyCounters> districtMonthCounters(StreamsBuilder builder, JsonMapper json,
                                                          DeadLetters deadLetters) {
        return IndicatorTopology.build(builder, json, deadLetters);
    }

    /**
     * Asks to leave the group when stopping. Observed on ./run-local: a stopped instance still stayed
     * a member until its session timed out (Kafka Streams seems to send the leave only for static
     * members), so the rebuild command waits for the group to empty instead of relying on this.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose(MeterRegistry meters) {
        return factory -> {
            factory.setLeaveGroupOnClose(true);
            // a stream thread that dies of an unexpected error is replaced: its tasks restart from the
            // last commit (exactly-once), instead of the whole engine stopping while the UI stays up
            factory.setStreamsUncaughtExceptionHandler(e -> {
                meters.counter("indicators.stream.thread.replaced", "exception", e.getClass().getSimpleName())
                        .increment();
                LOG.error("A Kafka Streams thread died; replacing it", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }

    @Bean
    DeadLetters deadLetters(MeterRegistry registry) {
        return new DeadLetters(registry);
    }

    @Bean
    TopicDeclarations topicDeclarations(DashboardProperties properties) {
        DashboardProperties.Kafka kafka = properties.kafka();
        return new TopicDeclarations(kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
    }

    /** Declared here too, so the dashboard can start before the first event is ever sent. */
    @Bean
    NewTopic eventsTopic(TopicDeclarations topics) {
        return topics.events();
    }

    @Bean
    NewTopic indicatorsTopic(TopicDeclarations topics) {
        return topics.indicators();
    }

    /** The topology writes to it, and Streams does not create the topics it writes to. */
    @Bean
    NewTopic eventsDeadLettersTopic(TopicDeclarations topics) {
        return topics.eventsDeadLetters();
    }

    @Bean(destroyMethod = "close")
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaBrokerHealthIndicator(admin.getConfigurationProperties(), Duration.ofSeconds(3));
    }
}
