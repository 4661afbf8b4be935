package de.weserems.integration.dashboard;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rooms of the dashboard and the arrows allowed between them: features ({@code indicators},
 * {@code deliveries}, {@code reference}) do not depend on each other in a circle, {@code base} knows
 * no feature, and inside {@code indicators} every arrow runs one way: from the views and the API to
 * the queries, the read model and the engine, to the engine generations and the record on the
 * indicator topic. The targets ({@code targets}) read the published figures; the indicator views learn of
 * breaches only through {@code base.live.Alerts}, so the two features stay apart.
 */
class ArchitectureTest {

    private static final String APP = "de.weserems.integration.dashboard";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void base_imports_no_feature() {
        noClasses().that().resideInAPackage(APP + ".base..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".indicators..", APP + ".deliveries..",
                        APP + ".reference..", APP + ".targets..", APP + ".providers..")
                .check(CLASSES);
    }

    @Test
    void the_rooms_of_the_indicators_have_no_cycles() {
        slices().matching(APP + ".indicators.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void inside_the_indicators_every_arrow_runs_down() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(APP + ".indicators..")
                .layer("views").definedBy(APP + ".indicators.ui..")
                .layer("read API").definedBy(APP + ".indicators.api..")
                .layer("queries").definedBy(APP + ".indicators.query..")
                .layer("read model").definedBy(APP + ".indicators.readmodel..")
                .layer("engine").definedBy(APP + ".indicators.engine..")
                .layer("generations").definedBy(APP + ".indicators.generation..")
                .layer("indicator record").definedBy(APP + ".indicators.model..")
                .whereLayer("views").mayNotBeAccessedByAnyLayer()
                .whereLayer("read API").mayOnlyBeAccessedByLayers("views")
                .whereLayer("queries").mayOnlyBeAccessedByLayers("views", "read API")
                .whereLayer("read model").mayOnlyBeAccessedByLayers("views", "read API", "queries")
                .whereLayer("engine").mayNotBeAccessedByAnyLayer()
                .whereLayer("generations").mayOnlyBeAccessedByLayers("views", "read model", "engine")
                .whereLayer("indicator record").mayOnlyBeAccessedByLayers("read model", "queries", "engine",
                        "views", "read API")
                .check(CLASSES);
    }

    @Test
    void inside_the_targets_every_arrow_runs_down() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(APP + ".targets..")
                .layer("view").definedBy(APP + ".targets.ui..")
                .layer("judging").definedBy(APP + ".targets.judging..")
                .layer("store").definedBy(APP + ".targets.store..")
                .layer("target").definedBy(APP + ".targets.model..")
                .whereLayer("view").mayNotBeAccessedByAnyLayer()
                .whereLayer("judging").mayNotBeAccessedByAnyLayer()
                .whereLayer("store").mayOnlyBeAccessedByLayers("view", "judging")
                .whereLayer("target").mayOnlyBeAccessedByLayers("view", "judging", "store")
                .check(CLASSES);
    }

    /** The monthly report shows what the views and the read API show: published figures, never a raw count. */
    @Test
    void the_report_reads_the_indicators_only_through_the_queries() {
        noClasses().that().resideInAPackage(APP + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".indicators.engine..",
                        APP + ".indicators.readmodel..", APP + ".indicators.model..", APP + ".indicators.generation..",
                        APP + ".indicators.ui..", APP + ".indicators.api..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void views_never_touch_a_kafka_client() {
        noClasses().that().resideInAPackage(APP + "..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(CLASSES);
    }
}
