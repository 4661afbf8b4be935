package de.weserems.integration.dashboard.indicators.api;

import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.dashboard.reference.Population;
import de.weserems.integration.dashboard.testing.TestForeignResidents;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static de.weserems.integration.dashboard.indicators.testing.Events.enrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pins the JSON shape of {@code GET /api/v1/indicators} (docs/read-api.md): every property
 * path, in order, with its JSON type. A change here is a change of the public contract: make it on
 * purpose, in docs/read-api.md and this test together.
 */
class ReadApiContractTest {

    /**
     * path: type, for the region and for one reported district ("number|null": null without reports, or a rate
     * or median on too few cases), over a calendar quarter or year (with the breakdowns by sex) and over any
     * other period (without them).
     */
    private static final List<String> REGION = region(true);
    private static final List<String> REGION_WITHOUT_SEX = region(false);

    private static List<String> region(boolean bySex) {
        List<String> shape = new ArrayList<>(List.of(
                "district: string", "name: string", "population: number",
                "counts.enrolments: number|null", "counts.completions: number|null", "counts.passed: number|null",
                "counts.failed: number|null", "counts.dropouts: number|null", "counts.passedB1OrHigher: number|null",
                "counts.placements: number|null", "counts.integrations: number|null",
                "counts.marginalEmployments: number|null",
                "rates.completionRate: number|null", "rates.languageSuccessRate: number|null",
                "rates.placementWithin6Months: number|null",
                "per10k.enrolments: number|null", "per10k.completions: number|null", "per10k.placements: number|null"));
        // contract v2's breakdowns: a published count per value, "NOT_STATED" (ohne Angabe) last
        List<String> variants = List.of("GENERAL", "YOUTH", "PARENTS", "WOMEN", "LITERACY", "SECOND_SCRIPT",
                "INTENSIVE", "BASIC_B2", "BASIC_C1", "BASIC_C2", "SPECIAL_A2", "SPECIAL_B1", "SPECIAL_APPRENTICES",
                "SPECIAL_VOCATIONAL", "NOT_STATED");
        List<String> funding = List.of("BAMF_INTV", "BAMF_DEUFOEV", "LAND_NIEDERSACHSEN", "JOBCENTER_SGB2",
                "EMPLOYMENT_AGENCY_SGB3", "ESF_PLUS", "MUNICIPALITY", "SELF_PAID", "OTHER", "NOT_STATED");
        variants.forEach(v -> shape.add("breakdowns.enrolmentsByCourseVariant." + v + ": number|null"));
        funding.forEach(f -> shape.add("breakdowns.enrolmentsByFundingSource." + f + ": number|null"));
        funding.forEach(f -> shape.add("breakdowns.completionsByFundingSource." + f + ": number|null"));
        List.of("B1_OR_HIGHER", "A2", "BELOW_A2", "NOT_STATED")
                .forEach(l -> shape.add("breakdowns.integrationCourseExamLevels." + l + ": number|null"));
        List.of("EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MARGINAL_EMPLOYMENT", "FULL_VOCATIONAL_TRAINING")
                .forEach(t -> shape.add("breakdowns.placementsByType." + t + ": number|null"));
        if (bySex) {
            // only for a calendar quarter or year; DIVERSE and UNSPECIFIED in one bucket
            for (String count : List.of("enrolmentsBySex", "completionsBySex", "passedBySex", "placementsBySex")) {
                List.of("FEMALE", "MALE", "DIVERSE_OR_UNSPECIFIED", "NOT_STATED")
                        .forEach(sex -> shape.add("breakdowns." + count + "." + sex + ": number|null"));
            }
        }
        for (String attempt : List.of("FIRST", "REPEAT", "NOT_STATED")) {
            for (String figure : List.of("examined", "reached", "rate")) {
                shape.add("targetLevelReached.byAttempt." + attempt + "." + figure + ": number|null");
            }
        }
        for (String variant : variants) {
            for (String figure : List.of("examined", "reached", "rate")) {
                shape.add("targetLevelReached.byCourseVariant." + variant + "." + figure + ": number|null");
            }
        }
        shape.addAll(List.of("chain.medianDaysToPlacement: number|null", "chain.medianWaitingDays: number|null",
                "chain.pending: number|null"));
        if (bySex) {
            for (String sex : List.of("FEMALE", "MALE", "DIVERSE_OR_UNSPECIFIED", "NOT_STATED")) {
                List.of("ended", "placed", "rate").forEach(f -> shape.add(
                        "chain.placementWithin6MonthsBySex." + sex + "." + f + ": number|null"));
            }
        }
        // issue 20: access and waiting (in the period), who waits now (whatever the period), funding gaps
        List.of("waitingTimeCases", "medianWaitingTime", "waitingTimeOver6Weeks", "accessTimeCases",
                "medianAccessTime", "accessTimeOver6Weeks").forEach(f -> shape.add("access." + f + ": number|null"));
        List.of("waiting", "medianDaysWaited", "over6Weeks", "noStartAfter2Years")
                .forEach(f -> shape.add("waitingNow." + f + ": number|null"));
        List.of("wentOn", "gaps", "gapRate", "open").forEach(f -> shape.add("fundingGaps." + f + ": number|null"));
        for (String source : funding) {
            List.of("wentOn", "gaps", "gapRate", "open")
                    .forEach(f -> shape.add("fundingGaps.bySource." + source + "." + f + ": number|null"));
        }
        for (String source : funding) {
            for (String next : funding) {
                shape.add("fundingGaps.flow." + source + "." + next + ": number|null");
            }
            shape.add("fundingGaps.flow." + source + ".PLACEMENT: number|null");
        }
        shape.add("withheld: array");
        return List.copyOf(shape);
    }

