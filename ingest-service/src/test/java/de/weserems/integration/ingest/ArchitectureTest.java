package de.weserems.integration.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rooms of ingest and the arrows allowed between them: {@code api} (HTTP, authentication, the intake
 * of a request) uses the others; {@code body} reads a request body into items and {@code validation}
 * checks an item, neither knowing the servlet or Kafka; {@code providers}, {@code publishing} and {@code audit}
 * know nothing of the API above them.
 */
class ArchitectureTest {

    private static final String INGEST = "de.weserems.integration.ingest";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(INGEST);

    @Test
    void the_packages_have_no_cycles() {
        slices().matching(INGEST + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void only_the_api_knows_the_api() {
        noClasses().that().resideOutsideOfPackage(INGEST + ".api..")
                .should().dependOnClassesThat().resideInAPackage(INGEST + ".api..")
                .check(CLASSES);
    }

    @Test
    void reading_and_checking_items_knows_neither_the_servlet_nor_kafka() {
        noClasses().that().resideInAnyPackage(INGEST + ".body..", INGEST + ".validation..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
                        "org.apache.kafka..", "org.springframework.kafka..")
                .check(CLASSES);
    }

    @Test
    void validation_depends_on_no_other_room_of_ingest() {
        noClasses().that().resideInAPackage(INGEST + ".validation..")
                .should().dependOnClassesThat().resideInAnyPackage(INGEST + ".api..", INGEST + ".body..",
                        INGEST + ".providers..", INGEST + ".publishing..", INGEST + ".audit..")
                .check(CLASSES);
    }
}
