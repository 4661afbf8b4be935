package de.weserems.integration.kafka;

import de.weserems.integration.events.Topics;
import de.weserems.integration.testsupport.SecuredKafkaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The ACLs of {@code deploy/kafka/acls}, applied as the compose init job applies them, on a cluster secured
 * like the compose deployment (SASL/SCRAM, {@code StandardAuthorizer}, nothing allowed without an ACL): ingest
 * writes the event log and its audit and reads nothing else, the dashboard reads them and owns what it
 * derives, nobody else writes the event log, and a principal without ACLs gets nothing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaAclsIT {

    /** The one ACL definition of the repository (tests run in the module's directory). */
    static final Path ACLS = Path.of("..", "deploy", "kafka", "acls");
    private static final String GENERATION = "v7";
    private static final String APPLICATION_ID = "integration-indicators-" + GENERATION;
    private static final String CHANGELOG = APPLICATION_ID + "-counters-changelog";
    private static final String INGEST_PASSWORD = UUID.randomUUID().toString();
    private static final String DASHBOARD_PASSWORD = UUID.randomUUID().toString();
    private static final String STRANGER_PASSWORD = UUID.randomUUID().toString();
    private static final TopicDeclarations TOPICS = new TopicDeclarations(1, (short) 1, 1);

    private static SecuredKafkaCluster cluster;

    @BeforeAll
    static void secured_cluster_with_the_repositorys_acls() throws Exception {
        cluster = SecuredKafkaCluster.start();
        cluster.addScramUser("ingest", INGEST_PASSWORD);
        cluster.addScramUser("dashboard", DASHBOARD_PASSWORD);
        cluster.addScramUser("stranger", STRANGER_PASSWORD);
        cluster.applyAcls(ACLS);
        // each service declares its topics at start (Spring's KafkaAdmin): the ACLs must let it
        create("ingest", INGEST_PASSWORD, TOPICS.events(), TOPICS.ingestAudit());
        create("dashboard", DASHBOARD_PASSWORD, TOPICS.indicators(GENERATION), TOPICS.engineGenerations(),
                TOPICS.eventsDeadLetters(), TOPICS.retractionOutcomes(), TOPICS.targets(), TOPICS.providers(),
                new NewTopic(CHANGELOG, 1, (short) 1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void create(String user, String password, NewTopic... topics) throws Exception {
        try (Admin admin = Admin.create(cluster.clientProperties(user, password))) {
            admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ingest_writes_events_and_audit_in_one_transaction_and_the_dashboard_reads_them() throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> ingest = producer("ingest", INGEST_PASSWORD, "ingest-ingest-1-0")) {
            ingest.initTransactions();
            ingest.beginTransaction();
            ingest.send(new ProducerRecord<>(Topics.EVENTS, eventId, "{\"eventId\":\"" + eventId + "\"}"));
            ingest.send(new ProducerRecord<>(Topics.INGEST_AUDIT, "demo", "{\"accepted\":1}"));
            ingest.commitTransaction();
        }
        assertThat(readAll("dashboard", DASHBOARD_PASSWORD, Topics.EVENTS)).extracting(ConsumerRecord::key)
                .contains(eventId);
        assertThat(readAll("dashboard", DASHBOARD_PASSWORD, Topics.INGEST_AUDIT)).extracting(ConsumerRecord::key)
                .contains("demo");
        // ingest tails its own audit, but never reads the event log
        assertThat(readAll("ingest", INGEST_PASSWORD, Topics.INGEST_AUDIT)).extracting(ConsumerRecord::key)
                .contains("demo");
        assertThatThrownBy(() -> readAll("ingest", INGEST_PASSWORD, Topics.EVENTS))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void the_dashboard_is_refused_writing_the_event_log_and_the_audit() {
        for (String topic : List.of(Topics.EVENTS, Topics.INGEST_AUDIT)) {
            try (KafkaProducer<String, String> dashboard = producer("dashboard", DASHBOARD_PASSWORD, null)) {
                assertThatThrownBy(() -> dashboard.send(new ProducerRecord<>(topic, "k", "forged"))
                        .get(30, TimeUnit.SECONDS))
                        .as(topic).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // nor may it take over ingest's transactional ids
        try (KafkaProducer<String, String> dashboard = producer("dashboard", DASHBOARD_PASSWORD, "ingest-ingest-1-0")) {
            assertThatThrownBy(dashboard::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    void the_dashboard_writes_its_own_topics_as_its_engine_and_stores_do() throws Exception {
        // what the engine does with exactly_once_v2: a transactional producer named after the application id,
        // writing the indicator topic, a changelog, retraction outcomes and dead letters in one transaction
        try (KafkaProducer<String, String> engine = producer("dashboard", DASHBOARD_PASSWORD,
                APPLICATION_ID + "-" + UUID.randomUUID() + "-0")) {
            engine.initTransactions();
            engine.beginTransaction();
            engine.send(new ProducerRecord<>(Topics.indicators(GENERATION), "03454|2026-11", "{}"));
            engine.send(new ProducerRecord<>(CHANGELOG, "03454|2026-11", "{}"));
            engine.send(new ProducerRecord<>(Topics.RETRACTION_OUTCOMES, "r", "{}"));
            engine.send(new ProducerRecord<>(Topics.EVENTS_DEAD_LETTERS, "x", "unreadable"));
            engine.commitTransaction();
        }
        // the targets store and the generation marks write without a transaction
        try (KafkaProducer<String, String> dashboard = producer("dashboard", DASHBOARD_PASSWORD, null)) {
            dashboard.send(new ProducerRecord<>(Topics.TARGETS, "enrolments|034", "{}")).get(30, TimeUnit.SECONDS);
            dashboard.send(new ProducerRecord<>(Topics.PROVIDERS, "vhs-leer", "{}")).get(30, TimeUnit.SECONDS);
            dashboard.send(new ProducerRecord<>(Topics.ENGINE_GENERATIONS, GENERATION, "2026-12-07T00:00:00Z"))
                    .get(30, TimeUnit.SECONDS);
        }
        for (String topic : List.of(Topics.indicators(GENERATION), CHANGELOG, Topics.TARGETS,
                Topics.ENGINE_GENERATIONS, Topics.RETRACTION_OUTCOMES, Topics.PROVIDERS)) {
            assertThat(readAll("dashboard", DASHBOARD_PASSWORD, topic)).as(topic).isNotEmpty();
        }
        // every ingest instance tails the providers the admin page writes
        assertThat(readAll("ingest", INGEST_PASSWORD, Topics.PROVIDERS)).extracting(ConsumerRecord::key)
                .contains("vhs-leer");
        // the engine's consumer group commits its offsets in the event log
        Map<String, Object> config = consumerConfig("dashboard", DASHBOARD_PASSWORD);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, APPLICATION_ID);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(Topics.EVENTS, 0);
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)), Duration.ofSeconds(30));
            assertThat(consumer.committed(Set.of(partition), Duration.ofSeconds(30))).containsKey(partition);
        }
        // ingest may not write what the dashboard derives or sets
        try (KafkaProducer<String, String> ingest = producer("ingest", INGEST_PASSWORD, null)) {
            assertThatThrownBy(() -> ingest.send(new ProducerRecord<>(Topics.TARGETS, "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            // nor give itself a key
            assertThatThrownBy(() -> ingest.send(new ProducerRecord<>(Topics.PROVIDERS, "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void a_principal_without_acls_is_refused_reading_and_writing_and_a_wrong_password_is_refused() {
        // not idempotent: an idempotent producer would already be refused its producer id, before the topic
        try (KafkaProducer<String, String> stranger = producer(cluster.clientProperties("stranger", STRANGER_PASSWORD),
                null, false)) {
            assertThatThrownBy(() -> stranger.send(new ProducerRecord<>(Topics.EVENTS, "k", "forged"))
                    .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> readAll("stranger", STRANGER_PASSWORD, Topics.EVENTS))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readAll("ingest", "not-the-password", Topics.INGEST_AUDIT))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    private static KafkaProducer<String, String> producer(String user, String password, String transactionalId) {
        return producer(cluster.clientProperties(user, password), transactionalId, true);
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client, String transactionalId,
                                                          boolean idempotent) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        config.put(ProducerConfig.ACKS_CONFIG, idempotent ? "all" : "1");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }

    private static Map<String, Object> consumerConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>(cluster.clientProperties(user, password));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** Everything committed on partition 0 of {@code topic}, read without a group as the services' tails read. */
    private static List<ConsumerRecord<String, String>> readAll(String user, String password, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(user, password))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
