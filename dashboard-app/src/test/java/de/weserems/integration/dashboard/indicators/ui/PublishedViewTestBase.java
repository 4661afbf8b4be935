package de.weserems.integration.dashboard.indicators.ui;

import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.District;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views that show published figures. The cell key method changes every count a little, by a deviation
 * that follows from the events' record keys (and the tests' events have random ids), so a test does not
 * expect a true count on the page: it asks the same {@code IndicatorQueries} the page asks, checks that
 * the published figure is one the method may make of the true count, and expects that figure, written
 * here independently of {@link FigureFormat}.
 */
abstract class PublishedViewTestBase extends ViewTestBase {

    /** The figures an indicator page in {@code state} shows: every district, the state's period and course type. */
    IndicatorReport report(ViewState state) {
        return queries.report(state.from(), state.to(), Set.of(), state.courseType());
    }

    static AreaFigures area(IndicatorReport report, District district) {
        return report.districts().stream().filter(f -> f.district().equals(district.ags())).findFirst()
                .orElseThrow(() -> new AssertionError(district + " not in the report"));
    }

    /**
     * {@code published}, after checking it is what the cell key method may publish for {@code truth}: at
     * most the maximum deviation away, and never a count from 1 to below the configured minimum count.
     */
    long published(Long published, long truth) {
        int deviation = queries.confidentiality().maxDeviation();
        assertThat(published).as("published for a true %d", truth).isNotNull()
                .isBetween(truth - deviation, truth + deviation)
                .isNotIn(LongStream.range(1, properties.confidentiality().minCount()).boxed().toArray());
        return published;
    }

    /** A count as a German page writes it: "1.241". */
    static String german(long count) {
        return String.format(Locale.GERMANY, "%,d", count);
    }

    /** A count as an English page writes it: "1,241". */
    static String english(long count) {
        return String.format(Locale.UK, "%,d", count);
    }

    /** A figure with one decimal (below 1,000) as a German page writes it: "37,9". */
    static String german(BigDecimal value) {
        return english(value).replace('.', ',');
    }

    /** A figure with one decimal (below 1,000) as an English page writes it: "37.9". */
    static String english(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
