package de.weserems.integration.dashboard.targets.store;

import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import de.weserems.integration.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The targets on a real broker: the topic is created compacted, a target set in one instance is read by
 * another (also by one started afterwards, from the topic alone), and a deletion reaches every instance.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TargetStoreIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<TargetStore> started = new ArrayList<>();

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new TopicDeclarations(1, (short) 1, 1).targets())).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private TargetStore start() {
        Map<String, Object> config = Map.of("bootstrap.servers", KafkaTestBroker.bootstrapServers());
        TargetStore store = new TargetStore(new DefaultKafkaConsumerFactory<>(config),
                new DefaultKafkaProducerFactory<>(config), JSON);
        store.start();
        started.add(store);
        await().alias("the store has read its topic").atMost(Duration.ofSeconds(30)).until(store::caughtUp);
        return store;
    }

    @AfterEach
    void stop() {
        started.forEach(TargetStore::stop);
    }

    @Test
    void the_topic_is_compacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TARGETS);
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void a_target_set_in_one_instance_is_read_in_another_and_a_deletion_reaches_both() {
        TargetStore a = start();
        TargetStore b = start();
        Target waiting = new Target(JudgedIndicator.MEDIAN_WAITING_DAYS, Region.AGS, Comparison.AT_MOST,
                new BigDecimal("42"), 3, "admin", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Target completion = new Target(JudgedIndicator.COMPLETION_RATE, District.EMSLAND.ags(), Comparison.AT_LEAST,
                new BigDecimal("99.5"), 6, "admin", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        a.set(waiting);
        a.set(completion);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(b.all()).as("read by the other instance").contains(waiting, completion));

        Target stricter = new Target(JudgedIndicator.MEDIAN_WAITING_DAYS, Region.AGS, Comparison.AT_MOST,
                new BigDecimal("30"), 3, "admin", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        b.set(stricter);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(a.all())
                .as("one target per indicator and area: the later replaces").contains(stricter, completion)
                .doesNotContain(waiting));

        TargetStore later = start();
        assertThat(later.all()).as("an instance started afterwards reads them from the topic").contains(stricter,
                completion);

        a.delete(completion);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(b.all()).doesNotContain(completion).contains(stricter);
            assertThat(later.all()).doesNotContain(completion);
        });
        a.delete(stricter);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(later.all())
                .noneMatch(t -> t.key().equals(stricter.key()) || t.key().equals(completion.key())));
    }
}
