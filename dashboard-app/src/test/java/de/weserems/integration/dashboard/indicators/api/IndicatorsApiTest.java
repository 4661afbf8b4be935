package de.weserems.integration.dashboard.indicators.api;

import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The read API's CSV form, the monthly series and exact figures, on the controller with a read model in memory. */
@ExtendWith(OutputCaptureExtension.class)
class IndicatorsApiTest {

    private final IndicatorReadModel model = TestReadModels.empty();
    private final IndicatorQueries queries = new IndicatorQueries(model, TestSettings.properties(),
            Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new IndicatorsController(queries, model)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void enrol(District district, String date, int times) {
        for (int i = 0; i < times; i++) {
            TestReadModels.count(model, enrolment(district, date, CourseType.INTEGRATION_COURSE));
        }
    }

    @Test
    void csv_has_a_row_for_the_region_and_each_district_a_column_per_figure_and_empty_cells_without_reports()
            throws Exception {
        enrol(District.EMSLAND, "2026-01-10", 25);
        enrol(District.LEER, "2026-01-10", 12);
        enrol(District.WITTMUND, "2026-01-10", 2);

        var result = mvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01").accept("text/csv"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(result.getContentType()).startsWith("text/csv");
        List<String> lines = List.of(result.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(1 + 1 + 17);
        List<String> header = List.of(lines.getFirst().split(",", -1));
        assertThat(header).startsWith("district", "name", "population", "reported", "counts.enrolments");
        assertThat(header).contains("rates.completionRate", "per10k.enrolments");
        int enrolments = header.indexOf("counts.enrolments");
        int per10k = header.indexOf("per10k.enrolments");
        // the published figures, as the JSON answer has them
        IndicatorReport published = queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1), Set.of(), null);
        assertThat(cells(lines, "034").get(enrolments)).isEqualTo(String.valueOf(published.region().count("enrolments")));
        assertThat(cells(lines, "03454")).satisfies(r -> {
            assertThat(r.get(enrolments)).isEqualTo(String.valueOf(TestSettings.byAgs(published, "03454").count("enrolments")));
            assertThat(r.get(per10k)).isEqualTo(TestSettings.byAgs(published, "03454").per10k().get("enrolments").toPlainString());
        });
        // Wittmund's 2 never shows as itself
        assertThat(cells(lines, "03462").get(enrolments)).isIn("0", "3");
        // a district without reports: reported=false and no figures
        assertThat(cells(lines, "03401")).satisfies(r -> {
            assertThat(r.get(header.indexOf("reported"))).isEqualTo("false");
            assertThat(r.get(enrolments)).isEmpty();
        });
        assertThat(cells(lines, "03403").get(1)).isEqualTo("\"Oldenburg (Oldb), Stadt\"");
    }

