package de.weserems.integration.dashboard;

import de.weserems.integration.dashboard.indicators.generation.RemoveGeneration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the dashboard (port 8080 by default); with the first argument {@code remove-generation} it
 * runs {@link RemoveGeneration} instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(RemoveGeneration.COMMAND)) {
            System.exit(RemoveGeneration.main(args, System.out));
        }
        SpringApplication.run(DashboardApplication.class, args);
    }
}
