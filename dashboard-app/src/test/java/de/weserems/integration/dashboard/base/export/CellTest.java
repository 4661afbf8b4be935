package de.weserems.integration.dashboard.base.export;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell is a number only where the page shows one, in the page's language; codes and withheld marks stay text. */
class CellTest {

    @Test
    void german_counts_decimals_and_percentages_are_numbers_as_rounded_on_the_page() {
        assertThat(Cell.shown("1.234", Locale.GERMANY)).isEqualTo(new Cell("1.234", new BigDecimal("1234"), 0, false));
        assertThat(Cell.shown("12,5", Locale.GERMANY)).isEqualTo(new Cell("12,5", new BigDecimal("12.5"), 1, false));
        assertThat(Cell.shown("82,1 %", Locale.GERMANY))
                .isEqualTo(new Cell("82,1 %", new BigDecimal("0.821"), 1, true));
        assertThat(Cell.shown("-3", Locale.GERMANY).number()).isEqualByComparingTo("-3");
    }

    @Test
    void english_pages_write_a_decimal_point_and_a_comma_between_thousands() {
        assertThat(Cell.shown("1,234.5", Locale.ENGLISH).number()).isEqualByComparingTo("1234.5");
        assertThat(Cell.shown("82.1 %", Locale.ENGLISH).number()).isEqualByComparingTo("0.821");
    }

    @Test
    void codes_differences_dates_and_withheld_figures_stay_text() {
        for (String text : new String[]{"03454", "–", "keine Meldungen", "+1,2", "−0,4", "25.11.2026",
                "Nov. 2026", "1.23", "12,", ""}) {
            assertThat(Cell.shown(text, Locale.GERMANY).numeric()).as(text).isFalse();
            assertThat(Cell.shown(text, Locale.GERMANY).text()).isEqualTo(text);
        }
    }
}
