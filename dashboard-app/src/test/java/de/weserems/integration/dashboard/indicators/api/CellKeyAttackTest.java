package de.weserems.integration.dashboard.indicators.api;

import de.weserems.integration.dashboard.indicators.engine.RecordKeys;
import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.FundingFlow;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.query.PerturbationTable;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.DistrictMonth;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A logged-in viewer who combines every answer the read API gives about a half-year of small counts
 * cannot pin a single true 1 or 2 (issue: "statistical confidentiality that holds when a viewer
 * combines answers").
 *
 * <p>The data: a seeded half-year of enrolments, 17 districts × every course type × 6 months, most
 * cells 0 to 4. The answers, read as JSON from the read API as a viewer gets them: every period of
 * whole months × all course types and each one (the region and every district in each), and every
 * district's monthly series with and without a course type. The attack: {@link CombiningAttack}, an
 * exact search over the relations between the answers, with the perturbation table known.
 *
 * <p>The same attacker, given the answers as they were published before the cell key method (1 and 2
 * withheld in each answer, all else exact), pins the true 1s and 2s: the attack has teeth. With a
 * maximum deviation of 2 it pinned a few under the cell key method too (3 of 191 on seed 1): a 3 could
 * then only be published as itself, and a published 4 ruled out both 2 and 3, so a total at the top of
 * its range beside parts at the bottom of theirs left no room. Hence the default of 3, and the rule that
 * the maximum deviation exceeds the hidden counts ({@link PerturbationTable}).
 *
 * <p>What the attacker does not try, and what bounds it:
 * <ul>
 *   <li>Averaging many noisy answers. The same cells always give the same noise, so a question asked
 *       again, or asked another way that covers the same events, gives the identical answer; only
 *       questions that cover different events add anything, and each adds a fresh deviation of at most
 *       ±3 (variance 1) on a different sum. Over a half-year a month lies in at most 21 periods per course
 *       filter, and a periods' differences share their cells' noise, so averaging narrows a value but
 *       never pins it; the exact search here already uses every such relation at once.</li>
 *   <li>Working out the record keys. A cell's key is the sum of its records' keys, each an HMAC under a
 *       secret only the server holds; the attacker treats the noise as unknown, which it is.</li>
 *   <li>Knowing some people's records from elsewhere (a neighbour who enrolled). That removes known
 *       people from a count; the remaining count is still perturbed in every answer.</li>
 * </ul>
 */
class CellKeyAttackTest {

    private static final District[] DISTRICTS = District.values();
    private static final CourseType[] TYPES = CourseType.values();
    private static final YearMonth FIRST = YearMonth.of(2026, 1);
    private static final int MONTHS = 6;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-15T10:00:00Z"), ZoneOffset.UTC);
    /** Larger than any sum of the data set: the open end of "at least 1". */
    private static final int LIMIT = 1 << 16;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void combining_every_answer_of_a_half_year_pins_no_true_1_or_2(long seed) throws Exception {
        Random random = new Random(seed);
        int[] truth = new int[DISTRICTS.length * TYPES.length * MONTHS];
        CombiningAttack attack = new CombiningAttack(DISTRICTS.length, TYPES.length, MONTHS);
        IndicatorReadModel model = TestReadModels.empty();
        RecordKeys keys = RecordKeys.hmac(("seed " + seed + ": a secret only the server knows")
                .getBytes(StandardCharsets.UTF_8));
        for (int d = 0; d < DISTRICTS.length; d++) {
            for (int t = 0; t < TYPES.length; t++) {
                for (int m = 0; m < MONTHS; m++) {
                    int n = small(random);
                    truth[attack.cell(d, t, m)] = n;
                    for (int i = 0; i < n; i++) {
                        TestReadModels.count(model, enrolment(random, DISTRICTS[d], TYPES[t], null, m), keys);
                    }
                }
            }
        }
        MockMvc api = MockMvcBuilders.standaloneSetup(new IndicatorsController(
                new IndicatorQueries(model, TestSettings.properties(), CLOCK), model)).build();

        readEveryAnswer(api, attack);
        assertThat(attack.unmet(truth)).as("the true counts meet every answer").isEmpty();

        Tally cellKey = attackEverySmallValue(attack, truth, names(TYPES));
        System.out.printf("seed %d, cell key method: %d answers, %s; %d search nodes%n", seed, attack.answers(),
                cellKey, attack.nodes());
        assertThat(cellKey.small()).as("true 1s and 2s in the data set").isGreaterThan(150);
        assertThat(cellKey.undecided).as("true 1s and 2s the search could not settle").isEmpty();
        assertThat(cellKey.pinned).as("true 1s and 2s the attacker pins").isEmpty();

        CombiningAttack before = new CombiningAttack(DISTRICTS.length, TYPES.length, MONTHS);
        publishedAsBefore(truth, before);
        Tally suppression = attackEverySmallValue(before, truth, names(TYPES));
        System.out.printf("seed %d, 1 and 2 withheld in each answer (before): %s%n", seed, suppression);
        assertThat(suppression.pinned.size()).as("true 1s and 2s pinned under the suppression before")
                .isGreaterThan(suppression.small() / 2);
    }

    /**
     * The breakdown by course variant of contract v2 beside everything else a viewer gets about the
     * integration courses: a half-year of enrolments, 17 districts × the 7 integration-course variants and
     * "ohne Angabe" × 6 months; for each period the integration-course total and each variant's count, for
     * every district and the region, and the monthly series.
     */
    @Test
    void combining_the_course_variant_breakdown_with_every_other_answer_pins_no_true_1_or_2() throws Exception {
        List<CourseVariant> variants = new ArrayList<>(CourseVariant.of(CourseType.INTEGRATION_COURSE));
        variants.add(null); // events without a variant: the bucket NOT_STATED
        String[] parts = variants.stream().map(v -> v == null ? "NOT_STATED" : v.name()).toArray(String[]::new);
        Random random = new Random(3);
        CombiningAttack attack = new CombiningAttack(DISTRICTS.length, parts.length, MONTHS);
        IndicatorReadModel model = TestReadModels.empty();
        int[] truth = smallCounts(attack, random, parts.length, MONTHS, model, "variants",
                (d, v, m) -> enrolment(random, DISTRICTS[d], CourseType.INTEGRATION_COURSE, variants.get(v), m));
        MockMvc api = MockMvcBuilders.standaloneSetup(new IndicatorsController(
                new IndicatorQueries(model, TestSettings.properties(), CLOCK), model)).build();

        String filter = "&courseType=" + CourseType.INTEGRATION_COURSE.name();
        PerturbationTable table = null;
        for (int from = 0; from < MONTHS; from++) {
            for (int to = from; to < MONTHS; to++) {
                JsonNode report = read(api, "/api/v1/indicators?from=" + FIRST.plusMonths(from) + "&to="
                        + FIRST.plusMonths(to) + filter);
                table = table == null ? tableOf(report.get("protection")) : table;
                String source = FIRST.plusMonths(from) + ".." + FIRST.plusMonths(to);
                addVariants(attack, table, -1, from, to, report.get("region"), parts, "region " + source);
                for (JsonNode district : report.get("districts")) {
                    addVariants(attack, table, index(district.get("district").asString()), from, to, district, parts,
                            source);
                }
            }
        }
        for (int d = 0; d < DISTRICTS.length; d++) {
            JsonNode monthly = read(api, "/api/v1/indicators/" + DISTRICTS[d].ags() + "/monthly?from=" + FIRST
                    + "&to=" + FIRST.plusMonths(MONTHS - 1) + filter);
            int m = 0;
            for (JsonNode month : monthly.get("months")) {
                addVariants(attack, table, d, m, m, month.get("figures"), parts, "monthly " + month.get("month"));
                addVariants(attack, table, -1, m, m, month.get("region"), parts, "monthly region " + month.get("month"));
                m++;
            }
        }
        assertThat(attack.unmet(truth)).as("the true counts meet every answer").isEmpty();

        assertNonePinned("course variants", attack, attackEverySmallValue(attack, truth, parts), 300);
    }

    /**
     * The breakdown by sex beside everything else a viewer gets about the same enrolments: a year of them, 17
     * districts × the four buckets by sex × 4 quarters; for every period of whole months the total of each
     * district and of the region, for each calendar quarter and the year also each bucket's count, and the
     * monthly series. All events of a quarter fall in its first month and the attacker is told so (a cell is a
     * district, a bucket and a quarter, and a period of months covers the quarters whose first month it holds):
     * that only helps it. The true 1s and 2s attacked are the small cells a quarter's breakdown publishes.
     */
    @Test
    void combining_the_breakdown_by_sex_with_every_other_answer_pins_no_true_1_or_2() throws Exception {
        String[] parts = {"FEMALE", "MALE", "DIVERSE_OR_UNSPECIFIED", "NOT_STATED"};
        int quarters = 4;
        Random random = new Random(4);
        CombiningAttack attack = new CombiningAttack(DISTRICTS.length, parts.length, quarters);
        IndicatorReadModel model = TestReadModels.empty();
        int[] truth = smallCounts(attack, random, parts.length, quarters, model, "sex", (d, p, q) -> {
            Sex sex = switch (p) {
                case 0 -> Sex.FEMALE;
                case 1 -> Sex.MALE;
                case 2 -> random.nextBoolean() ? Sex.DIVERSE : Sex.UNSPECIFIED;
                default -> null;
            };
            return enrolment(random, DISTRICTS[d], 3 * q, sex);
        });
        MockMvc api = MockMvcBuilders.standaloneSetup(new IndicatorsController(
                new IndicatorQueries(model, TestSettings.properties(), CLOCK), model)).build();

        CombiningAttack before = new CombiningAttack(DISTRICTS.length, parts.length, quarters);
        Answers answers = new Answers(attack, before, truth, parts.length);
        int bySex = 0;
        for (int from = 0; from < 12; from++) {
            for (int to = from; to < 12; to++) {
                JsonNode report = read(api, "/api/v1/indicators?from=" + FIRST.plusMonths(from) + "&to="
                        + FIRST.plusMonths(to));
                boolean quarterOrYear = from % 3 == 0 && to == from + 2 || from == 0 && to == 11;
                assertThat(report.get("bySex").asBoolean()).as("by sex for %d..%d", from, to).isEqualTo(quarterOrYear);
                int qFrom = (from + 2) / 3;
                int qTo = to / 3;
                if (qFrom > qTo) {
                    continue; // no first month of a quarter: no events, nothing to learn
                }
                PerturbationTable table = tableOf(report.get("protection"));
                String source = FIRST.plusMonths(from) + ".." + FIRST.plusMonths(to);
                answers.total(-1, qFrom, qTo, report.get("region"), table, "region " + source);
                for (JsonNode district : report.get("districts")) {
                    answers.total(index(district.get("district").asString()), qFrom, qTo, district, table, source);
                }
                if (quarterOrYear) {
                    bySex++;
                    answers.bySex(-1, qFrom, qTo, report.get("region"), table, parts, "region " + source);
                    for (JsonNode district : report.get("districts")) {
                        answers.bySex(index(district.get("district").asString()), qFrom, qTo, district, table, parts,
                                source);
                    }
                }
            }
        }
        for (int d = 0; d < DISTRICTS.length; d++) {
            JsonNode monthly = read(api, "/api/v1/indicators/" + DISTRICTS[d].ags() + "/monthly?from=" + FIRST
                    + "&to=" + FIRST.plusMonths(11));
            int m = 0;
            for (JsonNode month : monthly.get("months")) {
                assertThat(month.at("/figures/breakdowns/enrolmentsBySex").isMissingNode())
                        .as("a month of a series is never broken down by sex").isTrue();
                if (m % 3 == 0) {
                    PerturbationTable table = tableOf(monthly.get("protection"));
                    answers.total(d, m / 3, m / 3, month.get("figures"), table, "monthly " + month.get("month"));
                    answers.total(-1, m / 3, m / 3, month.get("region"), table, "monthly region " + month.get("month"));
                }
                m++;
            }
        }
        assertThat(bySex).as("4 quarters and the year").isEqualTo(5);
        assertThat(attack.unmet(truth)).as("the true counts meet every answer").isEmpty();

        assertNonePinned("by sex", attack,
                attackEverySmallValue(attack, truth, parts, quarters, q -> "Q" + (q + 1) + " " + FIRST.getYear()), 100);

        assertSuppressionPinsMost("by sex", attackEverySmallValue(before, truth, parts, quarters, q -> "Q" + (q + 1)));
    }

    /**
     * The funding gaps beside everything else a viewer gets about the same completions: a half-year of failed
     * job-language-course completions, 17 districts × 2 funding sources of the completed measure (BAMF_INTV and
     * "ohne Angabe") × what came next (nothing within 90 days: a gap; an enrolment funded by
     * BAMF_DEUFOEV; a placement) × 6 months, each cell 0 to 4, every 90 days ended on the day asked. The
     * answers, for every period of whole months, the region and every district: {@code fundingGaps.gaps} and
     * {@code wentOn}, each source's {@code gaps} and {@code wentOn}, the flow cells, and beside them the
     * completions' count and their breakdown by funding source; each district's monthly series gives the same
     * cells again and is checked to give the same answers. The attacker is told that every other funding
     * source and flow cell is 0 (all are published as 0), which only helps it. The true 1s and 2s attacked
     * are the gap and flow cells of one district, source and month.
     *
     * <p>Seed 5: 5,271 distinct answers, 283 true 1s and 2s, none pinned (most keep 3 or 4 values the attacker
     * cannot rule out); with 1 and 2 withheld in each answer instead, all 283 pinned. About a minute.
     */
    @Test
    void combining_the_funding_gaps_with_every_other_answer_pins_no_true_1_or_2() throws Exception {
        FundingSource[] sources = {FundingSource.BAMF_INTV, null};
        int[] next = {-1, FundingFlow.bucket(FundingSource.BAMF_DEUFOEV), FundingFlow.PLACEMENT}; // -1: a gap
        String[] parts = new String[sources.length * next.length];
        for (int p = 0; p < parts.length; p++) {
            String source = FundingFlow.name(FundingFlow.bucket(sources[p / next.length]));
            int after = next[p % next.length];
            parts[p] = source + (after < 0 ? " gap" : " → " + FundingFlow.name(after));
        }
        Random random = new Random(5);
        CombiningAttack attack = new CombiningAttack(DISTRICTS.length, parts.length, MONTHS);
        IndicatorReadModel model = TestReadModels.empty();
        int[] truth = smallCounts(attack, random, parts.length, MONTHS, "funding", (d, p, m, keys) ->
                completion(model, keys, random, DISTRICTS[d], m, sources[p / next.length], next[p % next.length]));
        MockMvc api = MockMvcBuilders.standaloneSetup(new IndicatorsController(
                new IndicatorQueries(model, TestSettings.properties(), CLOCK), model)).build();

        CombiningAttack before = new CombiningAttack(DISTRICTS.length, parts.length, MONTHS);
        FundingAnswers answers = new FundingAnswers(attack, before, truth, sources, next.length);
        for (int from = 0; from < MONTHS; from++) {
            for (int to = from; to < MONTHS; to++) {
                JsonNode report = read(api, "/api/v1/indicators?from=" + FIRST.plusMonths(from) + "&to="
                        + FIRST.plusMonths(to));
                PerturbationTable table = tableOf(report.get("protection"));
                String source = FIRST.plusMonths(from) + ".." + FIRST.plusMonths(to);
                answers.area(-1, from, to, report.get("region"), table, "region " + source);
                for (JsonNode district : report.get("districts")) {
                    int d = index(district.get("district").asString());
                    answers.area(d, from, to, district, table, DISTRICTS[d].ags() + " " + source);
                }
            }
        }
        int fresh = answers.fresh;
        for (int d = 0; d < DISTRICTS.length; d++) {
            JsonNode monthly = read(api, "/api/v1/indicators/" + DISTRICTS[d].ags() + "/monthly?from=" + FIRST
                    + "&to=" + FIRST.plusMonths(MONTHS - 1));
            PerturbationTable table = tableOf(monthly.get("protection"));
            int m = 0;
            for (JsonNode month : monthly.get("months")) {
                answers.area(d, m, m, month.get("figures"), table, "monthly " + month.get("month"));
                answers.area(-1, m, m, month.get("region"), table, "monthly region " + month.get("month"));
                m++;
            }
        }
        assertThat(answers.fresh).as("the monthly series only ask for cells the periods already gave").isEqualTo(fresh);
        assertThat(attack.unmet(truth)).as("the true counts meet every answer").isEmpty();

        assertNonePinned("funding gaps", attack, attackEverySmallValue(attack, truth, parts), 200);

        assertSuppressionPinsMost("funding gaps", attackEverySmallValue(before, truth, parts));
    }

    /**
     * The chain's placement within 6 months by sex beside everything else a viewer gets about the same
     * completions: a half-year of passed job-language-course completions, 17 districts × the four buckets by sex
     * × placed within 6 months (30 days after, so it also went on in the funding gaps) or not × 2 quarters, each
     * cell 0 to 4, every window ended on the day asked. All completions of a quarter fall in its first month and
     * the attacker is told so, which only helps it. The answers, for every period of whole months, the region
     * and every district: the completions' and passed count, the funding gaps' went-on and gaps (placed and not
     * placed in total, which the chain itself shows only as a rate), and for each quarter the completions and
     * passed by sex and each bucket's placed and not placed ({@code ended} minus {@code placed}).
     *
     * <p>Seed 6: 645 distinct answers, 144 true 1s and 2s, none pinned (most keep 4 values the attacker cannot
     * rule out); with 1 and 2 withheld in each answer instead, 130 pinned (14 the search could not settle). About
     * 2 s.
     */
    @Test
    void combining_the_chain_by_sex_with_every_other_answer_pins_no_true_1_or_2() throws Exception {
        String[] sexes = {"FEMALE", "MALE", "DIVERSE_OR_UNSPECIFIED", "NOT_STATED"};
        Sex[] sexOf = {Sex.FEMALE, Sex.MALE, Sex.DIVERSE, null};
        String[] parts = new String[sexes.length * 2];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = sexes[p / 2] + (p % 2 == 0 ? " placed" : " not placed");
        }
        int quarters = 2;
        Random random = new Random(6);
        CombiningAttack attack = new CombiningAttack(DISTRICTS.length, parts.length, quarters);
        IndicatorReadModel model = TestReadModels.empty();
        int[] truth = smallCounts(attack, random, parts.length, quarters, "chain by sex", (d, p, q, keys) ->
                passed(model, keys, random, DISTRICTS[d], 3 * q, sexOf[p / 2], p % 2 == 0));
        MockMvc api = MockMvcBuilders.standaloneSetup(new IndicatorsController(
                new IndicatorQueries(model, TestSettings.properties(), CLOCK), model)).build();

        CombiningAttack before = new CombiningAttack(DISTRICTS.length, parts.length, quarters);
        PartAnswers answers = new PartAnswers(attack, before, truth);
        BitSet all = range(0, parts.length - 1);
        BitSet placed = new BitSet();
        for (int p = 0; p < parts.length; p += 2) {
            placed.set(p);
        }
        BitSet notPlaced = (BitSet) all.clone();
        notPlaced.andNot(placed);
        int bySex = 0;
        for (int from = 0; from < MONTHS; from++) {
            for (int to = from; to < MONTHS; to++) {
                int qFrom = (from + 2) / 3;
                int qTo = to / 3;
                if (qFrom > qTo) {
                    continue; // no first month of a quarter: no completions, nothing to learn
                }
                JsonNode report = read(api, "/api/v1/indicators?from=" + FIRST.plusMonths(from) + "&to="
                        + FIRST.plusMonths(to));
                boolean quarter = from % 3 == 0 && to == from + 2;
                PerturbationTable table = tableOf(report.get("protection"));
                List<JsonNode> areas = new ArrayList<>();
                areas.add(report.get("region"));
                report.get("districts").forEach(areas::add);
                for (int i = 0; i < areas.size(); i++) {
                    JsonNode area = areas.get(i);
                    int d = i == 0 ? -1 : index(area.get("district").asString());
                    String source = (d < 0 ? "region" : DISTRICTS[d].ags()) + " " + FIRST.plusMonths(from) + ".."
                            + FIRST.plusMonths(to);
                    if (d >= 0 && !answers.reported(d, all, qFrom, qTo, area, source)) {
                        continue;
                    }
                    assertThat(area.at("/chain/pending").asLong()).as("every window has ended").isZero();
                    answers.count(d, all, qFrom, qTo, area.at("/counts/completions"), table, source + " completions");
                    answers.count(d, all, qFrom, qTo, area.at("/counts/passed"), table, source + " passed");
                    answers.count(d, placed, qFrom, qTo, area.at("/fundingGaps/wentOn"), table, source + " went on");
                    answers.count(d, notPlaced, qFrom, qTo, area.at("/fundingGaps/gaps"), table, source + " gaps");
                    if (!quarter) {
                        assertThat(area.at("/chain/placementWithin6MonthsBySex").isMissingNode())
                                .as("by sex only for a quarter or year: %s", source).isTrue();
                        continue;
                    }
                    for (int s = 0; s < sexes.length; s++) {
                        String what = source + " " + sexes[s];
                        BitSet sex = range(2 * s, 2 * s + 1);
                        answers.count(d, sex, qFrom, qTo, area.at("/breakdowns/completionsBySex/" + sexes[s]), table,
                                what + " completions");
                        answers.count(d, sex, qFrom, qTo, area.at("/breakdowns/passedBySex/" + sexes[s]), table,
                                what + " passed");
                        JsonNode chain = area.at("/chain/placementWithin6MonthsBySex/" + sexes[s]);
                        long placedNow = chain.get("placed").asLong();
                        answers.count(d, only(2 * s), qFrom, qTo, chain.get("placed"), table, what + " placed");
                        answers.count(d, only(2 * s + 1), qFrom, qTo, chain.get("ended").asLong() - placedNow, table,
                                what + " not placed");
                    }
                }
                bySex += quarter ? 1 : 0;
            }
        }
        assertThat(bySex).as("2 quarters").isEqualTo(2);
        assertThat(attack.unmet(truth)).as("the true counts meet every answer").isEmpty();

        String[] quarterNames = {"Q1", "Q2"};
        assertNonePinned("chain by sex", attack,
                attackEverySmallValue(attack, truth, parts, quarters, q -> quarterNames[q] + " " + FIRST.getYear()), 100);
        assertSuppressionPinsMost("chain by sex",
                attackEverySmallValue(before, truth, parts, quarters, q -> quarterNames[q]));
    }

    /**
     * A passed completion of a job-language course on a day of month {@code m}, as the engine counts it: the
     * completion's counts and, under the same record key, its chain contribution, {@code placed} 30 days after
     * (then it also went on) or never.
     */
    private static void passed(IndicatorReadModel model, RecordKeys keys, Random random, District district, int m,
                               Sex sex, boolean placed) {
        int day = 1 + random.nextInt(28);
        IntegrationEvent event = new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()),
                EventType.COURSE_COMPLETION, FIRST.plusMonths(m).atDay(day), district, null,
                CourseType.JOB_LANGUAGE_COURSE, Outcome.PASSED, null, null, null, null, null, null, null, null,
                null, sex, "demo", Instant.EPOCH);
        TestReadModels.count(model, event, keys);
        ChainContribution chain = new ChainContribution(CourseType.JOB_LANGUAGE_COURSE, day, true,
                placed ? 30 : null, null, FundingFlow.NOT_STATED, placed ? FundingFlow.PLACEMENT : null,
                Breakdown.sexBucket(sex));
        String key = DistrictMonth.of(event).key();
        TestReadModels.put(model, key, model.get(key).plus(MonthlyCounters.ofChain(CourseType.JOB_LANGUAGE_COURSE,
                ChainCounters.ZERO.plus(chain, 1), keys.keyOf(event.eventId()))));
    }

    /**
     * A failed completion of a job-language course funded by {@code source} on a day of month {@code m}, as the
     * engine counts it: the completion's counts and, under the same record key, its chain contribution with
     * {@code next} as what came within 90 days (-1: nothing, a gap).
     */
    private static void completion(IndicatorReadModel model, RecordKeys keys, Random random, District district, int m,
                                   FundingSource source, int next) {
        int day = 1 + random.nextInt(28);
        IntegrationEvent event = new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()),
                EventType.COURSE_COMPLETION, FIRST.plusMonths(m).atDay(day), district, null,
                CourseType.JOB_LANGUAGE_COURSE, Outcome.FAILED, null, null, null, null, null, source, null, "demo",
                Instant.EPOCH);
        TestReadModels.count(model, event, keys);
        ChainContribution chain = new ChainContribution(CourseType.JOB_LANGUAGE_COURSE, day, false, null, null,
                FundingFlow.bucket(source), next < 0 ? null : next, 0);
        String key = DistrictMonth.of(event).key();
        TestReadModels.put(model, key, model.get(key).plus(MonthlyCounters.ofChain(CourseType.JOB_LANGUAGE_COURSE,
                ChainCounters.ZERO.plus(chain, 1), keys.keyOf(event.eventId()))));
    }

    /**
     * Answers each about the sum of a set of parts, each relation once (the same cells give the same answer however
     * they are asked, which is checked): to {@code attack} as published, to {@code before} as the suppression
     * before would have published them.
     */
    private static class PartAnswers {
        final CombiningAttack attack;
        final CombiningAttack before;
        final int[] truth;
        final Map<String, Long> seen = new HashMap<>();
        int fresh;

        PartAnswers(CombiningAttack attack, CombiningAttack before, int[] truth) {
            this.attack = attack;
            this.before = before;
            this.truth = truth;
        }

        /** Whether district {@code d} reported in the period: then at least 1 in {@code all}, otherwise none. */
        boolean reported(int d, BitSet all, int from, int to, JsonNode figures, String source) {
            boolean reported = figures.get("reported").asBoolean();
            Long earlier = seen.putIfAbsent("reported " + d + " " + from + " " + to, reported ? 1L : 0L);
            if (earlier == null) {
                attack.add(d, all, from, to, reported ? atLeast(1) : only(0), source + " reported");
                before.add(d, all, from, to, reported ? atLeast(1) : only(0), source + " reported");
            } else {
                assertThat(reported ? 1L : 0L).as("reported, asked again: %s", source).isEqualTo(earlier);
            }
            return reported;
        }

        void count(int d, BitSet parts, int from, int to, JsonNode value, PerturbationTable table, String source) {
            count(d, parts, from, to, value.asLong(), table, source);
        }

        void count(int d, BitSet parts, int from, int to, long published, PerturbationTable table, String source) {
            Long earlier = seen.putIfAbsent(d + " " + parts + " " + from + " " + to, published);
            if (earlier != null) {
                assertThat(published).as("the same cells asked again: %s", source).isEqualTo(earlier);
                return;
            }
            fresh++;
            attack.add(d, parts, from, to, publishedAs(table, published), source);
            int sum = attack.sum(attack.answerList().getLast(), truth);
            before.add(d, parts, from, to, sum == 1 || sum == 2 ? range(1, 2) : only(sum), "withheld or exact");
        }
    }

    /**
     * The answers of the test of the funding gaps. Part {@code s * next + k} is source {@code s}'s gap ({@code k}
     * 0) or its flow to the {@code k}th next.
     */
    private static final class FundingAnswers extends PartAnswers {
        private final FundingSource[] sources;
        private final int next;

        FundingAnswers(CombiningAttack attack, CombiningAttack before, int[] truth, FundingSource[] sources, int next) {
            super(attack, before, truth);
            this.sources = sources;
            this.next = next;
        }

        /** Everything one area's figures say about the completions of the period {@code from}..{@code to}. */
        void area(int d, int from, int to, JsonNode figures, PerturbationTable table, String source) {
            BitSet all = parts(s -> true, k -> true);
            if (d >= 0 && !reported(d, all, from, to, figures, source)) {
                return;
            }
            JsonNode gaps = figures.get("fundingGaps");
            assertThat(gaps.get("open").asLong()).as("open: every 90 days have ended").isZero();
            count(d, all, from, to, figures.at("/counts/completions"), table, source + " completions");
            count(d, all, from, to, figures.at("/counts/failed"), table, source + " failed");
            count(d, parts(s -> true, k -> k == 0), from, to, gaps.get("gaps"), table, source + " gaps");
            count(d, parts(s -> true, k -> k > 0), from, to, gaps.get("wentOn"), table, source + " went on");
            Map<String, Integer> sourceIndex = new HashMap<>();
            for (int s = 0; s < sources.length; s++) {
                sourceIndex.put(FundingFlow.name(FundingFlow.bucket(sources[s])), s);
            }
            for (Map.Entry<String, JsonNode> bySource : gaps.get("bySource").properties()) {
                Integer s = sourceIndex.get(bySource.getKey());
                if (s == null) {
                    assertThat(bySource.getValue().get("gaps").asLong() + bySource.getValue().get("wentOn").asLong())
                            .as("a source without completions: %s", bySource.getKey()).isZero();
                    assertThat(figures.at("/breakdowns/completionsByFundingSource/" + bySource.getKey()).asLong())
                            .isZero();
                    continue;
                }
                String what = source + " " + bySource.getKey();
                count(d, parts(x -> x == s, k -> true), from, to,
                        figures.at("/breakdowns/completionsByFundingSource/" + bySource.getKey()), table,
                        what + " completed");
                count(d, parts(x -> x == s, k -> k == 0), from, to, bySource.getValue().get("gaps"), table,
                        what + " gaps");
                count(d, parts(x -> x == s, k -> k > 0), from, to, bySource.getValue().get("wentOn"), table,
                        what + " went on");
                for (Map.Entry<String, JsonNode> flow : gaps.at("/flow/" + bySource.getKey()).properties()) {
                    int k = flowIndex(flow.getKey());
                    if (k < 0) {
                        assertThat(flow.getValue().asLong()).as("%s → %s", what, flow.getKey()).isZero();
                    } else {
                        count(d, parts(x -> x == s, y -> y == k), from, to, flow.getValue(), table,
                                what + " → " + flow.getKey());
                    }
                }
            }
        }

        private static int flowIndex(String after) {
            return switch (after) {
                case "BAMF_DEUFOEV" -> 1;
                case "PLACEMENT" -> 2;
                default -> -1;
            };
        }

        private BitSet parts(java.util.function.IntPredicate source, java.util.function.IntPredicate k) {
            BitSet set = new BitSet();
            for (int s = 0; s < sources.length; s++) {
                for (int i = 0; i < next; i++) {
                    set.set(s * next + i, source.test(s) && k.test(i));
                }
            }
            return set;
        }
    }

    /**
     * The answers of the test by sex, each relation once: the same cells give the same answer however they are
     * asked (a period of months that holds the same quarters' first months), which is checked, not assumed.
     */
    private static final class Answers {
        private final CombiningAttack attack;
        private final CombiningAttack before;
        private final int[] truth;
        private final int parts;
        private final Map<String, Long> seen = new HashMap<>();

        /** Each answer to {@code attack} as published, and to {@code before} as the suppression before published it. */
        Answers(CombiningAttack attack, CombiningAttack before, int[] truth, int parts) {
            this.attack = attack;
            this.before = before;
            this.truth = truth;
            this.parts = parts;
        }

        /** An area's total over the quarters {@code from}..{@code to}; for a district whether it reported. */
        void total(int d, int from, int to, JsonNode figures, PerturbationTable table, String source) {
            if (d >= 0 && !figures.get("reported").asBoolean()) {
                add(d, -1, from, to, 0, only(0), source + " (no reports)");
                return;
            }
            long published = figures.at("/counts/enrolments").asLong();
            add(d, -1, from, to, published, publishedAs(table, published), source);
        }

        /** An area's count of each bucket by sex over the quarters {@code from}..{@code to}. */
        void bySex(int d, int from, int to, JsonNode figures, PerturbationTable table, String[] parts,
                   String source) {
            if (d >= 0 && !figures.get("reported").asBoolean()) {
                return;
            }
            for (int p = 0; p < parts.length; p++) {
                long published = figures.at("/breakdowns/enrolmentsBySex/" + parts[p]).asLong();
                add(d, p, from, to, published, publishedAs(table, published), source + " " + parts[p]);
            }
        }

        private void add(int d, int p, int from, int to, long published, BitSet allowed, String source) {
            Long earlier = seen.putIfAbsent(d + " " + p + " " + from + " " + to, published);
            if (earlier != null) {
                assertThat(published).as("the same cells asked again: %s", source).isEqualTo(earlier);
                return;
            }
            attack.add(d, p, from, to, allowed, source);
            int sum = 0;
            for (int di = 0; di < DISTRICTS.length; di++) {
                for (int pi = 0; pi < parts; pi++) {
                    for (int q = from; q <= to; q++) {
                        boolean in = (d < 0 || d == di) && (p < 0 || p == pi);
                        sum += in ? truth[attack.cell(di, pi, q)] : 0;
                    }
                }
            }
            before.add(d, p, from, to, sum == 1 || sum == 2 ? range(1, 2) : only(sum), "withheld or exact");
        }
    }

    /** An area's answer about the integration courses: their total (all variants) and each variant's count. */
    private static void addVariants(CombiningAttack attack, PerturbationTable table, int d, int from, int to,
                                    JsonNode figures, String[] parts, String source) {
        if (d >= 0) {
            add(attack, table, d, -1, from, to, figures, source);
        } else {
            attack.add(-1, -1, from, to, publishedAs(table, figures.at("/counts/enrolments").asLong()), source);
        }
        if (d >= 0 && !figures.get("reported").asBoolean()) {
            return;
        }
        for (int v = 0; v < parts.length; v++) {
            long published = figures.at("/breakdowns/enrolmentsByCourseVariant/" + parts[v]).asLong();
            attack.add(d, v, from, to, publishedAs(table, published), source + " " + parts[v]);
        }
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    /** The event that counts once in cell (district, part, period). */
    private interface CellEvent {
        IntegrationEvent of(int district, int part, int period);
    }

    /**
     * Counts {@link #small} events into each cell of {@code attack} (17 districts × {@code parts} × {@code periods}),
     * each with its record key under a secret named by {@code secret}; returns the true counts.
     */
    private static int[] smallCounts(CombiningAttack attack, Random random, int parts, int periods,
                                     IndicatorReadModel model, String secret, CellEvent event) {
        return smallCounts(attack, random, parts, periods, secret,
                (d, p, t, keys) -> TestReadModels.count(model, event.of(d, p, t), keys));
    }

    /** Counts one record into cell (district, part, period), with its record key under {@code keys}. */
    private interface CellRecord {
        void count(int district, int part, int period, RecordKeys keys);
    }

    /** As the {@link CellEvent} variant, each record counted by {@code record} (an event and more). */
    private static int[] smallCounts(CombiningAttack attack, Random random, int parts, int periods, String secret,
                                     CellRecord record) {
        int[] truth = new int[DISTRICTS.length * parts * periods];
        RecordKeys keys = RecordKeys.hmac((secret + ": a secret only the server knows").getBytes(StandardCharsets.UTF_8));
        for (int d = 0; d < DISTRICTS.length; d++) {
            for (int p = 0; p < parts; p++) {
                for (int t = 0; t < periods; t++) {
                    int n = small(random);
                    truth[attack.cell(d, p, t)] = n;
                    for (int i = 0; i < n; i++) {
                        record.count(d, p, t, keys);
                    }
                }
            }
        }
        return truth;
    }

    /** 0 to 4, mostly small: 1 and 2 in about half of the cells. */
    private static int small(Random random) {
        double r = random.nextDouble();
        return r < 0.3 ? 0 : r < 0.55 ? 1 : r < 0.75 ? 2 : r < 0.9 ? 3 : 4;
    }

    /** An integration-course enrolment of a participant of {@code sex} on a day of month {@code m}. */
    private static IntegrationEvent enrolment(Random random, District district, int m, Sex sex) {
        return new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()), EventType.COURSE_ENROLMENT,
                FIRST.plusMonths(m).atDay(1 + random.nextInt(28)), district, null, CourseType.INTEGRATION_COURSE,
                null, null, null, null, null, null, null, null, null, null, sex, "demo", Instant.EPOCH);
    }

    /** An enrolment on a day of month {@code m}, its id from the seed, so the record keys are the same each run. */
    private static IntegrationEvent enrolment(Random random, District district, CourseType type, CourseVariant variant,
                                              int m) {
        return new IntegrationEvent(new UUID(random.nextLong(), random.nextLong()), EventType.COURSE_ENROLMENT,
                FIRST.plusMonths(m).atDay(1 + random.nextInt(28)), district, null, type, null, null, null, variant,
                null, null, null, null, "demo", Instant.EPOCH);
    }

    /** Every period × every course filter, and every district's monthly series: each answer a relation. */
    private static void readEveryAnswer(MockMvc api, CombiningAttack attack) throws Exception {
        PerturbationTable table = null;
        for (int t = -1; t < TYPES.length; t++) {
            String filter = t < 0 ? "" : "&courseType=" + TYPES[t].name();
            for (int from = 0; from < MONTHS; from++) {
                for (int to = from; to < MONTHS; to++) {
                    JsonNode report = read(api, "/api/v1/indicators?from=" + FIRST.plusMonths(from) + "&to="
                            + FIRST.plusMonths(to) + filter);
                    if (table == null) {
                        table = tableOf(report.get("protection"));
                    }
                    String source = FIRST.plusMonths(from) + ".." + FIRST.plusMonths(to) + filter;
                    PerturbationTable known = table;
                    attack.add(-1, t, from, to, publishedAs(known, report.at("/region/counts/enrolments").asLong()),
                            "region " + source);
                    for (JsonNode district : report.get("districts")) {
                        add(attack, known, index(district.get("district").asString()), t, from, to, district, source);
                    }
                }
            }
            for (int d = 0; d < DISTRICTS.length; d++) {
                JsonNode monthly = read(api, "/api/v1/indicators/" + DISTRICTS[d].ags() + "/monthly?from=" + FIRST
                        + "&to=" + FIRST.plusMonths(MONTHS - 1) + filter);
                int m = 0;
                for (JsonNode month : monthly.get("months")) {
                    add(attack, table, d, t, m, m, month.get("figures"), "monthly " + month.get("month").asString() + filter);
                    attack.add(-1, t, m, m, publishedAs(table, month.at("/region/counts/enrolments").asLong()),
                            "monthly region " + month.get("month").asString() + filter);
                    m++;
                }
            }
        }
    }

    /**
     * A district's answer: its published count, and whether it reported at all — "no reports" means no
     * event of any course type, reported means at least one.
     */
    private static void add(CombiningAttack attack, PerturbationTable table, int d, int t, int from, int to,
                            JsonNode figures, String source) {
        String where = DISTRICTS[d].ags() + " " + source;
        if (!figures.get("reported").asBoolean()) {
            attack.add(d, -1, from, to, only(0), where + " (no reports)");
            return;
        }
        attack.add(d, -1, from, to, atLeast(1), where + " (reported)");
        attack.add(d, t, from, to, publishedAs(table, figures.at("/counts/enrolments").asLong()), where);
    }

    /** The table the attacker rebuilds from what the API and the method's documentation say. */
    private static PerturbationTable tableOf(JsonNode protection) {
        assertThat(protection.get("perturbed").asBoolean()).isTrue();
        // variance 1 and the hidden counts 1 and 2 are the documented defaults (docs/design.md)
        return new PerturbationTable(protection.get("maxDeviation").asInt(), 1.0, 2);
    }

    /** The true counts the table can publish as {@code published}. */
    private static BitSet publishedAs(PerturbationTable table, long published) {
        BitSet allowed = new BitSet();
        int max = table.maxDeviation();
        for (long n = Math.max(0, published - max); n <= published + max; n++) {
            if (table.probabilities(n)[(int) (published - n) + max] > 0) {
                allowed.set((int) n);
            }
        }
        assertThat(allowed.isEmpty()).as("%d can be published", published).isFalse();
        return allowed;
    }

    /** The answers as published before the cell key method: 1 and 2 withheld in each answer, all else exact. */
    private static void publishedAsBefore(int[] truth, CombiningAttack attack) {
        for (int d = -1; d < DISTRICTS.length; d++) {
            for (int t = -1; t < TYPES.length; t++) {
                for (int from = 0; from < MONTHS; from++) {
                    for (int to = from; to < MONTHS; to++) {
                        int sum = 0;
                        int all = 0;
                        for (int di = 0; di < DISTRICTS.length; di++) {
                            for (int ti = 0; ti < TYPES.length; ti++) {
                                for (int m = from; m <= to; m++) {
                                    boolean inDistrict = d < 0 || d == di;
                                    all += inDistrict ? truth[attack.cell(di, ti, m)] : 0;
                                    sum += inDistrict && (t < 0 || t == ti) ? truth[attack.cell(di, ti, m)] : 0;
                                }
                            }
                        }
                        if (d >= 0 && all == 0) {
                            attack.add(d, -1, from, to, only(0), "no reports");
                        } else {
                            BitSet allowed = sum == 1 || sum == 2 ? range(1, 2) : only(sum);
                            attack.add(d, t, from, to, allowed, "withheld or exact");
                        }
                    }
                }
            }
        }
    }

    private record Tally(List<String> pinned, List<String> undecided, int notPinned,
                         Map<Integer, Integer> possibleValues) {

        int small() {
            return pinned.size() + undecided.size() + notPinned;
        }

        @Override
        public String toString() {
            return small() + " true 1s and 2s: " + pinned.size() + " pinned, " + notPinned + " not pinned, "
                    + undecided.size() + " undecided"
                    + (possibleValues.isEmpty() ? "" : "; values the attacker cannot rule out (how many: cells) "
                    + possibleValues);
        }
    }

    /** The cell key method's verdict on a data set's more than {@code moreThan} true 1s and 2s: none pinned. */
    private static void assertNonePinned(String dataSet, CombiningAttack attack, Tally result, int moreThan) {
        System.out.printf("%s, cell key method: %d answers, %s; %d search nodes%n", dataSet, attack.answers(), result,
                attack.nodes());
        assertThat(result.small()).as("true 1s and 2s in the data set").isGreaterThan(moreThan);
        assertThat(result.undecided).as("true 1s and 2s the search could not settle").isEmpty();
        assertThat(result.pinned).as("true 1s and 2s the attacker pins").isEmpty();
    }

    /** The control: the same attacker, given the answers with 1 and 2 withheld instead, pins most of them. */
    private static void assertSuppressionPinsMost(String dataSet, Tally suppression) {
        System.out.printf("%s, 1 and 2 withheld in each answer (before): %s%n", dataSet, suppression);
        assertThat(suppression.pinned.size()).as("true 1s and 2s pinned under the suppression before")
                .isGreaterThan(suppression.small() / 2);
    }

    private static Tally attackEverySmallValue(CombiningAttack attack, int[] truth, String[] parts) {
        return attackEverySmallValue(attack, truth, parts, MONTHS, m -> FIRST.plusMonths(m).toString());
    }

    /** Every true 1 and 2 of {@code periods} time steps (months or quarters, named by {@code period}), attacked. */
    private static Tally attackEverySmallValue(CombiningAttack attack, int[] truth, String[] parts, int periods,
                                               IntFunction<String> period) {
        List<String> pinned = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        int notPinned = 0;
        Map<Integer, Integer> possible = new TreeMap<>();
        for (int d = 0; d < DISTRICTS.length; d++) {
            for (int t = 0; t < parts.length; t++) {
                for (int m = 0; m < periods; m++) {
                    int value = truth[attack.cell(d, t, m)];
                    if (value != 1 && value != 2) {
                        continue;
                    }
                    String cell = DISTRICTS[d].displayName() + ", " + parts[t] + ", " + period.apply(m) + " = " + value;
                    switch (attack.verdict(truth, d, t, m)) {
                        case PINNED -> pinned.add(cell);
                        case UNDECIDED -> undecided.add(cell);
                        case NOT_PINNED -> {
                            notPinned++;
                            possible.merge(attack.possibleValues(truth, d, t, m).size(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return new Tally(pinned, undecided, notPinned, possible);
    }

    private static JsonNode read(MockMvc api, String uri) throws Exception {
        return JSON.readTree(api.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static int index(String ags) {
        for (int d = 0; d < DISTRICTS.length; d++) {
            if (DISTRICTS[d].ags().equals(ags)) {
                return d;
            }
        }
        throw new IllegalArgumentException(ags);
    }

    private static BitSet only(int n) {
        return range(n, n);
    }

    private static BitSet atLeast(int n) {
        return range(n, LIMIT);
    }

    private static BitSet range(int from, int to) {
        BitSet set = new BitSet();
        set.set(from, to + 1);
        return set;
    }
}
