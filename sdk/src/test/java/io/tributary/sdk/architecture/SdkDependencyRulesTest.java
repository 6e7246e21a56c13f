package io.tributary.sdk.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.have;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tributary.sdk.annotation.Evolving;
import io.tributary.sdk.annotation.Experimental;
import io.tributary.sdk.annotation.Stable;
import java.lang.annotation.Annotation;
import java.util.List;
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
                .beAnnotatedWith(Stable.class)
                .orShould()
                .beAnnotatedWith(Evolving.class)
                .orShould()
                .beAnnotatedWith(Experimental.class)
                .check(SDK);
    }

    @Test
    void nothingDeclaresTwoStabilities() {
        List<Class<? extends Annotation>> marks = List.of(Stable.class, Evolving.class, Experimental.class);
        DescribedPredicate<HasAnnotations<?>> twoMarks = DescribedPredicate.describe(
                "more than one stability mark",
                element -> marks.stream().filter(element::isAnnotatedWith).count() > 1);

        noClasses().should(have(twoMarks)).check(SDK);
        noMembers().should(have(twoMarks)).check(SDK);
    }
}
