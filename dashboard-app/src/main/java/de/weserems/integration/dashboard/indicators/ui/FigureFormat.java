package de.weserems.integration.dashboard.indicators.ui;

import de.weserems.integration.dashboard.base.format.FigureNumbers;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.ui.Indicator.Mode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every view writes a figure, in the page's locale: counts with grouping, per-10,000 figures with
 * one decimal, medians in whole days (as they are published), rates as percentages; "–" where
 * withheld (a rate or median on too few cases), "keine Meldungen" for a district nobody reported for.
 * One place, so the views cannot drift apart.
 */
final class FigureFormat {

    /** How a figure is written. */
    enum Kind {
        COUNT, PER_10K, RATE, DAYS
    }

    private final Component component;
    private final Locale locale;

    FigureFormat(Component component) {
        this.component = component;
        UI ui = UI.getCurrent();
        this.locale = ui == null || ui.getLocale() == null ? Locale.GERMANY : ui.getLocale();
    }

    Locale locale() {
        return locale;
    }

    /** The kind of {@code indicator} shown in {@code mode}. */
    static Kind kind(Indicator indicator, Mode mode) {
        if (indicator.rate()) {
            return Kind.RATE;
        }
        return indicator.modeFor(mode) == Mode.PER_10K ? Kind.PER_10K : Kind.COUNT;
    }

    String withheld() {
        return component.getTranslation("figures.withheld");
    }

    String noReports() {
        return component.getTranslation("figures.noReports");
    }

    /** The indicator's figure of {@code area} as the page shows it. */
    String value(AreaFigures area, Indicator indicator, Mode mode) {
        return figure(area, indicator.value(area, mode), kind(indicator, mode));
    }

    /** A figure of {@code area}: "keine Meldungen" when the district has no reports, "–" when withheld. */
    /** A figure of today, shown whether or not the area reported in the period: withheld or the number. */
    String live(BigDecimal value, Kind kind) {
        return value == null ? withheld() : number(value, kind);
    }

    String figure(AreaFigures area, BigDecimal value, Kind kind) {
        if (Boolean.FALSE.equals(area.reported())) {
            return noReports();
        }
        return value == null ? withheld() : number(value, kind);
    }

    /** A count of {@code area}, written as {@link #figure} does. */
    String count(AreaFigures area, String count) {
        Long value = area.count(count);
        return figure(area, value == null ? null : BigDecimal.valueOf(value), Kind.COUNT);
    }

    /** A shown value, without the "–" and "keine Meldungen" rules. */
    String number(BigDecimal value, Kind kind) {
        return switch (kind) {
            case COUNT -> FigureNumbers.count(value, locale);
            case PER_10K -> decimal(value, 1, true);
            case DAYS -> decimal(value, 0, true);
            case RATE -> FigureNumbers.percent(value, true, locale) + " %";
        };
    }

    /**
     * A value for a spreadsheet: as on screen but without grouping and without "%" (rates in
     * percent), empty where the screen shows "–" or "keine Meldungen".
     */
    String plain(BigDecimal value, Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case COUNT -> value.toPlainString();
            case PER_10K -> decimal(value, 1, false);
            case DAYS -> decimal(value, 0, false);
            case RATE -> decimal(value.movePointRight(2), 1, false);
        };
    }

    /** {@code value} minus {@code reference} with a sign ("+1,2", "−0,4", rates in percentage points); {@code null} if either is missing. */
    static BigDecimal difference(BigDecimal value, BigDecimal reference) {
        return value == null || reference == null ? null : value.subtract(reference);
    }

    /** A signed difference as the page shows it; "–" when it cannot be computed. */
    String signed(BigDecimal difference, Kind kind) {
        if (difference == null) {
            return withheld();
        }
        String text = kind == Kind.RATE ? decimal(difference.movePointRight(2), 1, true)
                + " " + component.getTranslation("figures.percentagePoints") : number(difference.abs(), kind);
        if (kind == Kind.RATE) {
            text = text.replace("-", "");
        }
        int sign = difference.signum();
        return (sign > 0 ? "+" : sign < 0 ? "−" : "±") + text;
    }

    /**
     * The change from {@code before} to {@code now}: an arrow and the relative change in percent for
     * counts, the difference in percentage points for rates; "–" when either is withheld or the
     * earlier count is 0.
     */
    String change(BigDecimal now, BigDecimal before, Kind kind) {
        if (now == null || before == null || (kind != Kind.RATE && before.signum() == 0)) {
            return withheld();
        }
        BigDecimal delta = kind == Kind.RATE ? now.subtract(before)
                : now.subtract(before).divide(before, 6, RoundingMode.HALF_UP);
        String arrow = delta.signum() > 0 ? "▲ " : delta.signum() < 0 ? "▼ " : "► ";
        String amount = decimal(delta.abs().movePointRight(2), 1, true);
        return arrow + amount + (kind == Kind.RATE ? " " + component.getTranslation("figures.percentagePoints") : " %");
    }

    /** "November 2026" (German) or "November 2026" (English). */
    String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
    }

    /** "Nov. 2026": for tables with many months. */
    String shortMonth(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month);
    }

    private String decimal(BigDecimal value, int digits, boolean grouping) {
        return FigureNumbers.decimal(value, digits, grouping, locale);
    }
}
