package de.weserems.integration.dashboard.indicators;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The store {@value IndicatorTopology#SEEN_EVENT_IDS}: every eventId the engine has counted, for all
 * time, so that a resend counts once however late it comes. It holds two kinds of entries, told apart
 * by the length of the key:
 * <ul>
 *   <li><b>one eventId</b>, as the engine writes it for each event it counts: the key is the id's 16
 *       bytes (most significant half first), the value the record timestamp it was first seen at (8
 *       bytes, big-endian). This is the store's format from its first version, so an existing
 *       changelog reads on.</li>
 *   <li><b>packs</b>, written by the rebuild ({@link IndicatorRebuild}), which counts millions of
 *       events at once: one changelog record per eventId was a quarter of its time. The ids of a task
 *       are split into 2<sup>bits</sup> packs by {@link #pack}; the key of a pack is the byte
 *       {@code 0x01} and its number (4 bytes), the value its ids, 16 bytes each, in no particular
 *       order. The key {@code 0x00} holds {@code bits} (1 byte); without it there are no
 *       packs. About {@value #IDS_PER_PACK} ids per pack, so a lookup reads a few hundred bytes.</li>
 * </ul>
 * The engine never writes packs: a rebuild writes them once, into an empty store, before the engine
 * starts; each id the engine counts afterwards gets an entry of its own.
 *
 * <p>{@link #pack} and the key and value layouts are a stored format: changing them needs a new
 * application id ({@code spring.kafka.streams.application-id}).
 */
final class SeenEventIds {

    /** How many ids a pack holds on average, at most (the rebuild picks the number of packs). */
    static final int IDS_PER_PACK = 32;
    /** At most 2^24 packs per task: some 500 million ids before a pack grows beyond 32. */
    static final int MAX_BITS = 24;
    static final Bytes BITS_KEY = Bytes.wrap(new byte[] {0});
    private static final byte PACK = 1;
    /** {@link #bits} not read yet. */
    private static final int UNKNOWN = -2;
    /** No packs in this store. */
    private static final int NONE = -1;

    private final KeyValueStore<Bytes, byte[]> store;
    private int bits = UNKNOWN;

    SeenEventIds(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** Records the id unless it was seen before; says whether this is its first sighting. */
    boolean firstSighting(UUID id, long timestamp) {
        Bytes key = Bytes.wrap(idBytes(id));
        if (store.get(key) != null || inPack(id.getMostSignificantBits(), id.getLeastSignificantBits())) {
            return false;
        }
        store.put(key, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        return true;
    }

    private boolean inPack(long high, long low) {
        if (bits == UNKNOWN) { // only a rebuild writes packs, and never while the engine runs: read once per task
            byte[] stored = store.get(BITS_KEY);
            bits = stored == null ? NONE : stored[0];
        }
        if (bits == NONE) {
            return false;
        }
        byte[] ids = store.get(packKey(pack(high, low, bits)));
        return ids != null && packContains(ids, high, low);
    }

    /** The store key of one eventId: its 16 bytes. */
    static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    /** The smallest number of bits that gives packs of at most {@link #IDS_PER_PACK} ids on average. */
    static int bitsFor(long ids) {
        int bits = 0;
        while (bits < MAX_BITS && ids > (long) IDS_PER_PACK << bits) {
            bits++;
        }
        return bits;
    }

    /** The pack of an id: the top {@code bits} of a mix of both halves (ids numbered in sequence spread evenly). */
    static int pack(long high, long low, int bits) {
        if (bits == 0) {
            return 0;
        }
        long x = high * 0x9E3779B97F4A7C15L + low;
        x ^= x >>> 32;
        x *= 0xD6E8FEB86659FD93L;
        x ^= x >>> 32;
        return (int) (x >>> (64 - bits));
    }

    static Bytes packKey(int pack) {
        return Bytes.wrap(ByteBuffer.allocate(5).put(PACK).putInt(pack).array());
    }

    /** Whether the pack value holds the id (a few dozen ids: a scan costs less than reading the pack). */
    static boolean packContains(byte[] ids, long high, long low) {
        ByteBuffer buffer = ByteBuffer.wrap(ids);
        for (int at = 0; at + 16 <= ids.length; at += 16) {
            if (buffer.getLong(at) == high && buffer.getLong(at + 8) == low) {
                return true;
            }
        }
        return false;
    }

    /** One record of the store's changelog: the partition of the task whose store it is in, key and value. */
    record Entry(int partition, Bytes key, byte[] value) {
    }

    /**
     * The packs that hold {@code count} ids ({@code ids}: most and least significant half of each, in
     * turn), and every task's bits entry, for a store whose ids are split into {@code partitions} tasks by
     * {@code taskOf} (given an id's 16 bytes).
     */
    static List<Entry> packs(long[] ids, int count, int partitions, ToIntFunction<byte[]> taskOf) {
        List<Entry> entries = new ArrayList<>();
        packs(ids, count, partitions, taskOf, entries::add);
        return entries;
    }

    /** {@link #packs(long[], int, int, ToIntFunction)} one after the other, none kept here: they are megabytes. */
    static void packs(long[] ids, int count, int partitions, ToIntFunction<byte[]> taskOf, Consumer<Entry> out) {
        if (count == 0) {
            return;
        }
        int bits = bitsFor((count + partitions - 1) / partitions);
        int groups = partitions << bits; // task and pack in one number
        int[] group = new int[count];
        int[] start = new int[groups + 1];
        ByteBuffer id = ByteBuffer.allocate(16);
        for (int i = 0; i < count; i++) {
            id.putLong(0, ids[2 * i]).putLong(8, ids[2 * i + 1]);
            group[i] = taskOf.applyAsInt(id.array()) << bits | pack(ids[2 * i], ids[2 * i + 1], bits);
            start[group[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        long[] grouped = new long[2 * count];
        int[] next = Arrays.copyOf(start, groups);
        for (int i = 0; i < count; i++) {
            int at = next[group[i]]++;
            grouped[2 * at] = ids[2 * i];
            grouped[2 * at + 1] = ids[2 * i + 1];
        }
        for (int p = 0; p < partitions; p++) {
            out.accept(new Entry(p, BITS_KEY, new byte[] {(byte) bits}));
        }
        for (int g = 0; g < groups; g++) {
            if (start[g] < start[g + 1]) {
                out.accept(new Entry(g >>> bits, packKey(g & ((1 << bits) - 1)),
                        packValue(grouped, start[g], start[g + 1])));
            }
        }
    }

    /** The ids {@code from} (inclusive) to {@code to} of {@code ids} as a pack value, 16 bytes each. */
    private static byte[] packValue(long[] ids, int from, int to) {
        ByteBuffer value = ByteBuffer.allocate(16 * (to - from));
        for (int i = 2 * from; i < 2 * to; i++) {
            value.putLong(ids[i]);
        }
        return value.array();
    }
}
