package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.DashboardProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the profile 'local' the dashboard creates no topic with fewer than 3 replicas: neither the topics
 * it declares nor the engine's changelog and repartition topics.
 */
class TopicReplicationTest {

    private static DashboardProperties withReplicationFactor(int replicationFactor) {
        return new DashboardProperties(false, new DashboardProperties.Confidentiality(3, 10, null, 3, 1.0),
                new DashboardProperties.Kafka(6, (short) replicationFactor, 2), List.of(), Duration.ofSeconds(1));
    }

    private static Properties streams(Object replicationFactor) {
        Properties config = new Properties();
        if (replicationFactor != null) {
            config.put("replication.factor", replicationFactor);
        }
        return config;
    }

    @Test
    void declared_topics_with_fewer_than_three_replicas_stop_the_start_outside_local() {
        assertThatThrownBy(() -> new StreamsConfig().topicDeclarations(withReplicationFactor(1), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dashboard.kafka.replication-factor is 1")
                .hasMessageContaining("at least 3");
        assertThat(new StreamsConfig().topicDeclarations(withReplicationFactor(3), new MockEnvironment())
                .targets().replicationFactor()).isEqualTo((short) 3);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(new StreamsConfig().topicDeclarations(withReplicationFactor(1), local).events().replicationFactor())
                .isEqualTo((short) 1);
    }

    @Test
    void the_engines_internal_topics_need_three_replicas_set_explicitly_outside_local() {
        assertThatThrownBy(() -> StreamsConfig.checkInternalTopicReplication(streams(2), false))
                .hasMessageContaining("spring.kafka.streams.replication-factor is 2");
        assertThatThrownBy(() -> StreamsConfig.checkInternalTopicReplication(streams(null), false))
                .hasMessageContaining("spring.kafka.streams.replication-factor is unset");
        assertThatCode(() -> StreamsConfig.checkInternalTopicReplication(streams("3"), false)).doesNotThrowAnyException();
        assertThatCode(() -> StreamsConfig.checkInternalTopicReplication(streams(null), true)).doesNotThrowAnyException();
    }
}
