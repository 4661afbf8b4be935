package de.weserems.integration.dashboard.report;

import de.weserems.integration.dashboard.base.format.FigureNumbers;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report's words and numbers in one language: the texts come from the UI's own bundles
 * ({@code vaadin-i18n/translations_*.properties}), so a label or the method note reads exactly as on the pages;
 * figures are written by the pages' own rule ({@link FigureNumbers}: counts with grouping, per-10,000 figures with one
 * decimal, medians in whole days, rates in percent), "–" where withheld.
 */
final class ReportText {

    private static final String BUNDLE = "vaadin-i18n/translations";

    private final Locale locale;
    private final ResourceBundle bundle;

    ReportText(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: German and English are the only languages there are
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** German unless {@code language} asks for English ({@code en}, {@code en-GB}, …). */
    static ReportText of(String language) {
        boolean english = language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
        return new ReportText(english ? Locale.UK : Locale.GERMANY);
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code key}, formatted with {@code params} as Vaadin's translation provider formats it. */
    String get(String key, Object... params) {
        String pattern = bundle.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }

    /** "November 2026". */
    String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
    }

    /** "Nov. 26": under a chart's bar. */
    String shortMonth(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMM yy", locale).format(month);
    }

    /** A count, or "–" when withheld. */
    String count(Long value) {
        return value == null ? withheld() : FigureNumbers.count(value, locale);
    }

    /** A figure per 10,000 residents, one decimal. */
    String per10k(BigDecimal value) {
        return value == null ? withheld() : FigureNumbers.decimal(value, 1, true, locale);
    }

    /** A median in whole days, as published. */
    String days(BigDecimal value) {
        return value == null ? withheld() : FigureNumbers.decimal(value, 0, true, locale);
    }

    /** A rate (0.1234) in percent: "12,3 %". */
    String rate(BigDecimal value) {
        return value == null ? withheld() : FigureNumbers.percent(value, true, locale) + " %";
    }

    String withheld() {
        return get("figures.withheld");
    }

    String noReports() {
        return get("figures.noReports");
    }
}
