package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.router.QueryParameters;
import de.weserems.integration.dashboard.indicators.ui.Indicator.Mode;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The view state survives the trip through the URL, and a broken URL falls back to the defaults. */
class ViewStateTest {

    private static final YearMonth[] DEFAULTS = {YearMonth.of(2025, 12), YearMonth.of(2026, 11)};

    @Test
    void a_state_written_to_the_url_reads_back_the_same() {
        ViewState state = new ViewState(YearMonth.of(2016, 1), YearMonth.of(2016, 12), CourseType.JOB_LANGUAGE_COURSE,
                Indicator.PLACEMENTS, Mode.ABSOLUTE, List.of(District.EMSLAND, District.LEER));
        String url = state.toQuery().getQueryString();
        assertThat(url).contains("from=2016-01", "to=2016-12", "kurs=JOB_LANGUAGE_COURSE", "indikator=placements",
                "modus=absolut", "kreise=03454%2C03457");
        assertThat(ViewState.of(QueryParameters.fromString(url), DEFAULTS)).isEqualTo(state);
    }

    @Test
    void unreadable_or_impossible_parameters_fall_back_to_the_defaults() {
        ViewState state = ViewState.of(QueryParameters.fromString(
                "from=2027-01&to=gestern&kurs=YOGA&indikator=x&modus=y&kreise=09162,03454,03454"), DEFAULTS);
        assertThat(state.from()).isEqualTo(DEFAULTS[0]);
        assertThat(state.to()).isEqualTo(DEFAULTS[1]);
        assertThat(state.courseType()).isNull();
        assertThat(state.indicator()).isEqualTo(Indicator.ENROLMENTS);
        assertThat(state.districts()).containsExactly(District.EMSLAND);
        ViewState reversed = ViewState.of(QueryParameters.fromString("from=2020-05&to=2019-01"), DEFAULTS);
        assertThat(reversed.from()).isEqualTo(DEFAULTS[0]);
    }

    @Test
    void the_previous_period_has_the_same_length() {
        ViewState state = ViewState.defaults(DEFAULTS).withPeriod(YearMonth.of(2026, 1), YearMonth.of(2026, 3));
        assertThat(state.previousPeriod()).containsExactly(YearMonth.of(2025, 10), YearMonth.of(2025, 12));
    }
}
