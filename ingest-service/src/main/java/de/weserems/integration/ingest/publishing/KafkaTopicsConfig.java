package de.weserems.integration.ingest.publishing;

import de.weserems.integration.ingest.IngestProperties;
import de.weserems.integration.kafka.KafkaBrokerHealthIndicator;
import de.weserems.integration.kafka.ReplicationFloor;
import de.weserems.integration.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/** The topics this service writes, declared once; Spring's KafkaAdmin creates them when missing. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    /** Refuses fewer than 3 replicas outside the profile {@code local} ({@link ReplicationFloor}). */
    @Bean
    TopicDeclarations topicDeclarations(IngestProperties properties, Environment environment) {
        IngestProperties.Kafka kafka = properties.kafka();
        ReplicationFloor.check("ingest.kafka.replication-factor", kafka.replicationFactor(),
                environment.acceptsProfiles(Profiles.of("local")));
        return new TopicDeclarations(kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
    }

    @Bean
    NewTopic eventsTopic(TopicDeclarations topics) {
        return topics.events();
    }

    @Bean
    NewTopic ingestAuditTopic(TopicDeclarations topics) {
        return topics.ingestAudit();
    }

    @Bean(destroyMethod = "close")
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaBrokerHealthIndicator(admin.getConfigurationProperties(), Duration.ofSeconds(3));
    }
}
