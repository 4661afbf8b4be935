package de.weserems.integration.dashboard.reference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The population figures: built in, or the operator's file; the residents of foreign nationality: the
 * operator's file or none ({@code dashboard.reference.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferenceConfig.ReferenceProperties.class)
class ReferenceConfig {

    /**
     * @param populationFile   CSV {@code ags;residents} with all 17 districts; empty for the built-in 2018 figures
     * @param populationLabel  what the file's figures are, shown on the method page
     * @param populationCredit the credit its source asks for
     * @param foreignResidentsFile CSV {@code ags;year;foreignResidents;source} with all 17 districts; empty: the
     *                             figures per 10,000 foreign residents are off
     */
    @ConfigurationProperties("dashboard.reference")
    record ReferenceProperties(String populationFile, String populationLabel, String populationCredit,
                               String foreignResidentsFile) {
    }

    @Bean
    ForeignResidents foreignResidents(ReferenceProperties properties) throws IOException {
        if (properties.foreignResidentsFile() == null || properties.foreignResidentsFile().isBlank()) {
            return ForeignResidents.NONE;
        }
        return ForeignResidents.load(Path.of(properties.foreignResidentsFile()));
    }

    @Bean
    Population population(ReferenceProperties properties) throws IOException {
        if (properties.populationFile() == null || properties.populationFile().isBlank()) {
            return Population.reference2018();
        }
        return Population.load(Path.of(properties.populationFile()), new Population.Source(
                properties.populationLabel() == null ? "Bevölkerung laut " + properties.populationFile()
                        : properties.populationLabel(),
                properties.populationCredit() == null ? "" : properties.populationCredit()));
    }
}