    /** 30 enrolments in Emsland in January 2026, nothing else. */
    private final IndicatorReadModel model = TestReadModels.empty();

    ReadApiContractTest() {
        for (int i = 0; i < 30; i++) {
            TestReadModels.count(model, enrolment(District.EMSLAND, "2026-01-10", CourseType.INTEGRATION_COURSE));
        }
    }

    /** The read API over {@link #model}, on 25 November 2026, with the residents of foreign nationality given. */
    private MockMvc api(ForeignResidents foreignResidents) {
        IndicatorQueries queries = new IndicatorQueries(model, TestSettings.properties(),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), Population.reference2018(),
                foreignResidents);
        return MockMvcBuilders.standaloneSetup(new IndicatorsController(queries, model)).build();
    }

    private static String answer(MockMvc api, String accept) throws Exception {
        return api.perform(get("/api/v1/indicators?from=2026-01&to=2026-03").accept(accept))
                .andReturn().getResponse().getContentAsString();
    }

    private static JsonNode json(MockMvc api) throws Exception {
        return JsonMapper.builder().build().readTree(answer(api, "application/json"));
    }

    @Test
    void the_json_shape_is_the_documented_one() throws Exception {
        JsonNode json = json(api(ForeignResidents.NONE));

        assertThat(fields(json)).containsExactly("from", "to", "generatedAt", "protection", "provisional",
                "provisionalFrom", "bySex", "region", "districts");
        assertThat(json.get("bySex").isBoolean()).isTrue();
        assertThat(json.get("bySex").asBoolean()).as("January to March: a calendar quarter").isTrue();
        assertThat(json.get("provisional").isBoolean()).isTrue();
        assertThat(json.get("provisional").asBoolean()).as("January to March, seen in November").isFalse();
        assertThat(json.get("provisionalFrom").asString()).isEqualTo("2026-09");
        assertThat(fields(json.get("protection"))).containsExactly("perturbed", "maxDeviation", "minCases");
        assertThat(json.at("/protection/perturbed").isBoolean()).isTrue();
        assertThat(json.at("/protection/maxDeviation").asInt()).isEqualTo(3);
        assertThat(json.at("/protection/minCases").asInt()).isEqualTo(10);
        assertThat(json.get("from").asString()).isEqualTo("2026-01");
        assertThat(json.get("to").asString()).isEqualTo("2026-03");
        assertThat(Instant.parse(json.get("generatedAt").asString())).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        matches(REGION, shape(json.get("region"), ""));
        assertThat(json.get("region").get("district").asString()).isEqualTo("034");
        assertThat(json.get("districts")).hasSize(17);
        JsonNode emsland = json.get("districts").get(8);
        assertThat(emsland.get("district").asString()).isEqualTo("03454");
        List<String> district = shape(emsland, "");
        assertThat(district.get(3)).isEqualTo("reported: boolean");
        district.remove(3);
        matches(REGION, district);
        // a district without reports: reported false, figures null, nothing listed as withheld
        JsonNode wittmund = json.get("districts").get(16);
        assertThat(wittmund.get("reported").asBoolean()).isFalse();
        assertThat(wittmund.at("/counts/enrolments").isNull()).isTrue();
        assertThat(wittmund.get("withheld")).isEmpty();
        assertThat(wittmund.at("/breakdowns/passedBySex/FEMALE").isNull()).as("null without reports").isTrue();

        // January and February: no calendar quarter, so no breakdowns by sex at all (absent, not null)
        JsonNode twoMonths = JsonMapper.builder().build().readTree(api(ForeignResidents.NONE).perform(
                get("/api/v1/indicators?from=2026-01&to=2026-02")).andReturn().getResponse().getContentAsString());
        assertThat(twoMonths.get("bySex").asBoolean()).isFalse();
        matches(REGION_WITHOUT_SEX, shape(twoMonths.get("region"), ""));
        List<String> withoutSex = shape(twoMonths.get("districts").get(8), "");
        withoutSex.remove(3);
        matches(REGION_WITHOUT_SEX, withoutSex);
    }

    @Test
    void with_the_operators_foreign_residents_the_shape_gains_them_and_their_year_and_source() throws Exception {
        MockMvc api = api(TestForeignResidents.figures());
        JsonNode json = json(api);

        assertThat(fields(json)).containsExactly("from", "to", "generatedAt", "protection", "provisional",
                "provisionalFrom", "bySex", "foreignResidentsReference", "region", "districts");
        assertThat(fields(json.get("foreignResidentsReference"))).containsExactly("year", "source");
        assertThat(json.at("/foreignResidentsReference/year").asInt()).isEqualTo(2024);
        assertThat(json.at("/foreignResidentsReference/source").asString()).isEqualTo("Testzahlen, keine amtlichen");
        // the residents of foreign nationality after the residents, their figures after the residents' ones
        List<String> expected = new ArrayList<>(REGION);
        expected.add(expected.indexOf("population: number") + 1, "foreignResidents: number");
        expected.addAll(expected.indexOf("per10k.placements: number|null") + 1, List.of(
                "per10kForeign.enrolments: number|null", "per10kForeign.completions: number|null",
                "per10kForeign.placements: number|null"));
        matches(expected, shape(json.get("region"), ""));
        List<String> emsland = shape(json.get("districts").get(8), "");
        emsland.remove("reported: boolean");
        matches(expected, emsland);
        assertThat(json.at("/region/foreignResidents").asInt()).isEqualTo(306_000);
        JsonNode wittmund = json.get("districts").get(16);
        assertThat(wittmund.get("foreignResidents").asInt()).isEqualTo(26_000);
        assertThat(wittmund.at("/per10kForeign/enrolments").isNull()).isTrue();

        // the CSV has the same figures as columns; without the operator's figures it has none of them
        List<String> header = List.of(answer(api, "text/csv").lines().findFirst().orElseThrow().split(","));
        assertThat(header).containsSubsequence("population", "foreignResidents", "reported")
                .containsSubsequence("per10k.placements", "per10kForeign.enrolments", "per10kForeign.completions",
                        "per10kForeign.placements", "breakdowns.enrolmentsByCourseVariant.GENERAL");
        assertThat(answer(api(ForeignResidents.NONE), "text/csv").lines().findFirst().orElseThrow())
                .doesNotContain("oreign");
    }

    private void matches(List<String> shape, List<String> actual) {
        assertThat(actual).hasSameSizeAs(shape);
        for (int i = 0; i < shape.size(); i++) {
            String[] expected = shape.get(i).split(": ");
            String[] got = actual.get(i).split(": ");
            assertThat(got[0]).isEqualTo(expected[0]);
            assertThat(List.of(expected[1].split("\\|"))).as(actual.get(i)).contains(got[1]);
        }
    }

    private static List<String> fields(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static List<String> shape(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        for (String name : node.propertyNames()) {
            JsonNode value = node.get(name);
            if (value.isObject()) {
                out.addAll(shape(value, prefix + name + "."));
            } else {
                out.add(prefix + name + ": " + (value.isNumber() ? "number" : value.isString() ? "string"
                        : value.isBoolean() ? "boolean" : value.isArray() ? "array" : "null"));
            }
        }
        return out;
    }
}
