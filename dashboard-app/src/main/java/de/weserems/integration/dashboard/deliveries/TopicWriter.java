package de.weserems.integration.dashboard.deliveries;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.ProducerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes one record of a tailed topic that admins change (targets, providers): the change counts only once Kafka
 * has confirmed it ({@code acks=all}); the tail then brings it back to every instance like any other's.
 */
@FunctionalInterface
public interface TopicWriter {

    /** Writes {@code value} ({@code null}: a tombstone) under {@code key}; returns once Kafka has it. */
    void write(String key, byte[] value) throws Exception;

    /** A writer to {@code topic} with producers of {@code producerFactory}, waiting up to 30 s for all replicas. */
    static TopicWriter acksAll(ProducerFactory<?, ?> producerFactory, String topic) {
        ProducerFactory<?, ?> bytes = producerFactory.copyWithConfigurationOverride(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
        return (key, value) -> {
            @SuppressWarnings("unchecked")
            Producer<String, byte[]> producer = (Producer<String, byte[]>) bytes.createProducer();
            try (producer) {
                producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            }
        };
    }
}
