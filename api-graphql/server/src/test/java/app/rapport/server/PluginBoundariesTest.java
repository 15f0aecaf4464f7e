package app.rapport.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The server as shipped, bundled plugins included: plugins see only the plugin API, and the server never names a
 * plugin, so a plugin can be left out, switched off or replaced without touching the core.
 */
class PluginBoundariesTest {

    private static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.rapport");

    @Test
    void bundledPluginsSeeOnlyThePluginApi() {
        noClasses().that().resideInAPackage("app.rapport.plugins..")
                   .should().dependOnClassesThat().resideInAnyPackage(
                           "app.rapport.domain..", "app.rapport.application..", "app.rapport.api..",
                           "org.springframework..", "org.axonframework..", "com.mongodb..", "org.bson..",
                           "com.fasterxml.jackson..")
                   .check(SHIPPED);
    }

    @Test
    void theServerNeverNamesAPlugin() {
        noClasses().that().resideInAnyPackage("app.rapport.domain..", "app.rapport.application..", "app.rapport.api..")
                   .should().dependOnClassesThat().resideInAPackage("app.rapport.plugins..")
                   .check(SHIPPED);
    }
}
