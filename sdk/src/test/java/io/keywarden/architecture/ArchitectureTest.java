package io.keywarden.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module borders: core is pure Java (no framework, no JDBC, no HTTP), the SDK embeds no framework, and neither
 * reaches into the server. Runs here because the SDK's test class path holds both core and sdk.
 */
class ArchitectureTest {
    private static JavaClasses core;
    private static JavaClasses sdk;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        core = importer.importPackages("io.keywarden.core");
        sdk = importer.importPackages("io.keywarden.sdk");
    }

    @Test
    void classesWereFound() {
        assertThat(core.size()).isGreaterThan(30);
        assertThat(sdk.size()).isGreaterThan(10);
    }

    @Test
    void coreIsPureJava() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "java.sql..", "javax.sql..", "java.net.http..", "io.netty..",
                        "jakarta..", "io.keywarden.server..", "io.keywarden.sdk..", "org.slf4j..")
                .because("core holds the domain and use cases without framework, JDBC or HTTP")
                .check(core);
    }

    @Test
    void sdkEmbedsNoFrameworkAndNoServerCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "java.sql..", "javax.sql..", "io.netty..", "io.keywarden.server..")
                .because("applications that embed the SDK must not inherit a framework")
                .check(sdk);
    }

    @Test
    void sdkInternalsStayInternal() {
        noClasses().that().resideOutsideOfPackage("io.keywarden.sdk..")
                .should().dependOnClassesThat().resideInAPackage("io.keywarden.sdk.internal..")
                .check(core);
    }
}
