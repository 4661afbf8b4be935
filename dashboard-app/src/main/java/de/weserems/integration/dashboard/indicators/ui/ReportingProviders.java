package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.events.Region;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which providers report for a district, in words ("demo (zuletzt 26.11.2026), jc-emsland (…)"):
 * one piece for the district page and the method page, from what ingest's audit says was stored.
 */
final class ReportingProviders {

    private ReportingProviders() {
    }

    static String text(Component component, List<ProviderActivity.Reporter> reporters, Locale locale) {
        if (reporters.isEmpty()) {
            return component.getTranslation("providers.none");
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(Region.ZONE);
        return reporters.stream()
                .map(r -> component.getTranslation("providers.one", r.providerId(), date.format(r.last())))
                .collect(Collectors.joining(", "));
    }
}
