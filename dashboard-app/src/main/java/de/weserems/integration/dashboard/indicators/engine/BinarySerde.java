package de.weserems.integration.dashboard.indicators.engine;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A compact binary serde for what only the engine itself reads: its repartition topics and state
 * stores ({@link InternalFormats}). JSON there cost most of the stream thread's CPU; the event topic and
 * the indicator topics stay JSON, they are contracts.
 *
 * <p>Each record starts with a version byte. A format evolves by <em>appending</em> fields and raising
 * the version: a reader of version n reads a record of an older version m &lt; n (the decoder is told m
 * and leaves the fields appended after m at their defaults), and it reads a record of a newer version by
 * the fields it knows and skips the rest. So old and new instances can share a task's state during a
 * rolling upgrade, and a format change needs no new engine generation; only a change of what the state
 * <em>means</em> does. A record that cannot be read fails with a {@link SerializationException} naming
 * the type, never the content.
 */
final class BinarySerde<T> implements Serde<T> {

    /** Writes one value (never {@code null}) after the version byte, in the newest layout. */
    @FunctionalInterface
    interface Encoder<T> {
        void write(T value, Writer out);
    }

    /** Reads one value written by the matching {@link Encoder} of {@code version} (at most the newest known). */
    @FunctionalInterface
    interface Decoder<T> {
        T read(Reader in, int version);
    }

    private final String typeName;
    private final byte version;
    private final Encoder<T> encoder;
    private final Decoder<T> decoder;

    /** A format whose newest layout is {@code version} (1 for a format's first layout). */
    BinarySerde(Class<T> type, int version, Encoder<T> encoder, Decoder<T> decoder) {
        this.typeName = type.getSimpleName();
        this.version = (byte) version;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    byte[] encode(T value) {
        Writer out = new Writer();
        out.writeByte(version);
        encoder.write(value, out);
        return out.toByteArray();
    }

    T decode(String topic, byte[] data) {
        try {
            Reader in = new Reader(data);
            int written = in.readByte();
            if (written < 1) {
                throw new IllegalArgumentException("version " + written);
            }
            T value = decoder.read(in, Math.min(written, version));
            if (in.remaining() != 0 && written <= version) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over");
            }
            return value;
        } catch (RuntimeException e) {
            throw new SerializationException("Unreadable " + typeName + " record on " + topic
                    + " (" + data.length + " bytes): " + e.getClass().getSimpleName());
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : decode(topic, data);
    }

    /** A growing byte buffer with variable-length integers (zig-zag, as protobuf and Kafka's own records). */
    static final class Writer {

        private byte[] buf = new byte[64];
        private int size;

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeLong(long v) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }

        void writeVarlong(long v) {
            ensure(10);
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                buf[size++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            buf[size++] = (byte) z;
        }

        /** An {@link Integer} that may be {@code null}. */
        void writeNullableInt(Integer v) {
            writeBoolean(v != null);
            if (v != null) {
                writeVarlong(v);
            }
        }

        /** An enum constant that may be {@code null}, by its position: 0 is {@code null}. */
        void writeEnum(Enum<?> e) {
            writeByte(e == null ? 0 : e.ordinal() + 1);
        }

        void writeString(String s) {
            if (s == null) {
                writeVarlong(-1);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            writeVarlong(bytes.length);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        void writeInstant(Instant t) {
            writeBoolean(t != null);
            if (t != null) {
                writeVarlong(t.getEpochSecond());
                writeVarlong(t.getNano());
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }

    /** Reads what a {@link Writer} wrote; a truncated record throws {@link ArrayIndexOutOfBoundsException}. */
    static final class Reader {

        private final byte[] buf;
        private int pos;

        Reader(byte[] buf) {
            this.buf = buf;
        }

        int remaining() {
            return buf.length - pos;
        }

        byte readByte() {
            return buf[pos++];
        }

        boolean readBoolean() {
            return buf[pos++] != 0;
        }

        long readLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        long readVarlong() {
            long z = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 63) {
                    throw new IllegalArgumentException("varlong too long");
                }
                byte b = buf[pos++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
            }
            return (z >>> 1) ^ -(z & 1);
        }

        int readVarint() {
            return Math.toIntExact(readVarlong());
        }

        Integer readNullableInt() {
            return readBoolean() ? readVarint() : null;
        }

        <E extends Enum<E>> E readEnum(E[] values) {
            int i = readByte();
            return i == 0 ? null : values[i - 1];
        }

        /** An enum constant that must be present. */
        <E extends Enum<E>> E readRequiredEnum(E[] values) {
            E e = readEnum(values);
            if (e == null) {
                throw new IllegalArgumentException("missing " + values.getClass().getComponentType().getSimpleName());
            }
            return e;
        }

        String readString() {
            int length = readVarint();
            if (length == -1) {
                return null;
            }
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        Instant readInstant() {
            return readBoolean() ? Instant.ofEpochSecond(readVarlong(), readVarlong()) : null;
        }
    }
}
