package de.weserems.integration.dashboard.indicators.readmodel;

import de.weserems.integration.dashboard.indicators.generation.EngineGeneration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code indicators}, part of the readiness probe: down until this instance has
 * read the indicator topic of a generation that caught up, so a load balancer that checks readiness
 * sends no one to an instance that would show incomplete figures. Its details name the generation served.
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
                ? Health.up().withDetail("districtMonths", readModel.snapshot().size())
                .withDetail("generation", readModel.serving().map(EngineGeneration::name).orElse("")).build()
                : Health.outOfService().withDetail("reason", "no engine generation has caught up and been read yet")
                .build();
    }
}
