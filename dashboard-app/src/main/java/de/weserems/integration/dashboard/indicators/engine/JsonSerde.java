package de.weserems.integration.dashboard.indicators.engine;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON (Jackson 3) serde for the records on the product's topics. No type headers: the topic
 * decides the type, so records written by ingest-service or any other producer read the same.
 *
 * <p>Used for {@code integration.indicators.v1}, whose JSON the read model and other readers rely on; the
 * engine's repartition topics and stores are binary ({@link InternalFormats}). The event topic, open to
 * other producers, is read as bytes and checked by {@link EventReader}, so a bad event goes to the
 * dead-letter topic with its reason. A record here that cannot be read fails with a
 * {@link SerializationException} naming the type, never the content; the configured deserialization
 * exception handler decides what then.
 */
final class JsonSerde<T> implements Serde<T> {

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
                throw new SerializationException("Unreadable " + type.getSimpleName() + " record on " + topic
                        + " (" + data.length + " bytes): " + e.getClass().getSimpleName());
            }
        };
    }
}
