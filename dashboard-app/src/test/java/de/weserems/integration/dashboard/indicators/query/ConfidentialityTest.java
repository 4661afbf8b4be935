package de.weserems.integration.dashboard.indicators.query;

import de.weserems.integration.dashboard.indicators.engine.RecordKeys;
import de.weserems.integration.dashboard.indicators.readmodel.IndicatorReadModel;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.indicators.testing.Events;
import de.weserems.integration.dashboard.indicators.testing.TestSettings;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.IntegrationEvent;
import de.weserems.integration.events.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four ways in that combining answers opened while small counts were withheld one answer at a
 * time, each tried as a viewer would, over many secrets (so over many record keys): with the cell key
 * method none gives back the true small count reliably, and none ever shows a 1 or a 2. Under the
 * suppression before, each gave it back every time.
 */
class ConfidentialityTest {

    private static final int SECRETS = 200;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);

    @Test
    void overlapping_periods_do_not_give_back_the_month_between_them() {
        // Wittmund: 10 enrolments in January and February, 1 in March
        double recovered = share(keys -> {
            IndicatorQueries queries = queries(keys, model -> {
                enrol(model, keys, District.WITTMUND, "2026-01-15", CourseType.INTEGRATION_COURSE, 6);
                enrol(model, keys, District.WITTMUND, "2026-02-15", CourseType.INTEGRATION_COURSE, 4);
                enrol(model, keys, District.WITTMUND, "2026-03-15", CourseType.INTEGRATION_COURSE, 1);
            });
            long january2March = enrolments(queries.report(JAN, MAR, Set.of(), null), District.WITTMUND);
            long january2February = enrolments(queries.report(JAN, FEB, Set.of(), null), District.WITTMUND);
            long march = enrolments(queries.report(MAR, MAR, Set.of(), null), District.WITTMUND);
            assertThat(march).as("a 1 never shows as itself").isIn(0L, 3L);
            return january2March - january2February;
        }, 1);
        assertThat(recovered).as("share of secrets under which Jan-Mar minus Jan-Feb is the true 1").isLessThan(0.5);
    }

    @Test
    void a_total_beside_its_breakdown_by_course_type_does_not_give_back_a_small_part() {
        // Leer: 20 integration-course enrolments, 2 in orientation courses
        double recovered = share(keys -> {
            IndicatorQueries queries = queries(keys, model -> {
                enrol(model, keys, District.LEER, "2026-01-15", CourseType.INTEGRATION_COURSE, 20);
                enrol(model, keys, District.LEER, "2026-01-20", CourseType.ORIENTATION_COURSE, 2);
            });
            long total = enrolments(queries.report(JAN, JAN, Set.of(), null), District.LEER);
            long integration = enrolments(queries.report(JAN, JAN, Set.of(), CourseType.INTEGRATION_COURSE), District.LEER);
            long orientation = enrolments(queries.report(JAN, JAN, Set.of(), CourseType.ORIENTATION_COURSE), District.LEER);
            assertThat(orientation).as("a 2 never shows as itself").isIn(0L, 3L);
            return total - integration;
        }, 2);
        assertThat(recovered).as("share of secrets under which total minus integration courses is the true 2").isLessThan(0.5);
    }

    @Test
    void several_small_cells_in_one_sum_are_not_given_back_by_the_total() {
        // three districts with 1, 2 and 1 placements-free enrolments, the rest of the region large
        double recovered = share(keys -> {
            IndicatorQueries queries = queries(keys, model -> {
                enrol(model, keys, District.EMSLAND, "2026-01-15", CourseType.INTEGRATION_COURSE, 40);
                enrol(model, keys, District.WITTMUND, "2026-01-15", CourseType.INTEGRATION_COURSE, 1);
                enrol(model, keys, District.AURICH, "2026-01-15", CourseType.INTEGRATION_COURSE, 2);
                enrol(model, keys, District.LEER, "2026-01-15", CourseType.INTEGRATION_COURSE, 1);
            });
            IndicatorReport report = queries.report(JAN, JAN, Set.of(), null);
            long region = report.region().count("enrolments");
            long shown = enrolments(report, District.EMSLAND);
            for (District small : List.of(District.WITTMUND, District.AURICH, District.LEER)) {
                assertThat(enrolments(report, small)).isNotIn(1L, 2L);
            }
            return region - shown;
        }, 4);
        assertThat(recovered).as("share of secrets under which region minus Emsland is the true 4").isLessThan(0.5);
    }

    @Test
    void a_rate_never_reveals_a_complement_of_1_or_2() {
        // Vechta: 10 completions and 1 dropout; the completion rate 10/11 = 0.9091 named the one dropout
        share(keys -> {
            IndicatorQueries queries = queries(keys, model -> {
                for (int i = 0; i < 10; i++) {
                    count(model, keys, Events.completion("p" + i, District.VECHTA, LocalDate.of(2026, 1, 10), Outcome.PASSED));
                }
                count(model, keys, Events.completion("q", District.VECHTA, LocalDate.of(2026, 1, 10), Outcome.DROPPED_OUT));
            });
            AreaFigures vechta = district(queries.report(JAN, JAN, Set.of(), null), District.VECHTA);
            BigDecimal rate = vechta.rates().get("completionRate");
            long completions = vechta.count("completions");
            if (rate != null && rate.signum() > 0) {
                long implied = BigDecimal.valueOf(completions).divide(rate, 0, RoundingMode.HALF_UP).longValue() - completions;
                assertThat(implied).as("dropouts implied by the rate beside the completions").isNotIn(1L, 2L);
            }
            assertThat(vechta.count("dropouts")).isNotIn(1L, 2L);
            return 0;
        }, -1);
    }

    @Test
    void the_same_question_gives_the_same_answer_and_exact_figures_are_the_true_ones() {
        RecordKeys keys = TestReadModels.RECORD_KEYS;
        IndicatorQueries queries = queries(keys, model -> {
            enrol(model, keys, District.WITTMUND, "2026-01-15", CourseType.INTEGRATION_COURSE, 1);
            enrol(model, keys, District.EMSLAND, "2026-01-15", CourseType.INTEGRATION_COURSE, 25);
        });
        // January and February, no quarter: an answer of the same shape as January's (no breakdowns by sex)
        IndicatorReport once = queries.report(JAN, JAN.plusMonths(1), Set.of(), null);
        assertThat(queries.report(JAN, JAN.plusMonths(1), Set.of(), null).districts()).isEqualTo(once.districts());
        assertThat(queries.report(JAN, JAN, Set.of(), null).districts()).as("the same cell by another period")
                .isEqualTo(once.districts());
        assertThat(Math.abs(enrolments(once, District.EMSLAND) - 25)).isLessThanOrEqualTo(3);
        assertThat(once.protection()).isEqualTo(new Protection(true, 3, 10));
        IndicatorReport exact = queries.report(JAN, MAR, Set.of(), null, true);
        assertThat(enrolments(exact, District.WITTMUND)).isEqualTo(1);
        assertThat(enrolments(exact, District.EMSLAND)).isEqualTo(25);
        assertThat(exact.protection()).isEqualTo(new Protection(false, 0, 1));
    }

    /** The share of {@link #SECRETS} secrets under which {@code attempt} gives {@code truth}. */
    private static double share(ToLongFunction<RecordKeys> attempt, long truth) {
        int hits = 0;
        for (int i = 0; i < SECRETS; i++) {
            byte[] secret = ByteBuffer.allocate(36).putInt(i).put("a secret of the attacker's test".getBytes()).array();
            if (attempt.applyAsLong(RecordKeys.hmac(secret)) == truth) {
                hits++;
            }
        }
        return hits / (double) SECRETS;
    }

    private interface Fill {
        void into(IndicatorReadModel model);
    }

    private static IndicatorQueries queries(RecordKeys keys, Fill fill) {
        IndicatorReadModel model = TestReadModels.empty();
        fill.into(model);
        return new IndicatorQueries(model, TestSettings.properties(), CLOCK);
    }

    private static void enrol(IndicatorReadModel model, RecordKeys keys, District district, String date,
                              CourseType type, int times) {
        for (int i = 0; i < times; i++) {
            count(model, keys, Events.enrolment(district, date, type));
        }
    }

    private static void count(IndicatorReadModel model, RecordKeys keys, IntegrationEvent event) {
        TestReadModels.count(model, event, keys);
    }

    private static long enrolments(IndicatorReport report, District district) {
        return district(report, district).count("enrolments");
    }

    private static AreaFigures district(IndicatorReport report, District district) {
        return report.districts().stream().filter(d -> d.district().equals(district.ags())).findFirst().orElseThrow();
    }
}
