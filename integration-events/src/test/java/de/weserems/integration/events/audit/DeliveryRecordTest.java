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

    private static DeliveryRecord read(String json) {
        return DeliveryRecord.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
