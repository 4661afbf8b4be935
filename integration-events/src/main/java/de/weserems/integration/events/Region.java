package de.weserems.integration.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Weser-Ems as a whole: its key and name for the region total, and the time zone in which its days and
 * months begin.
 *
 * <p>It exists so that both services count a day the same way: ingest decides "not after tomorrow" in
 * this zone, and the dashboard places an event's month and a delivery's day in it.
 */
public final class Region {

    /** The region's own key (former Regierungsbezirk Weser-Ems), used for the region total. */
    public static final String AGS = "034";

    /** The region's name, as the region total is labelled. */
    public static final String NAME = "Weser-Ems";

    /** Days and months are those of Lower Saxony: "tomorrow" is tomorrow in Oldenburg, not in UTC. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Region() {
    }

    /** Today in the region, by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
