package de.weserems.integration.dashboard.indicators.ui;

import de.weserems.integration.dashboard.indicators.query.AreaFigures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The indicators a view can show on the map or side by side; {@link #key()} names them in the URL and the API. */
enum Indicator {
    ENROLMENTS("enrolments", false),
    COMPLETIONS("completions", false),
    PLACEMENTS("placements", false),
    COMPLETION_RATE("completionRate", true),
    LANGUAGE_SUCCESS_RATE("languageSuccessRate", true),
    PLACEMENT_WITHIN_6_MONTHS("placementWithin6Months", true);

    private final String key;
    private final boolean rate;

    Indicator(String key, boolean rate) {
        this.key = key;
        this.rate = rate;
    }

    String key() {
        return key;
    }

    /** A rate is shown as a rate only; a count as absolute or per 10,000 residents. */
    boolean rate() {
        return rate;
    }

    /** The mode this indicator can really be shown in, given the one asked for. */
    Mode modeFor(Mode asked) {
        if (rate) {
            return Mode.RATE;
        }
        return asked == Mode.RATE ? Mode.ABSOLUTE : asked;
    }

    /** The figure in {@code mode}; {@code null} when withheld or not reported. */
    BigDecimal value(AreaFigures figures, Mode mode) {
        if (rate) {
            return figures.rates().get(key);
        }
        if (modeFor(mode) == Mode.PER_10K) {
            return figures.per10k().get(key);
        }
        Long count = figures.count(key);
        return count == null ? null : BigDecimal.valueOf(count);
    }

    static Optional<Indicator> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    /** How a figure is shown: absolute, per 10,000 residents, or as a rate. */
    enum Mode {
        ABSOLUTE("absolut"),
        PER_10K("je10000"),
        RATE("quote");

        private final String param;

        Mode(String param) {
            this.param = param;
        }

        /** The value in the URL's {@code modus} parameter. */
        String param() {
            return param;
        }

        static Optional<Mode> byParam(String param) {
            return Arrays.stream(values()).filter(m -> m.param.equals(param)).findFirst();
        }
    }
}
