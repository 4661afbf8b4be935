import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills {@code integration.events.v1} of bench/replay directly (no ingest) with N valid events as
 * ingest-service stores them: key = district AGS, value = the JSON of {@code IntegrationEvent}
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
              --result-file=PATH     key=value figures for the calling script
            """;

    static final String[] DISTRICTS = {"03401", "03402", "03403", "03404", "03405", "03451", "03452", "03453",
            "03454", "03455", "03456", "03457", "03458", "03459", "03460", "03461", "03462"};
    static final String[] COURSE_TYPES = {"INTEGRATION_COURSE", "JOB_LANGUAGE_COURSE", "VOCATIONAL_QUALIFICATION",
            "ORIENTATION_COURSE"};
    static final String[] OUTCOMES = {"PASSED", "FAILED", "DROPPED_OUT"};
    static final String[] LEVELS = {"A1", "A2", "B1", "B2", "C1", "C2"};
    static final String[] PLACEMENTS = {"EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MARGINAL_EMPLOYMENT"};
    static final int RESEND_WINDOW = 50_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("bootstrap", "localhost:19092",
                "topic", "integration.events.v1", "events", "2000000", "participants", "200000", "seed", "42",
                "result-file", ""));
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !opt.containsKey(arg.substring(2, eq))) {
                System.err.println("EventFill: not an option: " + arg);
                System.err.print(USAGE);
                System.exit(2);
            }
            opt.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        long events = Long.parseLong(opt.get("events"));
        int participants = Integer.parseInt(opt.get("participants"));
        SplittableRandom random = new SplittableRandom(Long.parseLong(opt.get("seed")));
        String[] pseudonyms = new String[participants];
        for (int i = 0; i < participants; i++) {
            pseudonyms[i] = pseudonym(random);
        }

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, opt.get("bootstrap"));
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
                    int kind = random.nextInt(100);
                    String type = kind < 50 ? "COURSE_ENROLMENT" : kind < 85 ? "COURSE_COMPLETION" : "JOB_PLACEMENT";
                    LocalDate occurredOn = first.plusDays(random.nextInt(730));
                    String participant = null;
                    String district;
                    if (random.nextInt(100) < 30) {
                        withoutParticipant++;
                        district = DISTRICTS[random.nextInt(DISTRICTS.length)];
                    } else {
                        int who = random.nextInt(participants);
                        participant = pseudonyms[who];
                        district = random.nextInt(10) == 0 ? DISTRICTS[random.nextInt(DISTRICTS.length)]
                                : DISTRICTS[who % DISTRICTS.length];
                    }
                    b.append("{\"eventId\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                            .append("\",\"type\":\"").append(type)
                            .append("\",\"occurredOn\":\"").append(occurredOn)
                            .append("\",\"district\":\"").append(district).append('"');
                    if (participant != null) {
                        b.append(",\"participant\":\"").append(participant).append('"');
                    }
                    switch (type) {
                        case "COURSE_ENROLMENT" -> {
                            enrolments++;
                            b.append(",\"courseType\":\"").append(pick(COURSE_TYPES, random)).append('"');
                        }
                        case "COURSE_COMPLETION" -> {
                            completions++;
                            b.append(",\"courseType\":\"").append(pick(COURSE_TYPES, random)).append('"');
                            b.append(",\"outcome\":\"").append(pick(OUTCOMES, random)).append('"');
                            if (random.nextBoolean()) {
                                b.append(",\"languageLevel\":\"").append(pick(LEVELS, random)).append('"');
                            }
                        }
                        default -> {
                            placements++;
                            b.append(",\"placementType\":\"").append(pick(PLACEMENTS, random)).append('"');
                        }
                    }
                    Instant received = occurredOn.plusDays(1 + random.nextInt(20)).atTime(8 + random.nextInt(10),
                            random.nextInt(60), random.nextInt(60)).toInstant(ZoneOffset.UTC);
                    if (received.isAfter(now)) {
                        received = now;
                    }
                    b.append(",\"providerId\":\"bench-provider-").append(1 + random.nextInt(8))
                            .append("\",\"receivedAt\":\"").append(received).append("\"}");
                    key = district;
                    value = b.toString().getBytes(StandardCharsets.UTF_8);
                    int slot = (int) (filled % RESEND_WINDOW);
                    keys[slot] = key;
                    values[slot] = value;
                    filled++;
                }
                bytes += key.length() + value.length;
                producer.send(new ProducerRecord<>(opt.get("topic"), key, value), (metadata, e) -> {
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
                    System.err.printf(Locale.ROOT, "[EventFill] %,d of %,d written, %,d acknowledged (%.0f/s)%n",
                            written, events, acked.get(), written / ((lastLog - start) / 1e9));
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> result = new LinkedHashMap<>();
        result.put("records", Long.toString(written));
        result.put("acknowledged", Long.toString(acked.get()));
        result.put("resends", Long.toString(resends));
        result.put("distinct_events", Long.toString(written - resends));
        result.put("distinct_enrolments", Long.toString(enrolments));
        result.put("distinct_completions", Long.toString(completions));
        result.put("distinct_placements", Long.toString(placements));
        result.put("without_participant", Long.toString(withoutParticipant));
        result.put("avg_record_bytes", String.format(Locale.ROOT, "%.0f", (double) bytes / written));
        result.put("first_month", YearMonth.from(first).toString());
        result.put("last_month", YearMonth.from(today).toString());
        result.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        result.put("records_per_second", String.format(Locale.ROOT, "%.0f", written / seconds));
        StringBuilder text = new StringBuilder();
        result.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        System.out.print(text);
        if (!opt.get("result-file").isBlank()) {
            Files.writeString(Path.of(opt.get("result-file")), text);
        }
        if (acked.get() != written) {
            throw new IllegalStateException("only " + acked.get() + " of " + written + " records were acknowledged");
        }
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /** A pseudonym of the shape of ingest's: HMAC-SHA256 (32 bytes), base64url without padding. */
    static String pseudonym(SplittableRandom random) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
