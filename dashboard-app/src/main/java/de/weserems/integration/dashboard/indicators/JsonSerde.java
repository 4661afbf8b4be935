package de.weserems.integration.dashboard.indicators;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (Jackson 3) serde for the records on the product's topics. No type headers: the topic
 * decides the type, so records written by ingest-service or any other producer read the same.
 *
 * <p>A record that cannot be read, or that breaks the record's own invariants, deserialises to
 * {@code null} with a warning (never its content), so one bad record written by another producer
 * can neither stop nor stall the topology, which drops {@code null} values.
 */
final class JsonSerde<T> implements Serde<T> {

    private static final Logger log = LoggerFactory.getLogger(JsonSerde.class);

    private final JsonMapper json;
    private final Class<T> type;

    JsonSerde(JsonMapper json, Class<T> type) {
        this.json = json;
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return json.readValue(data, type);
            } catch (RuntimeException e) {
                log.warn("Skipping an unreadable {} record on {} ({} bytes): {}", type.getSimpleName(), topic,
                        data.length, e.getClass().getSimpleName());
                return null;
            }
        };
    }
}
