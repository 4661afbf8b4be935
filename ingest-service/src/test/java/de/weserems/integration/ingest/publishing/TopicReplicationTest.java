package de.weserems.integration.ingest.publishing;

import de.weserems.integration.ingest.IngestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the profile 'local' ingest does not create a topic with fewer than 3 replicas. */
class TopicReplicationTest {

    private static IngestProperties withReplicationFactor(int replicationFactor) {
        return new IngestProperties("test", List.of(), new IngestProperties.Pseudonymisation(""),
                new IngestProperties.Kafka(6, (short) replicationFactor, 2, Duration.ofSeconds(10)),
                new IngestProperties.Limits(DataSize.ofMegabytes(10), 10_000, 100, DataSize.ofMegabytes(64)),
                new IngestProperties.RateLimit(5000, 50_000), List.of());
    }

    @Test
    void one_or_two_replicas_stop_the_start_outside_local_naming_the_setting() {
        for (int factor : new int[] {1, 2}) {
            assertThatThrownBy(() -> new KafkaTopicsConfig().topicDeclarations(withReplicationFactor(factor),
                    new MockEnvironment()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ingest.kafka.replication-factor is " + factor)
                    .hasMessageContaining("at least 3");
        }
    }

    @Test
    void three_replicas_start_anywhere_and_the_local_profile_allows_one() {
        var cluster = new KafkaTopicsConfig().topicDeclarations(withReplicationFactor(3), new MockEnvironment());
        assertThat(cluster.events().replicationFactor()).isEqualTo((short) 3);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(new KafkaTopicsConfig().topicDeclarations(withReplicationFactor(1), local).events()
                .replicationFactor()).isEqualTo((short) 1);
    }
}
