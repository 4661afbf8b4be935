package de.weserems.integration.dashboard.indicators.engine;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordKeySecretTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void without_a_secret_the_dashboard_does_not_start_outside_the_local_profile() {
        assertThatThrownBy(() -> RecordKeySecret.keys(null, false))
                .hasMessageContaining("dashboard.confidentiality.record-key-secret is not set")
                .hasMessageContaining("DASHBOARD_CONFIDENTIALITY_RECORD_KEY_SECRET");
        assertThatThrownBy(() -> RecordKeySecret.keys("  ", false)).hasMessageContaining("is not set");
    }

    @Test
    void a_short_secret_is_refused_without_showing_it() {
        assertThatThrownBy(() -> RecordKeySecret.keys("short-secret", true))
                .hasMessageContaining("too short (12 characters)").hasMessageNotContaining("short-secret");
    }

    @Test
    void the_same_secret_gives_the_same_keys_and_the_local_profile_makes_a_random_one() {
        UUID id = UUID.randomUUID();
        assertThat(RecordKeySecret.keys(SECRET, false).keyOf(id)).isEqualTo(RecordKeySecret.keys(SECRET, true).keyOf(id));
        assertThat(RecordKeySecret.keys(null, true).keyOf(id)).isNotEqualTo(RecordKeySecret.keys(null, true).keyOf(id));
    }

    @Test
    void the_settings_never_print_the_secret() {
        var settings = new de.weserems.integration.dashboard.DashboardProperties.Confidentiality(3, 10, SECRET, 3, 1.0);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("recordKeySecret=(hidden)");
    }
}