    @Test
    void monthly_lists_each_month_of_the_district_beside_the_region() throws Exception {
        enrol(District.EMSLAND, "2026-01-10", 25);
        enrol(District.EMSLAND, "2026-03-10", 30);
        enrol(District.LEER, "2026-03-10", 40);

        // exact figures, so the months can be checked against what was counted
        String body = mvc.perform(get("/api/v1/indicators/03454/monthly?from=2026-01&to=2026-03&exact=true")
                        .principal(user("statistik", "STATISTICS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode json = JsonMapper.builder().build().readTree(body);
        assertThat(json.get("district").asString()).isEqualTo("03454");
        assertThat(json.get("months")).hasSize(3);
        JsonNode january = json.get("months").get(0);
        assertThat(january.get("month").asString()).isEqualTo("2026-01");
        assertThat(january.at("/figures/counts/enrolments").asLong()).isEqualTo(25);
        assertThat(json.get("months").get(1).at("/figures/reported").asBoolean()).isFalse();
        assertThat(json.get("months").get(2).at("/region/counts/enrolments").asLong()).isEqualTo(70);

        String csv = mvc.perform(get("/api/v1/indicators/03454/monthly?from=2026-01&to=2026-03").accept("text/csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(1 + 6);
        assertThat(csv).startsWith("month,provisional,district,name,");
        assertThat(csv.split("\r\n")[1]).as("January, seen in November").startsWith("2026-01,false,03454,");
    }

    @Test
    void format_csv_is_the_accept_header_csv_as_an_attachment_whatever_the_browser_accepts() throws Exception {
        enrol(District.EMSLAND, "2026-01-10", 25);
        enrol(District.LEER, "2026-01-10", 12);
        String byAccept = mvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01").accept("text/csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // what a browser sends when a planner follows a link
        var linked = mvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01&format=csv")
                        .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(linked.getContentType()).startsWith("text/csv");
        assertThat(linked.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"indicators-2026-01-2026-01.csv\"");
        assertThat(linked.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(byAccept).contains("\r\n03454,Emsland,");
        // a client that asks for JSON but names the format gets the format it named
        assertThat(mvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01&format=CSV").accept("application/json"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(byAccept);

        String monthlyByAccept = mvc.perform(get("/api/v1/indicators/03454/monthly?from=2026-01&to=2026-03")
                .accept("text/csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var monthly = mvc.perform(get("/api/v1/indicators/03454/monthly?from=2026-01&to=2026-03&format=csv"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(monthly.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"indicators-03454-monthly-2026-01-2026-03.csv\"");
        assertThat(monthly.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(monthlyByAccept);
    }

    @Test
    void format_xlsx_has_the_csvs_columns_and_cells_with_figures_as_numbers() throws Exception {
        enrol(District.EMSLAND, "2026-01-10", 25);
        List<String> csv = List.of(mvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01&format=csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).split("\r\n"));
        var response = mvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01&format=xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).endsWith("filename=\"indicators-2026-01-2026-01.xlsx\"");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            List<String> header = List.of(csv.getFirst().split(",", -1));
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("district");
            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) header.size());
            assertThat(sheet.getLastRowNum()).isEqualTo(csv.size() - 1);
            int emsland = csv.indexOf(csv.stream().filter(l -> l.startsWith("03454,")).findFirst().orElseThrow());
            var row = sheet.getRow(emsland);
            assertThat(row.getCell(0).getStringCellValue()).as("the AGS stays a code").isEqualTo("03454");
            int enrolments = header.indexOf("counts.enrolments");
            assertThat(row.getCell(enrolments).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(row.getCell(enrolments).getNumericCellValue())
                    .isEqualTo(Double.parseDouble(cells(csv, "03454").get(enrolments)));
        }
    }

    @Test
    void an_unknown_format_is_a_400_problem_in_german_naming_the_allowed_formats() throws Exception {
        for (String path : List.of("/api/v1/indicators?format=pdf", "/api/v1/indicators/03454/monthly?format=pdf")) {
            var response = mvc.perform(get(path)).andExpect(status().isBadRequest()).andReturn().getResponse();
            assertThat(response.getContentType()).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).isEqualTo("/problems/unknown-format");
            assertThat(problem.get("title").asString()).isEqualTo("Unbekanntes Format");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Das Format 'pdf' gibt es hier nicht; erlaubt sind: json, csv, xlsx.");
            assertThat(problem.get("parameter").asString()).isEqualTo("format");
            assertThat(problem.get("allowed").toString()).isEqualTo("[\"json\",\"csv\",\"xlsx\"]");
        }
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_parameter() throws Exception {
        assertBadParameter("/api/v1/indicators/09162/monthly", "ags", "09162 is not a district of Weser-Ems");
        assertBadParameter("/api/v1/indicators?from=2026-13", "from", "'2026-13' is not a month YYYY-MM");
        assertBadParameter("/api/v1/indicators?from=2026-05&to=2026-01", "from", "'from' (2026-05) is after 'to' (2026-01)");
        assertBadParameter("/api/v1/indicators?district=03454,09162", "district", "09162 is not a district of Weser-Ems");
        assertBadParameter("/api/v1/indicators?courseType=YOGA", "courseType", "'YOGA' is not one of");
        assertBadParameter("/api/v1/indicators?from=2000-01&to=2026-01", "to", "at most 20 years");
    }

    private void assertBadParameter(String path, String parameter, String detail) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-parameter");
        assertThat(problem.get("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).as(path).contains(detail);
    }

    @Test
    void the_german_excel_form_uses_semicolons_decimal_commas_and_a_bom() {
        enrol(District.EMSLAND, "2026-01-10", 25);
        String csv = IndicatorCsv.GERMAN_EXCEL.write(queries.report(YearMonth.of(2026, 1), YearMonth.of(2026, 1),
                Set.of(District.EMSLAND), null, true));
        assertThat(csv).startsWith("\uFEFFdistrict;name;population;reported;counts.enrolments");
        assertThat(csv).contains("03454;Emsland;325657;true;25;").contains(";0,8");
    }

    private static List<String> cells(List<String> lines, String ags) {
        String line = lines.stream().filter(l -> l.startsWith(ags + ",")).findFirst().orElseThrow();
        List<String> out = new java.util.ArrayList<>();
        // split respecting quotes
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                cell.append(c);
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    @Test
    void an_instance_still_reading_the_indicators_answers_503_with_retry_after_rather_than_partial_figures()
            throws Exception {
        IndicatorReadModel starting = TestReadModels.loading();
        TestReadModels.put(starting, "03454|2026-01", MonthlyCounters.empty()
                .add(enrolment(District.EMSLAND, "2026-01-10", CourseType.INTEGRATION_COURSE)));
        IndicatorQueries startingQueries = new IndicatorQueries(starting, TestSettings.properties(),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        MockMvc startingMvc = MockMvcBuilders.standaloneSetup(new IndicatorsController(startingQueries, starting)).build();

        for (String path : List.of("/api/v1/indicators", "/api/v1/indicators/03454/monthly")) {
            var response = startingMvc.perform(get(path)).andExpect(status().isServiceUnavailable()).andReturn().getResponse();
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
            assertThat(problem.get("type").asString()).isEqualTo("/problems/figures-loading");
            assertThat(problem.get("detail").asString()).contains("still reading the indicators");
        }
        TestReadModels.finishLoading(starting);
        startingMvc.perform(get("/api/v1/indicators?from=2026-01&to=2026-01")).andExpect(status().isOk());
    }

    @Test
    void exact_figures_are_for_the_role_statistics_only_unprotected_and_logged_with_the_user(CapturedOutput log)
            throws Exception {
        enrol(District.EMSLAND, "2026-01-10", 25);
        enrol(District.WITTMUND, "2026-01-10", 2);
        String published = "/api/v1/indicators?from=2026-01&to=2026-01";

        JsonNode problem = JSON.readTree(mvc.perform(get(published + "&exact=true").principal(user("planer", "VIEWER")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/exact-figures-forbidden");
        assertThat(problem.get("parameter").asString()).isEqualTo("exact");
        mvc.perform(get(published + "&exact=true")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/indicators/03462/monthly?from=2026-01&to=2026-01&exact=true")
                .principal(user("planer", "VIEWER"))).andExpect(status().isForbidden());

        JsonNode withheld = JSON.readTree(mvc.perform(get(published).principal(user("statistik", "VIEWER", "STATISTICS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(district(withheld, "03462").at("/counts/enrolments").asLong()).as("without exact: published, never 2")
                .isIn(0L, 3L);
        assertThat(withheld.at("/protection/perturbed").asBoolean()).isTrue();
        assertThat(withheld.at("/protection/maxDeviation").asInt()).isEqualTo(3);

        JsonNode exact = JSON.readTree(mvc.perform(get(published + "&exact=true").principal(user("statistik", "VIEWER", "STATISTICS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(district(exact, "03462").at("/counts/enrolments").asLong()).isEqualTo(2);
        assertThat(district(exact, "03462").get("withheld")).isEmpty();
        assertThat(district(exact, "03454").at("/counts/enrolments").asLong()).isEqualTo(25);
        assertThat(exact.at("/protection/perturbed").asBoolean()).isFalse();
        String monthly = mvc.perform(get("/api/v1/indicators/03462/monthly?from=2026-01&to=2026-01&exact=true")
                .principal(user("statistik", "STATISTICS"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(monthly).at("/months/0/figures/counts/enrolments").asLong()).isEqualTo(2);
        assertThat(log.getAll()).contains("Exact figures for user 'statistik': /api/v1/indicators?from=2026-01&to=2026-01&exact=true")
                .doesNotContain("Exact figures for user 'planer'");
    }

    private static Authentication user(String name, String... roles) {
        return new UsernamePasswordAuthenticationToken(name, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    private static JsonNode district(JsonNode report, String ags) {
        for (JsonNode d : report.get("districts")) {
            if (d.get("district").asString().equals(ags)) {
                return d;
            }
        }
        throw new AssertionError("no district " + ags);
    }
}
