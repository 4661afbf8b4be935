package de.weserems.integration.dashboard;

import de.weserems.integration.dashboard.ops.RebuildIndicators;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the dashboard (port 8080 by default); with the first argument {@code rebuild-indicators}
 * it runs {@link RebuildIndicators} instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(RebuildIndicators.COMMAND)) {
            System.exit(RebuildIndicators.main(args, System.out));
        }
        SpringApplication.run(DashboardApplication.class, args);
    }
}
