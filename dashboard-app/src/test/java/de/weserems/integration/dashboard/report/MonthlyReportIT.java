package de.weserems.integration.dashboard.report;

import de.weserems.integration.dashboard.indicators.query.Confidentiality;
import de.weserems.integration.events.District;
import de.weserems.integration.events.EventJson;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.Topics;
import de.weserems.integration.kafka.TopicDeclarations;
import de.weserems.integration.testsupport.KafkaTestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monthly report as a planner gets it: a year of events on a real broker, counted by the engine, the PDF fetched
 * over HTTP with a browser's login, read back with PDFBox and compared, figure by figure, with what the read API
 * answers for the same district and month. On a broker of its own: the engine here marks its generation caught up,
 * which dashboards on the shared broker would follow. The first page is kept as {@code target/report/bericht-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dashboard.engine.caught-up-for=2s", "dashboard.engine.progress-interval=1s"})
@ActiveProfiles("local")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MonthlyReportIT {

    private static final KafkaTestCluster BROKER = KafkaTestCluster.startOrFail(1, Map.of());
    private static final LocalDate TODAY = LocalDate.now(Region.ZONE);
    /** The last whole month, as a planner reports on it. */
    private static final YearMonth MONTH = YearMonth.from(TODAY).minusMonths(1);
    private static final List<IntegrationEvent> EVENTS =
            ReportEvents.year(11, TODAY, District.AURICH, MONTH, MONTH.minusMonths(4));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        String stateDir = Files.createTempDirectory("streams-report-it").toString();
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            admin.createTopics(List.of(new TopicDeclarations(3, (short) 1, 1).events())).all().get();
            // as ingest writes them: keyed by eventId
            for (IntegrationEvent e : EVENTS) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, e.eventId().toString(), EventJson.toBytes(e)));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        BROKER.close();
    }

    @Test
    void the_pdf_shows_the_figures_the_read_api_gives_for_the_same_district_and_month() throws Exception {
        JsonNode api = settledApi("&district=03452");
        String cookie = session("planer");

        HttpResponse<byte[]> answer = get("/berichte/03452/" + MONTH + ".pdf", cookie);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).contains("inline", "monatsbericht-03452-" + MONTH + ".pdf"));

        ReportText text = ReportText.of("de");
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            String pdf = new PDFTextStripper().getText(document);
            JsonNode aurich = api.get("districts").get(0);
            JsonNode region = api.get("region");
            assertThat(aurich.get("district").asString()).isEqualTo("03452");
            assertThat(pdf).contains("Monatsbericht Aurich – " + text.month(MONTH));
            for (String count : Confidentiality.COUNTS) {
                assertThat(pdf).as(count).contains(line(text, "indicator." + count,
                        count(text, aurich, "/counts/" + count), count(text, region, "/counts/" + count)));
            }
            for (String rate : List.of("completionRate", "languageSuccessRate", "placementWithin6Months")) {
                assertThat(pdf).as(rate).contains(line(text, "indicator." + rate,
                        rate(text, aurich, "/rates/" + rate), rate(text, region, "/rates/" + rate)));
            }
            assertThat(pdf).contains(line(text, "indicator.pending",
                    count(text, aurich, "/chain/pending"), count(text, region, "/chain/pending")));
            assertThat(pdf).contains(line(text, "indicator.waitingNow",
                    count(text, aurich, "/waitingNow/waiting"), count(text, region, "/waitingNow/waiting")));
            assertThat(pdf).contains(line(text, "indicator.noStartAfter2Years",
                    count(text, aurich, "/waitingNow/noStartAfter2Years"),
                    count(text, region, "/waitingNow/noStartAfter2Years")));
            assertThat(pdf).contains(line(text, "indicator.fundingGapsOpen",
                    count(text, aurich, "/fundingGaps/open"), count(text, region, "/fundingGaps/open")));
            // the chain, waiting and funding tables add the twelve months up to the month, as the API gives that period
            JsonNode year = apiPeriod(MONTH.minusMonths(11), MONTH, "&district=03452");
            JsonNode aurichYear = year.get("districts").get(0);
            JsonNode regionYear = year.get("region");
            assertThat(aurichYear.at("/fundingGaps/gaps").asLong()).as("gaps over the year").isPositive();
            assertThat(pdf).contains(line(text, "report.funding.gaps", count(text, aurich, "/fundingGaps/gaps"),
                    count(text, region, "/fundingGaps/gaps")) + " " + count(text, aurichYear, "/fundingGaps/gaps")
                    + " " + count(text, regionYear, "/fundingGaps/gaps"));
            assertThat(pdf).contains(line(text, "indicator.fundingGapRate", rate(text, aurich, "/fundingGaps/gapRate"),
                    rate(text, region, "/fundingGaps/gapRate")) + " " + rate(text, aurichYear, "/fundingGaps/gapRate")
                    + " " + rate(text, regionYear, "/fundingGaps/gapRate"));
            assertThat(pdf).contains(line(text, "indicator.placementWithin6Months",
                    rate(text, aurich, "/rates/placementWithin6Months"), rate(text, region, "/rates/placementWithin6Months"))
                    + " " + rate(text, aurichYear, "/rates/placementWithin6Months")
                    + " " + rate(text, regionYear, "/rates/placementWithin6Months"));
            assertThat(aurich.at("/counts/enrolments").asLong()).as("a month with figures").isPositive();
            assertThat(aurich.at("/waitingNow/waiting").asLong()).as("people waiting").isPositive();
            // the month nobody reported for: the read API says so, the chart marks it
            JsonNode silent = apiMonth(MONTH.minusMonths(4), "&district=03452").get("districts").get(0);
            assertThat(silent.get("reported").asBoolean()).isFalse();
            assertThat(pdf).contains(text.get("report.series.noReports"));
            Path png = ReportDocumentTest.save(document, "bericht-03452-" + MONTH);
            assertThat(png).isNotEmptyFile();
        }

        HttpResponse<byte[]> whole = get("/berichte/region/" + MONTH + ".pdf", cookie);
        assertThat(whole.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(whole.body())) {
            String pdf = new PDFTextStripper().getText(document);
            JsonNode all = settledApi("");
            for (String count : List.of("enrolments", "completions", "placements")) {
                assertThat(pdf).as(count).contains(text.get("indicator." + count) + " "
                        + count(text, all.get("region"), "/counts/" + count) + "\n");
            }
            ReportDocumentTest.save(document, "bericht-weser-ems-" + MONTH);
        }
    }

    @Test
    void a_wrong_district_or_month_gets_a_german_sentence_and_only_a_viewer_gets_a_report() throws Exception {
        String cookie = session("planer");
        HttpResponse<byte[]> district = get("/berichte/99999/" + MONTH + ".pdf", cookie);
        assertThat(district.statusCode()).isEqualTo(404);
        assertThat(new String(district.body(), StandardCharsets.UTF_8))
                .contains("Einen Kreis mit dem Schlüssel „99999“ gibt es in Weser-Ems nicht");
        HttpResponse<byte[]> month = get("/berichte/03452/2026-13.pdf", cookie);
        assertThat(month.statusCode()).isEqualTo(400);
        assertThat(new String(month.body(), StandardCharsets.UTF_8)).contains("„2026-13“ ist kein Monat");
        HttpResponse<byte[]> future = get("/berichte/03452/" + MONTH.plusMonths(2) + ".pdf", cookie);
        assertThat(future.statusCode()).isEqualTo(404);
        assertThat(new String(future.body(), StandardCharsets.UTF_8)).contains("gibt es noch keine Zahlen");

        HttpResponse<byte[]> anonymous = get("/berichte/03452/" + MONTH + ".pdf", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
        assertThat(get("/berichte/03452/" + MONTH + ".pdf", session("anbieter")).statusCode())
                .as("a data provider sees no figures").isEqualTo(403);
    }

    /** "Label district region", as a table row reads back from the PDF. */
    private static String line(ReportText text, String label, String district, String region) {
        return text.get(label) + " " + district + " " + region;
    }

    private static String count(ReportText text, JsonNode area, String pointer) {
        JsonNode value = area.at(pointer);
        return value.isNull() ? text.withheld() : text.count(value.asLong());
    }

    private static String rate(ReportText text, JsonNode area, String pointer) {
        JsonNode value = area.at(pointer);
        return value.isNull() ? text.withheld() : text.rate(new BigDecimal(value.asString()));
    }

    /**
     * The read API's published figures of {@link #MONTH}, once the engine has counted every event and its chain
     * figures (one repartition later) have stopped changing.
     */
    private JsonNode settledApi(String query) {
        long enrolments = EVENTS.stream().filter(e -> e.type() == EventType.COURSE_ENROLMENT).count();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonNode year = exactYear();
            if (year == null || year.at("/region/counts/enrolments").asLong() != enrolments) {
                return false;
            }
            JsonNode now = apiMonth(MONTH, query);
            boolean same = last[0] != null && withoutTime(now).equals(withoutTime(last[0]));
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /**
     * The exact figures (role STATISTICS) of two years, which hold every event sent (enrolments lie up to 100 days
     * before their completion), to know the engine has counted them all.
     */
    private JsonNode exactYear() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/indicators?from="
                        + MONTH.minusMonths(24) + "&to=" + YearMonth.from(TODAY) + "&exact=true"))
                .header("Authorization", basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    private JsonNode apiMonth(YearMonth month, String query) throws Exception {
        return apiPeriod(month, month, query);
    }

    /** The published figures of {@code from}..{@code to}, as a planner's script reads them. */
    private JsonNode apiPeriod(YearMonth from, YearMonth to, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/indicators?from=" + from + "&to="
                + to + query)).header("Authorization", basic("planer")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode withoutTime(JsonNode answer) {
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        copy.remove("generatedAt");
        return copy;
    }

    private HttpResponse<byte[]> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The session cookie of a form login of {@code user} (password = user name, as in the local profile). */
    private String session(String user) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
