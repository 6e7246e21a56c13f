package io.tributary.sdk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the SDK free of dependencies: connector authors must get nothing but the JDK with it. */
class SdkDependencyRulesTest {

    private static final JavaClasses SDK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary.sdk");

    @Test
    void sdkDependsOnTheJdkAndItselfOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.tributary.sdk..")
                .because("the SDK depends on the JDK alone, so connectors never clash with the runtime's libraries")
                .check(SDK);
    }

    @Test
    void sdkStaysOutOfJdkInternalsAndDesktopApis() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("sun..", "com.sun..", "jdk.internal..", "java.awt..", "javax..")
                .because("the SDK uses only the JDK's public, headless core APIs")
                .check(SDK);
    }

    @Test
    void everyPublicTypeDeclaresItsStability() {
        classes()
                .that()
                .arePublic()
                .and()
                .areTopLevelClasses()
                .and()
                .doNotHaveSimpleName("package-info")
                .and()
                .resideOutsideOfPackage("io.tributary.sdk.annotation")
                .should()
                .beAnnotatedWith(io.tributary.sdk.annotation.Stable.class)
                .orShould()
                .beAnnotatedWith(io.tributary.sdk.annotation.Evolving.class)
                .orShould()
                .beAnnotatedWith(io.tributary.sdk.annotation.Experimental.class)
                .check(SDK);
    }
}
