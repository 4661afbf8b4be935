package de.weserems.integration.dashboard.indicators.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PerturbationTableTest {

    private static final PerturbationTable DEFAULT = new PerturbationTable(3, 1.0, 2);

    @ParameterizedTest(name = "maximum deviation {0}, variance {1}, hidden 1 to {2}")
    @CsvSource({"3, 1.0, 2", "3, 0.5, 2", "3, 2.0, 2", "1, 0.5, 0", "5, 3.0, 4", "3, 9.0, 2", "2, 1.0, 1"})
    void every_row_is_unbiased_bounded_never_shows_a_hidden_count_and_keeps_zero(int d, double v, int hidden) {
        PerturbationTable table = new PerturbationTable(d, v, hidden);
        for (int n = 0; n < 40; n++) {
            double[] p = table.probabilities(n);
            double sum = 0;
            double mean = 0;
            for (int i = 0; i < p.length; i++) {
                int deviation = i - d;
                assertThat(p[i]).as("n=%d, d=%d", n, deviation).isBetween(0.0, 1.0);
                if (p[i] > 0) {
                    long published = n + deviation;
                    assertThat(published).as("n=%d published", n).isNotNegative();
                    assertThat(published == 0 || published > hidden).as("n=%d published as %d", n, published).isTrue();
                }
                sum += p[i];
                mean += p[i] * deviation;
            }
            assertThat(sum).as("n=%d: probabilities add up to 1", n).isCloseTo(1.0, within(1e-9));
            assertThat(mean).as("n=%d: unbiased", n).isCloseTo(0.0, within(1e-9));
        }
        assertThat(table.probabilities(0)[d]).as("a zero stays zero").isEqualTo(1.0);
        assertThat(variance(table, 1000)).as("large counts: the variance aimed at").isCloseTo(v, within(1e-9));
    }

    @Test
    void small_counts_get_the_variance_their_possible_deviations_allow() {
        // a 1 can become 0, 3 or 4; the least variance it allows (2): two thirds 0, one third 3
        assertThat(DEFAULT.probabilities(1)).containsExactly(new double[] {0, 0, 2.0 / 3, 0, 0, 1.0 / 3, 0}, within(1e-12));
        assertThat(variance(DEFAULT, 1)).isCloseTo(2.0, within(1e-12));
        // a 2 can become 0, 3, 4 or 5; the least variance it allows (2): a third 0, two thirds 3
        assertThat(DEFAULT.probabilities(2)).containsExactly(new double[] {0, 1.0 / 3, 0, 0, 2.0 / 3, 0, 0}, within(1e-12));
        // a 3 can fall to 0 as well as stay or rise, so it gets the variance aimed at, and is not always 3
        assertThat(DEFAULT.probabilities(3)[0]).as("3 published as 0").isGreaterThan(0);
        assertThat(DEFAULT.probabilities(3)[3]).as("3 published as 3").isLessThan(1);
        assertThat(variance(DEFAULT, 3)).isCloseTo(1.0, within(1e-9));
        assertThat(variance(DEFAULT, 4)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void larger_counts_are_spread_evenly_and_symmetrically() {
        // from 6 on every deviation from -3 to +3 is possible
        double[] p = DEFAULT.probabilities(6);
        assertThat(p[0]).isCloseTo(p[6], within(1e-9));
        assertThat(p[1]).isCloseTo(p[5], within(1e-9));
        assertThat(p[2]).isCloseTo(p[4], within(1e-9));
        assertThat(p[2]).as("a deviation of 1 is likelier than one of 2").isGreaterThan(p[1]);
        assertThat(p[1]).as("a deviation of 2 is likelier than one of 3").isGreaterThan(p[0]);
        assertThat(p[0]).as("3 happens").isGreaterThan(0);
        assertThat(DEFAULT.probabilities(1_000_000)).containsExactly(p, within(0.0));
    }

    @Test
    void the_same_count_and_cell_key_always_give_the_same_answer_and_random_keys_give_the_rows_frequencies() {
        SplittableRandom random = new SplittableRandom(7);
        int[] seen = new int[7];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            double key = random.nextDouble();
            long published = DEFAULT.publish(20, key);
            assertThat(DEFAULT.publish(20, key)).isEqualTo(published);
            assertThat(published).isBetween(17L, 23L);
            seen[(int) (published - 17)]++;
        }
        double[] p = DEFAULT.probabilities(20);
        for (int i = 0; i < 7; i++) {
            assertThat(seen[i] / (double) draws).as("deviation %d", i - 3).isCloseTo(p[i], within(0.005));
        }
        assertThat(DEFAULT.publish(1, 0.0)).isZero();
        assertThat(DEFAULT.publish(1, 0.999_999)).isEqualTo(3);
        assertThat(DEFAULT.publish(0, 0.5)).isZero();
    }

    @Test
    void a_cell_key_from_a_sum_of_record_keys_lies_in_the_unit_interval() {
        assertThat(PerturbationTable.cellKey(0)).isZero();
        assertThat(PerturbationTable.cellKey(-1)).isLessThan(1.0).isGreaterThan(0.999);
        assertThat(PerturbationTable.cellKey(0x8000_0000L)).isEqualTo(0.5);
        assertThat(PerturbationTable.cellKey(3 * 0xFFFF_FFFFL)).as("three records, each with the largest key")
                .isEqualTo(PerturbationTable.cellKey(0xFFFF_FFFDL));
        assertThat(PerturbationTable.cellKey(5 - 0x1_0000_0000L)).as("a key taken out again (a change)")
                .isEqualTo(PerturbationTable.cellKey(5));
    }

    @Test
    void parameters_out_of_range_are_refused_with_the_reason() {
        assertThatThrownBy(() -> new PerturbationTable(0, 1, 2)).hasMessageContaining("maximum deviation must be 1 to 10");
        assertThatThrownBy(() -> new PerturbationTable(2, 0, 2)).hasMessageContaining("variance must be above 0");
        assertThatThrownBy(() -> new PerturbationTable(2, 5, 2)).hasMessageContaining("at most the maximum deviation squared (4)");
        assertThatThrownBy(() -> new PerturbationTable(2, 1, -1)).hasMessageContaining("hidden counts must be 0 to 10");
        // with deviations of at most 2, a 3 could never fall and would always show as itself
        assertThatThrownBy(() -> new PerturbationTable(2, 1, 2))
                .hasMessageContaining("must exceed the hidden counts (1 to 2), so that 3 can be published as 0");
        assertThatThrownBy(() -> DEFAULT.publish(-1, 0.5)).hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> DEFAULT.publish(3, 1.0)).hasMessageContaining("[0, 1)");
    }

    private static double variance(PerturbationTable table, long n) {
        double[] p = table.probabilities(n);
        double v = 0;
        for (int i = 0; i < p.length; i++) {
            double d = i - table.maxDeviation();
            v += p[i] * d * d;
        }
        return v;
    }
}
