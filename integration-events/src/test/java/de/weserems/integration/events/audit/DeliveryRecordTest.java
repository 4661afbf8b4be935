package de.weserems.integration.events.audit;

import de.weserems.integration.events.audit.DeliveryRecord.Reason;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryRecordTest {

    /** A stored request's record as ingest writes it since the audit names districts. */
    private static final String STORED = """
            {"requestId":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","providerId":"jc-emsland",\
            "receivedAt":"2026-11-25T10:15:30.123456789Z","format":"JSON","dryRun":false,"status":202,"events":3,\
            "accepted":3,"rejected":0,"reasons":[],"problem":null,"districts":{"03454":2,"03456":1}}""";

    /** A refused request's record as ingest wrote it before the audit named districts. */
    private static final String REFUSED_BEFORE_DISTRICTS = """
            {"requestId":"9c5b94b1-35ad-49bb-b118-8e8fc24abf80","providerId":"vhs-leer",\
            "receivedAt":"2025-03-01T08:00:00Z","format":"CSV","dryRun":true,"status":422,"events":5,"accepted":3,\
            "rejected":2,"reasons":[{"field":"district","rule":"missing","count":2},\
            {"field":"occurredOn","rule":"out-of-range","count":1}],"problem":null}""";

    @Test
    void readsTheRecordAsIngestWritesItToday() {
        DeliveryRecord r = read(STORED);
        assertThat(r).isEqualTo(new DeliveryRecord(UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427"), "jc-emsland",
                Instant.parse("2026-11-25T10:15:30.123456789Z"), "JSON", false, 202, 3, 3, 0, List.of(), null,
                Map.of("03454", 2, "03456", 1)));
        assertThat(new String(r.toJson(), StandardCharsets.UTF_8)).isEqualTo(STORED);
    }

    @Test
    void readsARecordWrittenBeforeTheDistrictsAsOneWithoutDistricts() {
        DeliveryRecord r = read(REFUSED_BEFORE_DISTRICTS);
        assertThat(r.districts()).isEmpty();
        assertThat(r.dryRun()).isTrue();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.events()).isEqualTo(5);
        assertThat(r.accepted()).isEqualTo(3);
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.reasons()).containsExactly(new Reason("district", "missing", 2),
                new Reason("occurredOn", "out-of-range", 1));
        assertThat(r.problem()).isNull();
    }

    @Test
    void readsARefusedRequestWithAProblemAndAFieldAddedByALaterVersion() {
        DeliveryRecord r = read("""
                {"requestId":"9c5b94b1-35ad-49bb-b118-8e8fc24abf80","providerId":"slow",\
                "receivedAt":"2026-11-25T10:00:00Z","format":null,"dryRun":false,"status":429,"events":0,\
                "accepted":0,"rejected":0,"reasons":[],"problem":"rate-limited","districts":{},"later":{"x":1}}""");
        assertThat(r.problem()).isEqualTo("rate-limited");
        assertThat(r.format()).isNull();
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void theKeyAndTheServiceClientAreWrittenWhenKnownAndLeftOutOtherwise() {
        DeliveryRecord r = read(STORED);
        assertThat(r.keyId()).isNull();
        assertThat(r.via()).isNull();
        DeliveryRecord viaUpload = new DeliveryRecord(r.requestId(), r.providerId(), r.receivedAt(), r.format(), false,
                202, 3, 3, 0, List.of(), null, r.districts(), "k-7f3a", "dashboard");
        String json = new String(viaUpload.toJson(), StandardCharsets.UTF_8);
        assertThat(json).endsWith(",\"keyId\":\"k-7f3a\",\"via\":\"dashboard\"}");
        assertThat(DeliveryRecord.fromJson(viaUpload.toJson())).isEqualTo(viaUpload);
        assertThat(viaUpload.withDistricts(Map.of()).keyId()).isEqualTo("k-7f3a");
    }

    @Test
    void aRecordWithoutWhoOrWhenIsUnreadable() {
        assertThatThrownBy(() -> read("{\"providerId\":\"demo\",\"receivedAt\":\"2026-11-25T10:00:00Z\"}"))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read("{\"requestId\":\"9c5b94b1-35ad-49bb-b118-8e8fc24abf80\","
                + "\"receivedAt\":\"2026-11-25T10:00:00Z\"}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(JacksonException.class);
        DeliveryRecord minimal = read("{\"requestId\":\"9c5b94b1-35ad-49bb-b118-8e8fc24abf80\",\"providerId\":\"demo\","
                + "\"receivedAt\":\"2026-11-25T10:00:00Z\"}");
        assertThat(minimal.reasons()).isEmpty();
        assertThat(minimal.districts()).isEmpty();
        assertThat(minimal.status()).isZero();
    }

    @Test
    void theDistrictsOfAStoredRequestAreKeptInAgsOrder() {
        DeliveryRecord r = read(REFUSED_BEFORE_DISTRICTS).withDistricts(Map.of("03462", 1, "03401", 4));
        assertThat(r.districts().keySet()).containsExactly("03401", "03462");
        assertThat(DeliveryRecord.fromJson(r.toJson())).isEqualTo(r);
    }

    @Test
    void reasonsAreCountedByFieldAndRuleCommonestFirst() {
        record Error(String field, String rule) {
        }
        List<Error> errors = List.of(new Error("outcome", "missing"), new Error("district", "invalid-value"),
                new Error("outcome", "missing"), new Error("colour", "unknown-field"), new Error("district", "missing"),
                new Error("district", "invalid-value"), new Error("outcome", "missing"));
        assertThat(Reason.counted(errors, Error::field, Error::rule)).containsExactly(
                new Reason("outcome", "missing", 3), new Reason("district", "invalid-value", 2),
                new Reason("colour", "unknown-field", 1), new Reason("district", "missing", 1));
        assertThat(Reason.counted(List.<Error>of(), Error::field, Error::rule)).isEmpty();
    }

    @Test
    void reasonsBeyondTheCapAreCountedAsOneOtherAndTheCommonestStay() {
        Reason.Tally tally = new Reason.Tally();
        for (int i = 0; i < 2_000; i++) {
            tally.add("district", "missing");
            for (int k = 0; k < 10; k++) {
                tally.add("(k" + (i * 10 + k) + ")", "unknown-field");
            }
        }
        tally.add("eventId", "invalid-format");
        List<Reason> reasons = tally.reasons();
        assertThat(reasons).hasSize(Reason.MAX_REASONS);
        assertThat(reasons.getFirst()).isEqualTo(new Reason(Reason.OTHER, Reason.OTHER, 20_000 - 62 + 1));
        assertThat(reasons).contains(new Reason("district", "missing", 2_000));
        assertThat(reasons.stream().mapToInt(Reason::count).sum()).as("every error counted once").isEqualTo(22_001);
        assertThat(reasons).isSortedAccordingTo(Reason.COMMONEST_FIRST);
    }

    @Test
    void aListOfReasonsWithinTheCapIsKeptAsItIs() {
        List<Reason> reasons = java.util.stream.IntStream.range(0, Reason.MAX_REASONS)
                .mapToObj(i -> new Reason("f" + i, "unknown-field", 1)).toList();
        assertThat(Reason.counted(reasons, Reason::field, Reason::rule)).hasSize(Reason.MAX_REASONS)
                .noneMatch(r -> r.field().equals(Reason.OTHER));
        DeliveryRecord record = read(STORED);
        List<Reason> many = java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> new Reason("f" + i, "r", i)).toList();
        DeliveryRecord built = new DeliveryRecord(record.requestId(), "p", record.receivedAt(), "JSON", false, 422, 1, 0, 1,
                many, null, Map.of());
        assertThat(built.reasons()).hasSize(Reason.MAX_REASONS).first().isEqualTo(new Reason(Reason.OTHER, Reason.OTHER,
                java.util.stream.IntStream.range(0, 1_000 - 63).sum()));
    }

    @Test
    void longNamesAreCutAndNeverBetweenTheHalvesOfACharacter() {
        String emoji = "\uD83D\uDE00";
        Reason cut = new Reason("x".repeat(36) + emoji + "y".repeat(10), "r".repeat(100), 1);
        assertThat(cut.field()).isEqualTo("x".repeat(36) + "...");
        assertThat(cut.rule()).hasSize(Reason.MAX_NAME_LENGTH).endsWith("...");
        assertThat(new Reason("x".repeat(35) + emoji + "y".repeat(10), "r", 1).field())
                .isEqualTo("x".repeat(35) + emoji + "...");
    }

    @Test
    void theWorstCaseRecordStaysFarBelowWhatKafkaAcceptsForARecord() {
        // every character of every name escaped in JSON as six bytes, as many distinct reasons as can be
        String worst = "\u0001".repeat(500);
        Reason.Tally tally = new Reason.Tally();
        for (int i = 0; i < 100_000; i++) {
            tally.add(i + worst, i + worst);
        }
        Map<String, Integer> districts = new java.util.HashMap<>();
        for (de.weserems.integration.events.District d : de.weserems.integration.events.District.values()) {
            districts.put(d.ags(), Integer.MAX_VALUE);
        }
        DeliveryRecord record = new DeliveryRecord(UUID.randomUUID(), "provider-" + "p".repeat(50), Instant.now(),
                "NDJSON", true, 422, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, tally.reasons(),
                "too-many-events", districts);
        int maxRequestSize = new org.apache.kafka.clients.producer.ProducerConfig(Map.of(
                "bootstrap.servers", "localhost:9092",
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class))
                .getInt(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        assertThat(record.toJson().length).isLessThan(64 * 1024).isLessThan(maxRequestSize / 16);
        assertThat(DeliveryRecord.fromJson(record.toJson())).isEqualTo(record);
    }

    private static DeliveryRecord read(String json) {
        return DeliveryRecord.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
