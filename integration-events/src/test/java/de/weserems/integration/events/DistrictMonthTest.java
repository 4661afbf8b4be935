package de.weserems.integration.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictMonthTest {

    @Test
    void theKeyIsTheAgsAndTheMonth() {
        assertThat(new DistrictMonth(District.EMSLAND, YearMonth.of(2026, 11)).key()).isEqualTo("03454|2026-11");
        assertThat(DistrictMonth.key(District.WITTMUND, YearMonth.of(2016, 1))).isEqualTo("03462|2016-01");
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), EventType.JOB_PLACEMENT,
                LocalDate.of(2025, 3, 31), District.LEER, null, null, null, null, PlacementType.EMPLOYMENT, null, null);
        assertThat(DistrictMonth.of(event)).isEqualTo(new DistrictMonth(District.LEER, YearMonth.of(2025, 3)));
    }

    @Test
    void everyKeyReadsBackAsItsDistrictAndMonth() {
        for (District district : District.values()) {
            for (YearMonth month = YearMonth.of(2015, 1); month.isBefore(YearMonth.of(2031, 1)); month = month.plusMonths(7)) {
                DistrictMonth dm = new DistrictMonth(district, month);
                assertThat(DistrictMonth.parse(dm.key())).isEqualTo(dm);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "03454", "03454-2026-11", "|2026-11", "09162|2026-11", "034|2026-11", "03454|",
            "03454|2026-13", "03454|2026-1", "03454|26-11", "03454|2026-11|x", " 03454|2026-11", "03454|2026-11 "})
    void aBadKeyIsRefusedWithItsReason(String key) {
        assertThatThrownBy(() -> DistrictMonth.parse(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @Test
    void nullIsNoKeyAndNoPart() {
        assertThatThrownBy(() -> DistrictMonth.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DistrictMonth(null, YearMonth.of(2026, 1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DistrictMonth(District.EMDEN, null)).isInstanceOf(NullPointerException.class);
    }
}
