import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import support.Events;
import support.Options;
import support.Results;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static support.Log.log;

/**
 * Fills {@code integration.events.v1} of bench/replay directly (no ingest) with N valid events as
 * ingest-service stores them: key = the eventId (as ingest keys them since the engine deduplicates
 * where it reads; {@code --key-by=district} writes them as the older ingest did, keyed by the
 * district's AGS, which the engine re-keys through a repartition), value = the JSON of {@code IntegrationEvent}
 * (eventId, type, occurredOn, district as its AGS, participant = a pseudonym like ingest's (base64url of 32 bytes), courseType,
 * outcome, languageLevel, placementType, providerId, receivedAt; absent fields left out).
 *
 * <p>Mix: 50% enrolments, 35% completions, 15% placements; all 17 districts; occurredOn over the last
 * 2 years; about 30% without participant; the others drawn from a pool of participants (each with a
 * home district for 90% of their events), so participants have several events and chains exist;
 * about 1% of the records are resends of an earlier record (same key and bytes, so the same eventId).
 *
 * <p>Prints and writes (--result-file) key=value figures, among them the number of distinct
 * enrolments, which the read API's region enrolment count over the whole period must equal.
 *
 * <p>Run with kafka-clients on the classpath: {@code java -cp KAFKA_CLASSPATH bench/EventFill.java --help}.
 */
public class EventFill {

    static final String USAGE = """
            Usage: java -cp KAFKA_CLASSPATH bench/EventFill.java [options]
              --bootstrap=localhost:19092
              --topic=integration.events.v1
              --events=2000000       records written, resends included
              --participants=200000  size of the participant pool
              --seed=42
              --key-by=event-id      the record key: event-id (as ingest writes) or district (older ingest)
              --result-file=PATH     key=value figures for the calling script
            """;

    static final int RESEND_WINDOW = 50_000;

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse("EventFill", USAGE, args, "bootstrap", "localhost:19092",
                "topic", "integration.events.v1", "events", "2000000", "participants", "200000", "seed", "42",
                "key-by", "event-id", "result-file", "");
        boolean byDistrict = switch (opt.text("key-by")) {
            case "event-id" -> false;
            case "district" -> true;
            default -> {
                opt.fail("--key-by is event-id or district, not " + opt.text("key-by"));
                yield false;
            }
        };
        long events = opt.longValue("events");
        int participants = opt.integer("participants");
        SplittableRandom random = new SplittableRandom(opt.longValue("seed"));
        String[] pseudonyms = new String[participants];
        for (int i = 0; i < participants; i++) {
            pseudonyms[i] = pseudonym(random);
        }

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, opt.text("bootstrap"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // as ingest-service
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L << 20));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate first = today.minusDays(729);
        Instant now = Instant.now();
        String[] keys = new String[RESEND_WINDOW];
        byte[][] values = new byte[RESEND_WINDOW][];
        long written = 0, resends = 0, enrolments = 0, completions = 0, placements = 0, withoutParticipant = 0,
                bytes = 0, filled = 0;
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long lastLog = start;
        StringBuilder b = new StringBuilder(400);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            while (written < events) {
                String key;
                byte[] value;
                if (filled > 0 && random.nextInt(100) == 0) {
                    int slot = random.nextInt((int) Math.min(filled, RESEND_WINDOW));
                    key = keys[slot];
                    value = values[slot];
                    resends++;
                } else {
                    b.setLength(0);
                    String type = Events.type(random);
                    LocalDate occurredOn = first.plusDays(random.nextInt(730));
                    String participant = null;
                    String district;
                    if (random.nextInt(100) < 30) {
                        withoutParticipant++;
                        district = Events.district(random);
                    } else {
                        int who = random.nextInt(participants);
                        participant = pseudonyms[who];
                        district = random.nextInt(10) == 0 ? Events.district(random)
                                : Events.DISTRICTS[who % Events.DISTRICTS.length];
                    }
                    int idAt = Events.appendHead(b, random, type, occurredOn, district);
                    String eventId = b.substring(idAt, idAt + 36);
                    if (participant != null) {
                        Events.appendField(b, "participant", participant);
                    }
                    Events.appendTypeFields(b, type, random);
                    switch (type) {
                        case "COURSE_ENROLMENT" -> enrolments++;
                        case "COURSE_COMPLETION" -> completions++;
                        default -> placements++;
                    }
                    Instant received = occurredOn.plusDays(1 + random.nextInt(20)).atTime(8 + random.nextInt(10),
                            random.nextInt(60), random.nextInt(60)).toInstant(ZoneOffset.UTC);
                    if (received.isAfter(now)) {
                        received = now;
                    }
                    Events.appendField(b, "providerId", "bench-provider-" + (1 + random.nextInt(8)));
                    Events.appendField(b, "receivedAt", received);
                    b.append('}');
                    key = byDistrict ? district : eventId;
                    value = b.toString().getBytes(StandardCharsets.UTF_8);
                    int slot = (int) (filled % RESEND_WINDOW);
                    keys[slot] = key;
                    values[slot] = value;
                    filled++;
                }
                bytes += key.length() + value.length;
                producer.send(new ProducerRecord<>(opt.text("topic"), key, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                written++;
                if (failure.get() != null) {
                    throw failure.get();
                }
                if ((written & 0xFFFF) == 0 && System.nanoTime() - lastLog > 5_000_000_000L) {
                    lastLog = System.nanoTime();
                    log("%,d of %,d written, %,d acknowledged (%.0f/s)", written, events, acked.get(),
                            written / ((lastLog - start) / 1e9));
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        new Results()
                .put("records", written)
                .put("key", opt.text("key-by"))
                .put("acknowledged", acked.get())
                .put("resends", resends)
                .put("distinct_events", written - resends)
                .put("distinct_enrolments", enrolments)
                .put("distinct_completions", completions)
                .put("distinct_placements", placements)
                .put("without_participant", withoutParticipant)
                .put("avg_record_bytes", (double) bytes / written, 0)
                .put("first_month", YearMonth.from(first))
                .put("last_month", YearMonth.from(today))
                .put("seconds", seconds, 1)
                .put("records_per_second", written / seconds, 0)
                .print(opt.path("result-file"));
        if (acked.get() != written) {
            throw new IllegalStateException("only " + acked.get() + " of " + written + " records were acknowledged");
        }
    }

    /** A pseudonym of the shape of ingest's: HMAC-SHA256 (32 bytes), base64url without padding. */
    static String pseudonym(SplittableRandom random) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
