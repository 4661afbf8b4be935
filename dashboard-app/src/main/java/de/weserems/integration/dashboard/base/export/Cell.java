package de.weserems.integration.dashboard.base.export;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cell of a table as shown: the text on the page and, where that text is a number, the number it
 * shows (already rounded as shown: a spreadsheet gets no more precision than the page) with its decimals
 * and whether it is a percentage. A withheld figure ("–", "keine Meldungen") stays text, so no export
 * shows more than the page.
 *
 * @param text     the text exactly as the page shows it
 * @param number   the shown number ({@code 0.821} for "82,1 %"), {@code null} for a text cell
 * @param decimals the decimals shown
 * @param percent  whether the page shows the number as a percentage
 */
public record Cell(String text, BigDecimal number, int decimals, boolean percent) {

    /** A cell that is text, whatever it looks like (a district's AGS, a name). */
    public static Cell text(String text) {
        return new Cell(text == null ? "" : text, null, 0, false);
    }

    /**
     * The cell of a text the page wrote in {@code locale}: a number when the whole text is one as the page
     * writes numbers ("1.234", "12,5", "82,1 %"), otherwise text. A number with a leading zero ("03454", an
     * AGS) and a signed one ("+1,2", a difference) stay text, as they are codes and comparisons, not figures.
     */
    public static Cell shown(String text, Locale locale) {
        if (text == null) {
            return text("");
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        String grouping = Pattern.quote(String.valueOf(symbols.getGroupingSeparator()));
        String decimal = Pattern.quote(String.valueOf(symbols.getDecimalSeparator()));
        Matcher m = Pattern.compile("(-?(?:0|[1-9]\\d{0,2}(?:" + grouping + "\\d{3})*|[1-9]\\d*))(?:" + decimal
                + "(\\d+))?( ?%)?").matcher(text);
        if (!m.matches()) {
            return text(text);
        }
        String digits = m.group(1).replace(String.valueOf(symbols.getGroupingSeparator()), "");
        String fraction = m.group(2) == null ? "" : m.group(2);
        BigDecimal number = new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
        boolean percent = m.group(3) != null;
        return new Cell(text, percent ? number.movePointLeft(2) : number, fraction.length(), percent);
    }

    /** Whether the cell is a number. */
    public boolean numeric() {
        return number != null;
    }
}
