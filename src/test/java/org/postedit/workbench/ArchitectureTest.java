package org.postedit.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Keeps the flow honest: import -> segments -> checks -> review -> versions -> export. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            // by folder name, so it also holds with -Dwb.build.dir=target-x (the predefined option expects target/)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("org.postedit.workbench");

    @Test
    void servicesAndRepositoriesImportNoVaadinClass() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void viewsCallServicesNeverRepositories() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Layout")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void okapiStaysInTheImportAndExportAdapters() {
        noClasses().that().resideOutsideOfPackages("..document.okapi..", "..export..")
                .should().dependOnClassesThat().resideInAPackage("net.sf.okapi..")
                .check(CLASSES);
    }

    @Test
    void languageToolStaysInTheChecks() {
        // the importer's language detection is the one other place allowed to ask LanguageTool
        noClasses().that().resideOutsideOfPackages("..check..", "..document.okapi..")
                .should().dependOnClassesThat().resideInAPackage("org.languagetool..")
                .check(CLASSES);
    }

    @Test
    void glossaryNeverReachesTheChecks() {
        noClasses().that().resideInAPackage("..glossary..")
                .should().dependOnClassesThat().resideInAPackage("..check..")
                .check(CLASSES);
    }

    @Test
    void documentsKnowNothingOfReviewOrExport() {
        noClasses().that().resideInAPackage("..document..")
                .should().dependOnClassesThat().resideInAnyPackage("..review..", "..export..", "..check..")
                .check(CLASSES);
    }

    @Test
    void everyViewSaysWhoMayOpenIt() {
        classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.DenyAll.class)
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenFeatures() {
        slices().matching("org.postedit.workbench.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void servicesHoldNoVaadinSessionState() {
        classes().that().haveSimpleNameEndingWith("Service")
                .should().beAnnotatedWith(org.springframework.stereotype.Service.class)
                .check(CLASSES);
    }
}
