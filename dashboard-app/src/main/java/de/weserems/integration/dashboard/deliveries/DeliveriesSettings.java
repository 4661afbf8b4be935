package de.weserems.integration.dashboard.deliveries;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param staleAfter a district with no event received for this long is highlighted in the provider view
 * @param days       how many recent days the provider view shows day by day (reject reasons over time);
 *                   each instance keeps no more days than this per provider
 */
@ConfigurationProperties("dashboard.deliveries")
public record DeliveriesSettings(@DefaultValue("14d") Duration staleAfter, @DefaultValue("14d") Duration days) {

    public DeliveriesSettings {
        if (days.toDays() < 1) {
            throw new IllegalArgumentException("dashboard.deliveries.days must be at least 1d, not " + days);
        }
    }

    /** {@link #days} in whole days. */
    public int dayCount() {
        return (int) Math.min(366, days.toDays());
    }
}
