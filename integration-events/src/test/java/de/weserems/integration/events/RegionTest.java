package de.weserems.integration.events;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RegionTest {

    @Test
    void everyDistrictKeyStartsWithTheRegionsKey() {
        assertThat(Region.AGS).isEqualTo("034");
        assertThat(Arrays.stream(District.values()).map(District::ags)).allMatch(ags -> ags.startsWith(Region.AGS));
        assertThat(Region.NAME).isEqualTo("Weser-Ems");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDistrictsOldRegionConstantsAreTheRegions() {
        assertThat(District.REGION_AGS).isEqualTo(Region.AGS);
        assertThat(District.REGION_NAME).isEqualTo(Region.NAME);
    }

    @Test
    void theRegionsDayBeginsAtMidnightInBerlinNotInUtc() {
        assertThat(Region.ZONE.getId()).isEqualTo("Europe/Berlin");
        assertThat(Region.today(Clock.fixed(Instant.parse("2026-11-25T22:59:59Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(Region.today(Clock.fixed(Instant.parse("2026-11-25T23:00:00Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 11, 26));
        // summer time: UTC+2
        assertThat(Region.today(Clock.fixed(Instant.parse("2026-06-30T22:00:00Z"), ZoneOffset.UTC)))
                .isEqualTo(LocalDate.of(2026, 7, 1));
    }
}
