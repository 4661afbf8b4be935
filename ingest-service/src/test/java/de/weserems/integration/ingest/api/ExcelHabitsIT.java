package de.weserems.integration.ingest.api;

import de.weserems.integration.events.Topics;
import de.weserems.integration.ingest.body.BodyFormat;
import de.weserems.integration.ingest.body.Workbooks;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course operator's Excel file over real HTTP against the real broker: what Excel did to it is repaired where
 * the meaning is certain, refused with its likely cause (in German, or in English when asked) where not, and an
 * .xlsx workbook is read like its CSV, dry run included, with bounded work.
 */
class ExcelHabitsIT extends IngestApiTestBase {

    private static final String XLSX_TYPE = BodyFormat.XLSX.mediaType().toString();
    private static final LocalDate DAY = LocalDate.now(de.weserems.integration.events.Region.ZONE).minusDays(3);
    private static final String GERMAN_DAY = DAY.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    private static final String HEADER = "eventId;type;occurredOn;district;participantRef;courseType\r\n";

    private HttpResponse<String> post(String contentType, byte[] body, String query, String language) throws Exception {
        return post(DEMO_KEY, contentType, HttpRequest.BodyPublishers.ofByteArray(body), query, language);
    }

    @Test
    void a_csv_with_a_short_ags_and_a_german_date_is_stored_as_meant() throws Exception {
        String id = UUID.randomUUID().toString();
        String csv = HEADER + id + ";COURSE_ENROLMENT;" + GERMAN_DAY + ";3454;tn-1;INTEGRATION_COURSE\r\n";
        HttpResponse<String> response = post(CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8), "", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode stored = JSON.readTree(find(id).value());
        assertThat(stored.get("district").asString()).isEqualTo("03454");
        assertThat(stored.get("occurredOn").asString()).isEqualTo(DAY.toString());
    }

    @Test
    void a_reference_in_exponent_form_is_refused_naming_excel_in_german_by_default_and_in_english_when_asked()
            throws Exception {
        String csv = HEADER + UUID.randomUUID() + ";COURSE_ENROLMENT;" + GERMAN_DAY + ";03454;1,23E+11;INTEGRATION_COURSE\r\n"
                + UUID.randomUUID() + ";COURSE_ENROLMENT;" + GERMAN_DAY + ";3999;tn-2;INTEGRATION_COURSE\r\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);

        JsonNode german = JSON.readTree(post(CSV_TYPE, body, "", null).body());
        assertThat(german.get("status").asInt()).isEqualTo(422);
        assertThat(german.get("title").asString()).isEqualTo("Ungültige Ereignisse");
        assertThat(german.get("detail").asString()).startsWith("2 von 2 Ereignissen sind ungültig.");
        JsonNode first = german.get("invalid").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("errors").get(0).get("field").asString()).isEqualTo("participantRef");
        assertThat(first.get("errors").get(0).get("rule").asString()).isEqualTo("invalid-format");
        // RFC 9457 as before: which item, which field, which rule, why; nothing of the bundle's keys
        assertThat(first.get("errors").get(0).propertyNames()).containsExactly("field", "rule", "reason");
        assertThat(first.get("errors").get(0).get("reason").asString())
                .startsWith("„1,23E+11“ ist eine Zahl in Exponentialschreibweise: Excel hat die Referenz als Zahl gespeichert");
        // 3999 padded would be no district of Weser-Ems: not repaired, but the likely cause named
        JsonNode second = german.get("invalid").get(1).get("errors").get(0);
        assertThat(second.get("field").asString()).isEqualTo("district");
        assertThat(second.get("rule").asString()).isEqualTo("invalid-format");
        assertThat(second.get("reason").asString()).isEqualTo("„3999“ hat nur vier Ziffern: Hat Excel die führende "
                + "Null entfernt? Auch 03999 ist aber kein Kreis in Weser-Ems; bitte den fünfstelligen AGS prüfen und "
                + "die Spalte als Text formatieren");

