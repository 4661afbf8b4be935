package de.weserems.integration.dashboard.deliveries;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param staleAfter a district with no event received for this long is highlighted in the provider view */
@ConfigurationProperties("dashboard.deliveries")
public record DeliveriesSettings(@DefaultValue("14d") Duration staleAfter) {
}
