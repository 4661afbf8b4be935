package de.weserems.integration.dashboard.base.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting failed logins per user and per address: the window, the reset on success, the bounded memory. */
class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(5, 12, Duration.ofMinutes(15), 100, Duration.ofMinutes(5)), clock);

    @Test
    void five_failures_of_a_user_refuse_it_from_anywhere_until_the_window_ends() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("planer", "10.0.0." + i);
        }
        assertThat(throttle.refusedFor("planer", "10.0.0.99")).isEmpty();
        throttle.failed("Planer", "10.0.0.4");
        assertThat(throttle.refusedFor("planer", "10.0.0.99")).hasValue(Duration.ofMinutes(15));
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.refusedFor("PLANER", "10.0.0.99")).hasValue(Duration.ofMinutes(5));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(throttle.refusedFor("planer", "10.0.0.99")).isEmpty();
    }

    @Test
    void twelve_failures_from_an_address_refuse_every_user_from_there_and_only_there() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("guess-" + i, "198.51.100.7");
        }
        assertThat(throttle.refusedFor("admin", "198.51.100.7")).as("an office's typos lock nobody else out").isEmpty();
        throttle.failed("guess-11", "198.51.100.7");
        assertThat(throttle.refusedFor("admin", "198.51.100.7")).isPresent();
        assertThat(throttle.refusedFor("admin", "198.51.100.8")).isEmpty();
    }

    @Test
    void a_success_resets_the_users_count_but_not_the_addresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("planer", "10.0.0.1");
        }
        throttle.succeeded("planer");
        for (int i = 0; i < 4; i++) {
            throttle.failed("planer", "10.0.0.2");
        }
        assertThat(throttle.refusedFor("planer", "10.0.0.3")).isEmpty();
        for (int i = 0; i < 8; i++) {
            throttle.failed("someone-" + i, "10.0.0.1");
        }
        assertThat(throttle.refusedFor("planer", "10.0.0.1")).as("the address keeps its twelve").isPresent();
    }

    @Test
    void any_number_of_names_and_addresses_costs_bounded_memory() {
        for (int i = 0; i < 50_000; i++) {
            throttle.failed("user-" + i, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(200);
    }
}
