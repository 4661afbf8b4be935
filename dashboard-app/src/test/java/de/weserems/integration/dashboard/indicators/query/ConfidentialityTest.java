package de.weserems.integration.dashboard.indicators.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ConfidentialityTest {

    private final Confidentiality rules = new Confidentiality(3, 10);

    @Test
    void counts_of_one_and_two_are_withheld_zero_and_three_are_shown() {
        boolean[] w = rules.withhold(Map.of("enrolments", new long[]{0, 1, 2, 3, 5, 5, 16})).get("enrolments");
        assertThat(w).containsExactly(false, true, true, false, false, false, false);
    }

    @Test
    void a_lone_withheld_cell_takes_the_smallest_shown_cell_with_it() {
        // 2 is withheld; with the total shown it would be 20 - 18: so 4 (the smallest positive) goes too
        boolean[] w = rules.withhold(Map.of("enrolments", new long[]{2, 4, 5, 9, 20})).get("enrolments");
        assertThat(w).containsExactly(true, true, false, false, false);
    }

    @Test
    void completions_passed_and_failed_never_leave_one_cell_recoverable() {
        Map<String, long[]> table = new LinkedHashMap<>();
        table.put("completions", new long[]{12, 30, 42});
        table.put("passed", new long[]{10, 25, 35});
        table.put("failed", new long[]{2, 5, 7});
        Map<String, boolean[]> w = rules.withhold(table);
        // failed=2 withheld; passed 10 would reveal it (12-10), and the column total would too
        assertThat(w.get("failed")[0]).isTrue();
        assertThat(w.get("passed")[0] || w.get("completions")[0]).isTrue();
        assertNothingRecoverable(table, w);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void random_tables_leave_no_withheld_cell_recoverable(long seed) {
        Random random = new Random(seed);
        int districts = 17;
        Map<String, long[]> table = new LinkedHashMap<>();
        long[] passed = new long[districts + 1];
        long[] failed = new long[districts + 1];
        long[] completions = new long[districts + 1];
        for (int i = 0; i < districts; i++) {
            passed[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(40);
            failed[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(15);
            completions[i] = passed[i] + failed[i];
            passed[districts] += passed[i];
            failed[districts] += failed[i];
            completions[districts] += completions[i];
        }
        table.put("completions", completions);
        table.put("passed", passed);
        table.put("failed", failed);
        Map<String, boolean[]> w = rules.withhold(table);
        for (String name : table.keySet()) {
            for (int i = 0; i <= districts; i++) {
                long v = table.get(name)[i];
                if (v > 0 && v < 3) {
                    assertThat(w.get(name)[i]).as("primary %s[%d]=%d", name, i, v).isTrue();
                }
            }
        }
        assertNothingRecoverable(table, w);
    }

    /** No sum (column total or completions = passed + failed) may have exactly one withheld part. */
    private static void assertNothingRecoverable(Map<String, long[]> table, Map<String, boolean[]> w) {
        for (String name : table.keySet()) {
            boolean[] col = w.get(name);
            int total = col.length - 1;
            long hidden = 0;
            for (int i = 0; i < total; i++) {
                hidden += col[i] ? 1 : 0;
            }
            assertThat(!col[total] && hidden == 1).as("column %s has a lone withheld cell", name).isFalse();
        }
        for (int r = 0; r < w.get("completions").length; r++) {
            int hidden = (w.get("completions")[r] ? 1 : 0) + (w.get("passed")[r] ? 1 : 0) + (w.get("failed")[r] ? 1 : 0);
            assertThat(hidden).as("row %d has a lone withheld cell", r).isNotEqualTo(1);
        }
    }
}
