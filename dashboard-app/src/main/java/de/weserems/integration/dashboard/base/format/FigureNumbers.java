package de.weserems.integration.dashboard.base.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a published number is written in a locale: counts with grouping, decimals rounded half up (as the
 * read API rounds: NumberFormat's default, half even, showed 82.05 % as "82,0 %"). One rule for the pages,
 * their exports and the monthly report, so a figure reads the same wherever it is printed.
 */
public final class FigureNumbers {

    private FigureNumbers() {
    }

    /** A whole number with the locale's grouping: "1.234". */
    public static String count(Number value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** {@code value} with exactly {@code digits} decimals, half up, grouped or not. */
    public static String decimal(BigDecimal value, int digits, boolean grouping, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setGroupingUsed(grouping);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A rate (0.1234) as percent with one decimal, without the sign: "12,3". */
    public static String percent(BigDecimal rate, boolean grouping, Locale locale) {
        return decimal(rate.movePointRight(2), 1, grouping, locale);
    }
}