        JsonNode english = JSON.readTree(post(CSV_TYPE, body, "", "en-GB,en;q=0.9,de;q=0.5").body());
        assertThat(english.get("title").asString()).isEqualTo("Invalid events");
        assertThat(english.get("invalid").get(0).get("errors").get(0).get("reason").asString())
                .startsWith("'1,23E+11' is a number in exponent form: Excel stored the reference as a number");
        // a language the bundle does not have gets German
        assertThat(JSON.readTree(post(CSV_TYPE, body, "", "fr").body()).get("title").asString())
                .isEqualTo("Ungültige Ereignisse");
    }

    @Test
    void a_csv_declared_windows_1252_keeps_its_umlauts_and_undeclared_it_gets_the_hint_to_save_as_utf8()
            throws Exception {
        String viaCsv = UUID.randomUUID().toString();
        String viaJson = UUID.randomUUID().toString();
        byte[] cp1252 = (HEADER + viaCsv + ";COURSE_ENROLMENT;" + GERMAN_DAY + ";03454;Jürgen-Weiß-Öztürk;"
                + "INTEGRATION_COURSE\r\n").getBytes(BodyFormat.WINDOWS_1252);

        HttpResponse<String> declared = post("text/csv; charset=windows-1252", cp1252, "", null);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(202);
        assertThat(post(DEMO_KEY, enrolment(viaJson, "03454", "Jürgen-Weiß-Öztürk")).statusCode()).isEqualTo(202);
        // the same person, whichever way the name arrived: the same pseudonym
        assertThat(JSON.readTree(find(viaCsv).value()).get("participant"))
                .isEqualTo(JSON.readTree(find(viaJson).value()).get("participant"));

        HttpResponse<String> undeclared = post(CSV_TYPE, cp1252, "", null);
        assertThat(undeclared.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(undeclared.body());
        assertThat(problem.get("title").asString()).isEqualTo("Lieferung nicht lesbar");
        assertThat(problem.get("detail").asString()).contains("(Zeile 2)").contains("„CSV UTF-8 (durch Trennzeichen getrennt)“")
                .contains("charset=windows-1252");
    }

    @Test
    void an_xlsx_workbook_is_stored_and_its_dry_run_stores_nothing() throws Exception {
        String stored = UUID.randomUUID().toString();
        String checked = UUID.randomUUID().toString();
        byte[] workbook = workbook(stored, 3454, "tn-4711");
        HttpResponse<String> dryRun = post(XLSX_TYPE, workbook(checked, 3454, "tn-4711"), "?dryRun=true", null);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(202);
        HttpResponse<String> response = post(XLSX_TYPE, workbook, "", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, String>> events = committedEvents();
        JsonNode event = JSON.readTree(events.stream().filter(r -> r.value().contains(stored)).findFirst()
                .orElseThrow(() -> new AssertionError(stored + " is not on " + Topics.EVENTS)).value());
        assertThat(event.get("district").asString()).isEqualTo("03454");
        assertThat(event.get("occurredOn").asString()).isEqualTo(DAY.toString());
        assertThat(events).noneMatch(r -> r.value().contains(checked));
    }

    @Test
    void an_xlsx_reference_stored_as_a_number_is_refused_on_its_row_with_the_cause() throws Exception {
        HttpResponse<String> response = post(XLSX_TYPE, workbook(UUID.randomUUID().toString(), 3454, 123456789012L),
                "", null);
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode item = JSON.readTree(response.body()).get("invalid").get(0);
        assertThat(item.get("line").asInt()).as("the sheet's row").isEqualTo(2);
        assertThat(item.get("errors").get(0).get("reason").asString())
                .startsWith("ist eine Zahl, kein Text: Excel hat die Referenz als Zahl gespeichert");
    }

    @Test
    void an_xlsx_zip_bomb_is_refused_with_413_and_the_limit_it_passed() throws Exception {
        byte[] bomb = Workbooks.bomb(20_000_000);
        assertThat(bomb.length).as("within max-bytes").isLessThan(256 * 1024);
        HttpResponse<String> response = post(XLSX_TYPE, bomb, "", "en");
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("limit").asString()).isEqualTo("ingest.limits.max-unpacked-bytes");
        assertThat(problem.get("title").asString()).isEqualTo("Workbook too large");
        // the service is unharmed: the next workbook is read
        assertThat(post(XLSX_TYPE, workbook(UUID.randomUUID().toString(), 3454, "tn-1"), "?dryRun=true", null)
                .statusCode()).isEqualTo(202);
    }

    private static byte[] workbook(String id, Object district, Object participantRef) throws Exception {
        return Workbooks.xlsx(List.of(
                List.of("eventId", "type", "occurredOn", "district", "participantRef", "courseType"),
                Arrays.asList(id, "COURSE_ENROLMENT", DAY, district, participantRef, "INTEGRATION_COURSE")));
    }

    private static ConsumerRecord<String, String> find(String eventId) {
        return committedEvents().stream().filter(r -> r.value().contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " is not on " + Topics.EVENTS));
    }
}
