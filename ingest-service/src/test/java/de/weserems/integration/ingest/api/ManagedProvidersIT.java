package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Topics;
import de.weserems.integration.events.providers.ProviderEntry;
import de.weserems.integration.ingest.providers.ApiKeys;
import de.weserems.integration.kafka.TopicDeclarations;
import de.weserems.integration.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider and its keys written to the providers topic, as the admin page writes them, count at ingest
 * within seconds and without a restart: a new key works, a rotation's old key stops at the end of its
 * overlap, and after a revocation the next call gets 401.
 */
class ManagedProvidersIT extends IngestApiTestBase {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @BeforeAll
    static void providersTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new TopicDeclarations(1, (short) 1, 1).providers())).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void aKeyIssuedOnTheTopicWorksAtOnceAndARevokedOneIsRefusedAtOnce() throws Exception {
        String id = "managed-" + UUID.randomUUID().toString().substring(0, 8);
        String key = ApiKeys.newKey();
        Instant issued = Instant.now();
        ProviderEntry.Key first = new ProviderEntry.Key("k-1", ApiKeys.sha256Hex(key), issued, null, null);
        write(new ProviderEntry(id, "VHS Test", Set.of("03402"), List.of(first), "admin", issued));

        await().atMost(WITHIN).untilAsserted(() -> assertThat(postIn(key, "03402").statusCode()).isEqualTo(202));
        HttpResponse<String> foreign = postIn(key, "03454");
        assertThat(foreign.statusCode()).as("the districts of the topic's entry apply").isEqualTo(403);
        HttpResponse<String> deliveries = get("/api/v1/deliveries", key);
        assertThat(JSON.readTree(deliveries.body()).get("name").asString()).isEqualTo("VHS Test");
        assertThat(deliveries.body()).contains("\"keyId\":\"k-1\"");

        // rotation: a second key, the first one valid only until the end of an overlap that is already over
        String second = ApiKeys.newKey();
        Instant rotated = Instant.now();
        write(new ProviderEntry(id, "VHS Test", Set.of("03402"), List.of(
                new ProviderEntry.Key("k-1", first.sha256(), issued, rotated, null),
                new ProviderEntry.Key("k-2", ApiKeys.sha256Hex(second), rotated, null, null)), "admin", rotated));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(postIn(key, "03402").statusCode()).isEqualTo(401));
        assertThat(postIn(second, "03402").statusCode()).isEqualTo(202);

        Instant revoked = Instant.now();
        write(new ProviderEntry(id, "VHS Test", Set.of("03402"), List.of(
                new ProviderEntry.Key("k-1", first.sha256(), issued, rotated, null),
                new ProviderEntry.Key("k-2", ApiKeys.sha256Hex(second), rotated, null, revoked)), "admin", revoked));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(postIn(second, "03402").statusCode()).isEqualTo(401));
    }

    @Test
    void aTopicEntryOverridesTheDistrictsOfAConfiguredProviderAndATombstoneGivesBackTheConfiguredOnes() throws Exception {
        write(new ProviderEntry("yaml-provider", "Lieferant aus der Konfiguration", Set.of("03402"), List.of(), "admin", Instant.now()));
        // the configured key stays valid; the topic's districts apply
        await().atMost(WITHIN).untilAsserted(() -> assertThat(postIn(YAML_PROVIDER_KEY, "03454").statusCode()).isEqualTo(403));
        assertThat(postIn(YAML_PROVIDER_KEY, "03402").statusCode()).isEqualTo(202);
        tombstone("yaml-provider");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(postIn(YAML_PROVIDER_KEY, "03454").statusCode()).isEqualTo(202));
    }

    private HttpResponse<String> postIn(String key, String district) throws Exception {
        return post(key, "[" + enrolment(UUID.randomUUID().toString(), district, null) + "]");
    }

    private static void tombstone(String providerId) throws Exception {
        send(new ProducerRecord<>(Topics.PROVIDERS, providerId, null));
    }

    private static void write(ProviderEntry entry) throws Exception {
        send(new ProducerRecord<>(Topics.PROVIDERS, entry.id(), entry.toJson()));
    }

    private static void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        }
    }
}
