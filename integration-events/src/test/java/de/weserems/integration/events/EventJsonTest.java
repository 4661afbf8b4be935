package de.weserems.integration.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void writesAnEventAsJacksonDoes() {
        IntegrationEvent event = new IntegrationEvent(UUID.fromString("efcec8e3-f93c-49be-a4e5-570b3aeb99df"),
                EventType.COURSE_ENROLMENT, LocalDate.of(2026, 4, 13), District.byAgs("03459").orElseThrow(),
                "gVEhPSkgesgqdIAU8bMNLsq63pwaxzHZt1uLPhxn6Vk", CourseType.INTEGRATION_COURSE, null, null, null,
                "demo", Instant.parse("2026-11-26T00:42:41.194847633Z"));

        assertThat(new String(EventJson.toBytes(event), StandardCharsets.UTF_8)).isEqualTo("""
                {"eventId":"efcec8e3-f93c-49be-a4e5-570b3aeb99df","type":"COURSE_ENROLMENT",\
                "occurredOn":"2026-04-13","district":"03459","participant":"gVEhPSkgesgqdIAU8bMNLsq63pwaxzHZt1uLPhxn6Vk",\
                "courseType":"INTEGRATION_COURSE","providerId":"demo","receivedAt":"2026-11-26T00:42:41.194847633Z"}""");
        assertThat(EventJson.toBytes(event)).isEqualTo(JACKSON.writeValueAsBytes(event));
    }

    @Test
    void writesTheFieldsOfContractV2AfterThoseOfV1AndReadsThemBack() {
        UUID retracted = UUID.fromString("0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11");
        IntegrationEvent retraction = new IntegrationEvent(UUID.fromString("efcec8e3-f93c-49be-a4e5-570b3aeb99df"),
                EventType.RETRACTION, LocalDate.of(2026, 4, 14), District.byAgs("03459").orElseThrow(), null, null,
                null, null, null, null, null, null, null, retracted, "demo", Instant.parse("2026-11-26T00:42:41Z"));
        IntegrationEvent completion = new IntegrationEvent(UUID.fromString("efcec8e3-f93c-49be-a4e5-570b3aeb99df"),
                EventType.COURSE_COMPLETION, LocalDate.of(2026, 4, 13), District.byAgs("03459").orElseThrow(), "p",
                CourseType.JOB_LANGUAGE_COURSE, Outcome.FAILED, LanguageLevel.BELOW_A1, null, CourseVariant.BASIC_B2,
                LanguageLevel.B2, Attempt.REPEAT, FundingSource.BAMF_DEUFOEV, null, "demo", null);

        assertThat(new String(EventJson.toBytes(retraction), StandardCharsets.UTF_8)).isEqualTo("""
                {"eventId":"efcec8e3-f93c-49be-a4e5-570b3aeb99df","type":"RETRACTION","occurredOn":"2026-04-14",\
                "district":"03459","retracts":"0b9d3c52-7f0e-4a38-9a64-2f6a1c0e5d11","providerId":"demo",\
                "receivedAt":"2026-11-26T00:42:41Z"}""");
        assertThat(new String(EventJson.toBytes(completion), StandardCharsets.UTF_8)).isEqualTo("""
                {"eventId":"efcec8e3-f93c-49be-a4e5-570b3aeb99df","type":"COURSE_COMPLETION","occurredOn":"2026-04-13",\
                "district":"03459","participant":"p","courseType":"JOB_LANGUAGE_COURSE","outcome":"FAILED",\
                "languageLevel":"BELOW_A1","courseVariant":"BASIC_B2","targetLevel":"B2","attempt":"REPEAT",\
                "fundingSource":"BAMF_DEUFOEV","providerId":"demo"}""");
        for (IntegrationEvent event : List.of(retraction, completion)) {
            assertThat(EventJson.toBytes(event)).isEqualTo(JACKSON.writeValueAsBytes(event));
            assertThat(EventJson.readCanonical(EventJson.toBytes(event))).isEqualTo(event);
            assertThat(JACKSON.readValue(EventJson.toBytes(event), IntegrationEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void writesEntitlementIssuerAndSexAfterRetractsAndReadsThemBack() {
        IntegrationEvent entitlement = new IntegrationEvent(UUID.fromString("efcec8e3-f93c-49be-a4e5-570b3aeb99df"),
                EventType.ENTITLEMENT, LocalDate.of(2026, 4, 14), District.byAgs("03459").orElseThrow(), "p", null,
                null, null, null, null, null, null, null, null, Entitlement.ENTITLED, Issuer.FOREIGNERS_AUTHORITY,
                Sex.DIVERSE, "demo", Instant.parse("2026-11-26T00:42:41Z"));
        IntegrationEvent start = new IntegrationEvent(UUID.fromString("efcec8e3-f93c-49be-a4e5-570b3aeb99df"),
                EventType.COURSE_START, LocalDate.of(2026, 4, 13), District.byAgs("03459").orElseThrow(), "p",
                CourseType.INTEGRATION_COURSE, null, null, null, CourseVariant.GENERAL, null, null,
                FundingSource.BAMF_INTV, null, null, null, Sex.UNSPECIFIED, "demo", null);

        assertThat(new String(EventJson.toBytes(entitlement), StandardCharsets.UTF_8)).isEqualTo("""
                {"eventId":"efcec8e3-f93c-49be-a4e5-570b3aeb99df","type":"ENTITLEMENT","occurredOn":"2026-04-14",\
                "district":"03459","participant":"p","entitlement":"ENTITLED","issuer":"FOREIGNERS_AUTHORITY",\
                "sex":"DIVERSE","providerId":"demo","receivedAt":"2026-11-26T00:42:41Z"}""");
        for (IntegrationEvent event : List.of(entitlement, start)) {
            assertThat(EventJson.toBytes(event)).isEqualTo(JACKSON.writeValueAsBytes(event));
            assertThat(EventJson.readCanonical(EventJson.toBytes(event))).isEqualTo(event);
            assertThat(JACKSON.readValue(EventJson.toBytes(event), IntegrationEvent.class)).isEqualTo(event);
        }
    }

    @Test
    void aRecordOfContractV1ReadsWithTheFieldsOfV2Absent() {
        String v1 = "{\"eventId\":\"efcec8e3-f93c-49be-a4e5-570b3aeb99df\",\"type\":\"COURSE_COMPLETION\","
                + "\"occurredOn\":\"2026-04-13\",\"district\":\"03459\",\"courseType\":\"INTEGRATION_COURSE\","
                + "\"outcome\":\"PASSED\",\"languageLevel\":\"B1\",\"providerId\":\"demo\"}";
        IntegrationEvent expected = new IntegrationEvent(UUID.fromString("efcec8e3-f93c-49be-a4e5-570b3aeb99df"),
                EventType.COURSE_COMPLETION, LocalDate.of(2026, 4, 13), District.byAgs("03459").orElseThrow(), null,
                CourseType.INTEGRATION_COURSE, Outcome.PASSED, LanguageLevel.B1, null, "demo", null);
        assertThat(EventJson.readCanonical(v1.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(JACKSON.readValue(v1, IntegrationEvent.class)).isEqualTo(expected);
        assertThat(expected.courseVariant()).isNull();
        assertThat(expected.retracts()).isNull();
        assertThat(expected.sex()).isNull();
    }

    @Test
    void agreesWithJacksonByteForByteOnRandomEvents() {
        Random random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            IntegrationEvent event = randomEvent(random);
            assertThat(new String(EventJson.toBytes(event), StandardCharsets.UTF_8))
                    .as("event %d", i)
                    .isEqualTo(new String(JACKSON.writeValueAsBytes(event), StandardCharsets.UTF_8));
        }
    }

    private static IntegrationEvent randomEvent(Random random) {
        List<District> districts = List.of(District.values());
        return new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()),
                    pick(random, EventType.values()),
                    LocalDate.of(2015, 1, 1).plusDays(random.nextInt(5_000)),
                    districts.get(random.nextInt(districts.size())),
                    random.nextInt(5) == 0 ? null : text(random),
                    maybe(random, CourseType.values()), maybe(random, Outcome.values()),
                    maybe(random, LanguageLevel.values()), maybe(random, PlacementType.values()),
                    maybe(random, CourseVariant.values()), maybe(random, LanguageLevel.values()),
                    maybe(random, Attempt.values()), maybe(random, FundingSource.values()),
                    random.nextBoolean() ? null : new UUID(random.nextLong(), random.nextLong()),
                    maybe(random, Entitlement.values()), maybe(random, Issuer.values()), maybe(random, Sex.values()),
                    random.nextInt(5) == 0 ? null : text(random),
                    random.nextInt(5) == 0 ? null : Instant.ofEpochSecond(1_400_000_000L + random.nextInt(500_000_000),
                            switch (random.nextInt(4)) {
                                case 0 -> 0;
                                case 1 -> random.nextInt(1000) * 1_000_000;
                                case 2 -> random.nextInt(1_000_000) * 1_000;
                                default -> random.nextInt(1_000_000_000);
                            }));
    }

    @Test
    void readsWhatItWritesAsJacksonDoes() {
        Random random = new Random(20261127);
        int canonical = 0;
        for (int i = 0; i < 20_000; i++) {
            IntegrationEvent event = randomEvent(random);
            byte[] json = EventJson.toBytes(event);
            IntegrationEvent fast = EventJson.readCanonical(json);
            boolean plain = plain(event.participant()) && plain(event.providerId());
            assertThat(fast != null).as("event %d read without Jackson: %s", i, event).isEqualTo(plain);
            if (fast != null) {
                canonical++;
                assertThat(fast).as("event %d", i).isEqualTo(JACKSON.readValue(json, IntegrationEvent.class))
                        .isEqualTo(event);
            }
        }
        assertThat(canonical).isGreaterThan(5_000);
    }

    @Test
    void leavesEveryOtherShapeToJackson() {
        String canonical = "{\"eventId\":\"efcec8e3-f93c-49be-a4e5-570b3aeb99df\",\"type\":\"COURSE_ENROLMENT\","
                + "\"occurredOn\":\"2026-04-13\",\"district\":\"03459\",\"courseType\":\"INTEGRATION_COURSE\","
                + "\"providerId\":\"demo\",\"receivedAt\":\"2026-11-26T00:42:41.19Z\"}";
        assertThat(EventJson.readCanonical(canonical.getBytes(StandardCharsets.UTF_8))).isNotNull()
                .extracting(IntegrationEvent::receivedAt).isEqualTo(Instant.parse("2026-11-26T00:42:41.190Z"));
        List<String> others = List.of(
                canonical.replace(",\"type\"", ", \"type\""),                              // white space
                canonical.replace("\"type\":\"COURSE_ENROLMENT\",\"occurredOn\":\"2026-04-13\"",
                        "\"occurredOn\":\"2026-04-13\",\"type\":\"COURSE_ENROLMENT\""),     // another order
                canonical.replace("\"providerId\"", "\"extra\":\"x\",\"providerId\""),      // unknown field
                canonical.replace("\"demo\"", "\"de\\u006do\""),                          // an escape
                canonical.replace("\"demo\"", "\"dämo\""),                                  // not ASCII
                canonical.replace(",\"district\":\"03459\"", ""),                           // required field missing
                canonical.replace("\"courseType\":\"INTEGRATION_COURSE\"",
                        "\"courseType\":\"INTEGRATION_COURSE\",\"courseType\":\"INTEGRATION_COURSE\""), // twice
                canonical.replace("COURSE_ENROLMENT", "course_enrolment"),                 // unknown name
                canonical.replace("2026-04-13", "2026-02-30"),                             // no such day
                canonical.replace("2026-04-13", "2026-4-13"),                              // another date form
                canonical.replace("03459", "09162"),                                       // not a district here
                canonical.replace("efcec8e3-f93c", "efcec8e3xf93c"),                       // not a UUID
                canonical.replace("\"courseType\":\"INTEGRATION_COURSE\"", "\"courseType\":null"), // null
                canonical.replace("\"providerId\"", "\"retracts\":\"efcec8e3\",\"providerId\""),     // retracts not a UUID
                canonical.replace("\"providerId\"", "\"courseVariant\":\"NIGHT\",\"providerId\""),  // unknown variant
                canonical + " ",                                                           // trailing
                canonical.substring(0, canonical.length() - 1));                           // cut off
        for (String other : others) {
            assertThat(EventJson.readCanonical(other.getBytes(StandardCharsets.UTF_8))).as(other).isNull();
        }
        // an offset or a leap second is not the written form either, but is still read as Jackson reads it
        String offset = canonical.replace("2026-11-26T00:42:41.19Z", "2026-11-26T00:42:41.19+01:00");
        assertThat(EventJson.readCanonical(offset.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    private static boolean plain(String s) {
        return s == null || s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
    }

    /** Mostly base64url like a pseudonym, sometimes quotes, backslashes, control characters, umlauts, emoji. */
    private static String text(Random random) {
        String alphabet = random.nextBoolean()
                ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                : "aZ09-_\"\\/\n\r\t\b\f\u0000\u001f\u007f äöüß€\uD83D\uDE00<>&'";
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(45);
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            if (Character.isHighSurrogate(c)) {
                s.append(c).append('\uDE00');
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static <E> E pick(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <E> E maybe(Random random, E[] values) {
        return random.nextBoolean() ? null : pick(random, values);
    }
}
