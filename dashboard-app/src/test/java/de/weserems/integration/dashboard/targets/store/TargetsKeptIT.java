package de.weserems.integration.dashboard.targets.store;

import de.weserems.integration.dashboard.indicators.generation.RemoveGeneration;
import de.weserems.integration.dashboard.targets.model.Comparison;
import de.weserems.integration.dashboard.targets.model.JudgedIndicator;
import de.weserems.integration.dashboard.targets.model.Target;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The targets are primary data: removing an old engine generation (the one command that deletes topics)
 * leaves the targets topic and its targets alone. On a broker of its own, since it marks generations as
 * caught up, which the shared broker's dashboards would follow.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TargetsKeptIT {

    private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    private TargetStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.stop();
        }
        broker.destroy();
    }

    @Test
    void removing_an_old_engine_generation_keeps_the_targets() throws Exception {
        broker.afterPropertiesSet();
        String bootstrap = broker.getBrokersAsString();
        TopicDeclarations topics = new TopicDeclarations(1, (short) 1, 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            admin.createTopics(List.of(topics.targets(), topics.engineGenerations(), topics.indicators("v1")))
                    .all().get(30, TimeUnit.SECONDS);
            // v1 and v2 caught up: v2 is served, v1 may be removed
            producer.send(new ProducerRecord<>(Topics.ENGINE_GENERATIONS, "v1", Instant.now().toString())).get();
            producer.send(new ProducerRecord<>(Topics.ENGINE_GENERATIONS, "v2", Instant.now().toString())).get();

            Map<String, Object> config = Map.of("bootstrap.servers", bootstrap);
            store = new TargetStore(new DefaultKafkaConsumerFactory<>(config), new DefaultKafkaProducerFactory<>(config),
                    JsonMapper.builder().build());
            Target target = new Target(JudgedIndicator.MEDIAN_WAITING_DAYS, Region.AGS, Comparison.AT_MOST,
                    new BigDecimal("42"), 3, "admin", Instant.now().truncatedTo(ChronoUnit.MILLIS));
            store.set(target);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = RemoveGeneration.main(new String[]{RemoveGeneration.COMMAND, "--generation=v1",
                    "--bootstrap-servers=" + bootstrap}, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("the old generation's topic went, the targets stayed")
                    .doesNotContain(Topics.indicators("v1")).contains(Topics.TARGETS);

            store.start();
            await().atMost(Duration.ofSeconds(30)).until(store::caughtUp);
            assertThat(store.all()).containsExactly(target);
        }
    }
}
