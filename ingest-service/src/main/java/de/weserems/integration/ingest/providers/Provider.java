package de.weserems.integration.ingest.providers;

import de.weserems.integration.events.District;

import java.util.Set;

/** An authenticated data provider and the districts it may report for. */
public record Provider(String id, String name, Set<District> districts) {

    public boolean mayReportFor(District district) {
        return districts.contains(district);
    }
}
