package com.claimflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capability talks to another only through its public face (services, entities, events, delegates); its
 * {@code internal} package (repositories, stores) is its own. Vaadin views stay in {@code ui} packages and the
 * domain never depends on them.
 */
class CapabilityBoundariesTest {
    static final List<String> CAPABILITIES = List.of("intake", "coding", "claim", "scrub", "submission", "remittance", "denial",
            "collections", "workqueue", "sla", "audit", "reference", "identity", "simulator", "demo");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.claimflow");

    @Test
    void noCapabilityReachesIntoAnothersInternals() {
        for (String capability : CAPABILITIES) {
            noClasses().that().resideOutsideOfPackage("com.claimflow." + capability + "..")
                    .should().dependOnClassesThat().resideInAPackage("com.claimflow." + capability + ".internal..")
                    .because(capability + "'s internals (repositories, stores) are reached only through its public service")
                    .check(classes);
        }
    }

    @Test
    void domainAndServicesDoNotDependOnViews() {
        noClasses().that().resideOutsideOfPackages("..ui..", "com.claimflow.identity")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void onlyTheWorkQueueWritesTheProjection() {
        noClasses().that().resideOutsideOfPackage("com.claimflow.workqueue..")
                .should().accessClassesThat().haveSimpleName("WorkItemStore")
                .check(classes);
    }
}
