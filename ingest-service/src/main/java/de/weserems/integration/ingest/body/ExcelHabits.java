package de.weserems.integration.ingest.body;

import de.weserems.integration.events.District;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a spreadsheet does to a cell that a provider did not mean, repaired where the intended value is
 * certain: Excel reads {@code 03454} as the number 3454 and writes it back without its leading zero, and
 * writes dates as German users read them ({@code 20.11.2026}). Only CSV and {@code .xlsx} bodies are repaired:
 * JSON is written by programs, which are held to the contract.
 *
 * <p>What cannot be repaired is left to the validator, which names the likely cause: a participant reference
 * in exponent form ({@code 1,23E+11}) has lost its digits.
 */
final class ExcelHabits {

    /** {@code dd.MM.yyyy}, as German Excel writes a date; also without leading zeros ({@code 1.2.2026}). */
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private ExcelHabits() {
    }

    /** The cell of {@code column} as the provider meant it; unchanged when there is nothing certain to repair. */
    static String repair(String column, String cell) {
        return switch (column) {
            case "district" -> district(cell);
            case "occurredOn" -> date(cell);
            default -> cell;
        };
    }

    /**
     * A 4-digit AGS with its leading zero put back, but only when that gives one of the 17 districts
     * (all of them start with {@code 03}); any other text is left for the validator's usual answer.
     */
    static String district(String cell) {
        String text = cell.strip();
        if (text.length() == 4 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String padded = "0" + text;
            if (District.byAgs(padded).isPresent()) {
                return padded;
            }
        }
        return cell;
    }

    /** A date {@code dd.MM.yyyy} as {@code yyyy-MM-dd}; anything else (also a day that does not exist) unchanged. */
    static String date(String cell) {
        Matcher m = GERMAN_DATE.matcher(cell.strip());
        if (!m.matches()) {
            return cell;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))).toString();
        } catch (DateTimeException e) {
            return cell;
        }
    }
}
