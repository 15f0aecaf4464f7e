package app.rapport.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps dependencies pointing one way: api → application → domain; plugins see only the plugin API,
 * which sees nothing but Java (bundled plugins are checked by the server module's PluginBoundariesTest). Rules for modules that hold no classes yet still guard what comes.
 */
class ArchitectureTest {

    private static final JavaClasses RAPPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.rapport");

    @Test
    void theDomainDependsOnNoOtherModuleNorOnSpringOrMongoDb() {
        noClasses().that().resideInAPackage("app.rapport.domain..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "app.rapport.application..", "app.rapport.api..", "app.rapport.plugin..",
                           "org.springframework..", "com.mongodb..", "org.bson..")
                   .allowEmptyShould(true)
                   .check(RAPPORT);
    }

    @Test
    void theApplicationDoesNotKnowTheApi() {
        noClasses().that().resideInAPackage("app.rapport.application..")
                   .should().dependOnClassesThat().resideInAPackage("app.rapport.api..")
                   .check(RAPPORT);
    }

    @Test
    void thePluginApiUsesNothingButJava() {
        classes().that().resideInAPackage("app.rapport.plugin")
                 .should().onlyDependOnClassesThat().resideInAnyPackage("app.rapport.plugin", "java..")
                 .check(RAPPORT);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("app.rapport.(*).(*)..").should().beFreeOfCycles().check(RAPPORT);
    }
}
