package de.weserems.integration.dashboard.deliveries;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every dashboard instance keeps of the audit topic stays bounded, however long it runs. */
class ProviderActivityTest {

    private final ProviderActivity activity = ProviderActivityTestAccess.empty();

    @Test
    void a_year_of_daily_deliveries_keeps_only_the_last_14_days_day_by_day_and_all_of_it_in_total() {
        Instant start = Instant.parse("2025-11-26T10:00:00Z");
        for (int day = 0; day < 365; day++) {
            ProviderActivityTestAccess.deliver(activity, "jc-emsland", start.plus(day, ChronoUnit.DAYS).toString(),
                    422, 2, 0, false, Map.of("district/missing", 2));
        }
        ProviderActivity.Summary summary = activity.summaries().getFirst();
        assertThat(summary.requests()).isEqualTo(365);
        assertThat(summary.rejected()).isEqualTo(730);
        assertThat(summary.days()).hasSize(14);
        assertThat(summary.days().getFirst().day()).isEqualTo(java.time.LocalDate.of(2026, 11, 25));
        assertThat(summary.days().getLast().day()).isEqualTo(java.time.LocalDate.of(2026, 11, 12));
        // a late record of a day long gone counts in the total only
        ProviderActivityTestAccess.deliver(activity, "jc-emsland", start.toString(), 202, 3, 3, false, Map.of());
        assertThat(activity.summaries().getFirst().days()).hasSize(14);
        assertThat(activity.summaries().getFirst().accepted()).isEqualTo(3);
    }

    @Test
    void unknown_field_names_sent_by_a_provider_do_not_grow_the_reasons_without_bound() {
        for (int i = 0; i < 1_000; i++) {
            ProviderActivityTestAccess.deliver(activity, "vhs-leer", "2026-11-25T10:00:00Z", 422, 1, 0, false,
                    Map.of("typo" + i + "/unknown-field", 1));
        }
        ProviderActivity.Summary summary = activity.summaries().getFirst();
        assertThat(summary.reasons()).hasSize(ProviderActivity.MAX_REASONS + 1);
        assertThat(summary.reasons().getFirst()).isEqualTo(Map.entry(ProviderActivity.OTHER, 1_000L - ProviderActivity.MAX_REASONS));
        assertThat(summary.days().getFirst().reasons()).hasSize(ProviderActivity.MAX_REASONS + 1);
    }

    @Test
    void the_reasons_ingest_counted_together_count_as_other_reasons_here() {
        ProviderActivityTestAccess.deliver(activity, "vhs-leer", "2026-11-25T10:00:00Z", 422, 70, 0, false,
                Map.of("district/missing", 3, "(other)/(other)", 5));
        ProviderActivity.Summary summary = activity.summaries().getFirst();
        assertThat(summary.reasons()).containsExactly(Map.entry(ProviderActivity.OTHER, 5L),
                Map.entry("district/missing", 3L));
    }
}
