package de.weserems.integration.e2e;

import de.weserems.integration.dashboard.indicators.engine.DeadLetters;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import de.weserems.integration.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain indicators and the dead-letter topic on a real broker: real repartition topics, the join
 * of counts and chain, exactly-once, the declared dead-letter topic and the metric in Prometheus.
 */
class ChainAndDeadLettersIT extends EndToEndTestBase {

    @Test
    void completions_and_later_placements_of_the_same_participants_show_in_the_chain_figures() throws Exception {
        LocalDate today = LocalDate.now(Region.ZONE);
        LocalDate completed = today.minusDays(40);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String participant = "chain-it-" + UUID.randomUUID();
            events.add(event("COURSE_COMPLETION", completed, participant,
                    "\"courseType\":\"INTEGRATION_COURSE\",\"outcome\":\"PASSED\""));
            events.add(event("JOB_PLACEMENT", today.minusDays(10), participant, "\"placementType\":\"EMPLOYMENT\""));
        }
        HttpResponse<String> response = post("[" + String.join(",", events) + "]");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        // every event and what the engine made of it on its way through the chain's repartition topics
        awaitEverythingProcessed();
        YearMonth month = YearMonth.from(completed);
        JsonNode wittmund = district(indicators(month, month), "03462");
        assertThat(wittmund.get("chain").get("medianDaysToPlacement").decimalValue()).isEqualByComparingTo("30.0");
        assertThat(wittmund.get("chain").get("pending").asLong()).isEqualTo(10);
        assertThat(wittmund.get("rates").has("placementWithin6Months")).isTrue();
        assertThat(wittmund.get("counts").get("passed").asLong()).isEqualTo(10);
    }

    @Test
    void a_record_no_provider_could_send_goes_to_the_dead_letter_topic_and_is_counted() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.EVENTS, "03462", "{\"written\":\"by another producer\"}")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS_DEAD_LETTERS));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            ConsumerRecord<String, String> dead = await()
                    .alias("the record of another producer among those read from " + Topics.EVENTS_DEAD_LETTERS)
                    .atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                        return read;
                    }, all -> all.stream().anyMatch(ChainAndDeadLettersIT::byAnotherProducer))
                    .stream().filter(ChainAndDeadLettersIT::byAnotherProducer).findFirst().orElseThrow();
            assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                    .startsWith("contract: ");
        }
        String prometheus = http.send(asOperator(managementPort, "/actuator/prometheus"),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(prometheus).contains("indicators_dead_letters_total{").contains("reason=\"contract\"");
    }

    private static boolean byAnotherProducer(ConsumerRecord<String, String> record) {
        return record.value().contains("by another producer");
    }

    private static String event(String type, LocalDate day, String participant, String fields) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredOn\":\"" + day
                + "\",\"district\":\"03462\",\"participantRef\":\"" + participant + "\"," + fields + "}";
    }

    private static JsonNode district(JsonNode report, String ags) {
        for (JsonNode d : report.get("districts")) {
            if (d.get("district").asString().equals(ags)) {
                return d;
            }
        }
        throw new AssertionError(ags + " missing");
    }
}
