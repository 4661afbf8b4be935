package de.weserems.integration.events;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One district in one calendar month: the unit the indicators are counted in, and the key of
 * {@link Topics#indicators indicator topics} and of the dashboard's read model, written {@code AGS|YYYY-MM}
 * (e.g. {@code 03454|2026-11}).
 *
 * <p>It exists so that the key is built and taken apart in one place instead of by string handling
 * wherever a key is read.
 */
public record DistrictMonth(District district, YearMonth month) {

    /** Between the district's AGS and the month in a {@link #key()}. */
    public static final char SEPARATOR = '|';

    public DistrictMonth {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(month, "month");
    }

    /** The district and month an event counts in. */
    public static DistrictMonth of(IntegrationEvent event) {
        return new DistrictMonth(event.district(), event.month());
    }

    /** The key, e.g. {@code 03454|2026-11}. */
    public String key() {
        return key(district, month);
    }

    /** The key of {@code district} in {@code month}, without making a {@code DistrictMonth} first. */
    public static String key(District district, YearMonth month) {
        return district.ags() + SEPARATOR + month;
    }

    /**
     * The district and month of a key as {@link #key()} writes it.
     *
     * @throws IllegalArgumentException when {@code key} is not {@code AGS|YYYY-MM} of one of the 17
     *                                  districts, written exactly as {@link #key()} would
     */
    public static DistrictMonth parse(String key) {
        if (key == null) {
            throw new IllegalArgumentException("A district-month key must be AGS|YYYY-MM, not null");
        }
        int separator = key.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("A district-month key must be AGS|YYYY-MM, not '" + key + "'");
        }
        String ags = key.substring(0, separator);
        District district = District.byAgs(ags).orElseThrow(() -> new IllegalArgumentException(
                "'" + key + "' is not a district-month key: " + ags + " is not a district of Weser-Ems"));
        YearMonth month;
        try {
            month = YearMonth.parse(key.substring(separator + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' is not a district-month key: the month must be YYYY-MM", e);
        }
        DistrictMonth parsed = new DistrictMonth(district, month);
        if (!parsed.key().equals(key)) {
            throw new IllegalArgumentException("'" + key + "' is not a district-month key as written: " + parsed.key());
        }
        return parsed;
    }
}
