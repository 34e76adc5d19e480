package io.glasswarden.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package dependency rules of docs/architecture.md, stated once: features depend on the directory port, only the
 * Graph adapter knows Microsoft's SDKs, nothing depends on web plumbing, and feature packages form no cycles.
 */
@AnalyzeClasses(packages = "io.glasswarden", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheGraphAdapterKnowsMicrosoftSdks = noClasses()
            .that()
            .resideOutsideOfPackage("io.glasswarden.directory.graph..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.microsoft.graph..", "com.microsoft.kiota..", "com.microsoft.aad.msal4j..")
            .because("Microsoft Graph and MSAL live behind one port, in one adapter package");

    @ArchTest
    static final ArchRule nothingDependsOnWebPlumbing = noClasses()
            .that()
            .resideOutsideOfPackage("io.glasswarden.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.glasswarden.web..")
            .because("web holds HTTP plumbing shared by resources (problem mapping, limits), not domain code");

    @ArchTest
    static final ArchRule thePortKnowsNoAdapter = noClasses()
            .that()
            .resideInAPackage("io.glasswarden.directory")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.glasswarden.directory.graph..", "io.glasswarden.directory.snapshot..")
            .because("adapters implement the port; the port names no implementation");

    @ArchTest
    static final ArchRule thePortKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("io.glasswarden.directory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.glasswarden.readiness..", "io.glasswarden.drills..",
                    "io.glasswarden.attestations..", "io.glasswarden.signins..", "io.glasswarden.ledger..",
                    "io.glasswarden.notifications..", "io.glasswarden.scheduling..", "io.glasswarden.security..")
            .because("the directory is read by features, never the other way round");

    @ArchTest
    static final ArchRule coreKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("io.glasswarden.core..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("io.glasswarden.core..", "java..", "jakarta..",
                    "com.fasterxml..", "io.quarkus..", "org.jboss..",
                    // how a shared type appears in the API description
                    "org.eclipse.microprofile.openapi.annotations..")
            .because("core holds the small shared vocabulary (errors, paging, time, stored JSON) every feature may"
                    + " use");

    @ArchTest
    static final ArchRule rulesArePureFunctions = noClasses()
            .that()
            .resideInAPackage("io.glasswarden.readiness.rules..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "jakarta.ws.rs..",
                    "io.quarkus..", "io.glasswarden.accounts..", "io.glasswarden.directory.graph..")
            .because("rules are pure functions of facts, settings and time (style.md)");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("io.glasswarden.(*)..")
            .should()
            .beFreeOfCycles();
}
