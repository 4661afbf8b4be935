package de.weserems.integration.dashboard.indicators.engine;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The store {@value IndicatorTopology#SEEN_EVENT_IDS}: every eventId the engine has counted, for all
 * time, so that a resend counts once however late it comes. The key is the id's 16 bytes (most
 * significant half first), the value the record timestamp it was first seen at (8 bytes, big-endian).
 */
final class SeenEventIds {

    private final KeyValueStore<Bytes, byte[]> store;

    SeenEventIds(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** Records the id unless it was seen before; says whether this is its first sighting. */
    boolean firstSighting(UUID id, long timestamp) {
        Bytes key = Bytes.wrap(idBytes(id));
        if (store.get(key) != null) {
            return false;
        }
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        return true;
    }

    /** The store key of one eventId: its 16 bytes. */
    static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }
}
