package de.weserems.integration.dashboard.indicators.readmodel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code indicators}, part of the readiness probe: down until this instance has
 * read the whole indicator topic once, so a load balancer that checks readiness sends no one to an
 * instance that would show incomplete figures.
 */
@Component("indicatorsHealthIndicator")
class ReadModelHealth implements HealthIndicator {

    private final IndicatorReadModel readModel;

    ReadModelHealth(IndicatorReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public Health health() {
        return readModel.loaded()
                ? Health.up().withDetail("districtMonths", readModel.snapshot().size()).build()
                : Health.outOfService().withDetail("reason", "still reading the indicator topic").build();
    }
}
