package io.keywarden.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's layers: the faces ({@code http}, {@code query}) are adapters that reach the use cases through the
 * catalogue and never touch persistence; the packages form no cycle; and what answers on an event loop ({@code auth},
 * the faces) takes no JDBC connection by construction.
 */
class ServerLayersTest {
    private static JavaClasses server;

    @BeforeAll
    static void importClasses() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.keywarden.server");
    }

    @Test
    void classesWereFound() {
        assertThat(server.size()).isGreaterThan(60);
    }

    @Test
    void adaptersNeverTouchPersistence() {
        noClasses().that().resideInAnyPackage("io.keywarden.server.http..", "io.keywarden.server.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keywarden.server.persistence..", "java.sql..",
                        "javax.sql..", "io.micronaut.data..")
                .because("the faces translate HTTP to the catalogue's operations and back, nothing more")
                .check(server);
    }

    @Test
    void adaptersPerformOperationsOnlyThroughTheCatalogue() {
        noClasses().that().resideInAnyPackage("io.keywarden.server.http..", "io.keywarden.server.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keywarden.core.service..",
                        "io.keywarden.core.permissions..", "io.keywarden.core.signin..")
                .because("every operation goes through OperationCalls, so it is authorised and audited the same way")
                .check(server);
    }

    @Test
    void theQueryProtocolKnowsNoHttpFramework() {
        noClasses().that().resideInAPackage("io.keywarden.server.query..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.netty..")
                .check(server);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.keywarden.server.(*)..").should().beFreeOfCycles().check(server);
    }
}
