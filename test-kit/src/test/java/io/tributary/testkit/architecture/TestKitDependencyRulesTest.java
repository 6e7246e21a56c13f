package io.tributary.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the test kit usable without a runtime, and its packages in one direction. */
class TestKitDependencyRulesTest {
    private static final JavaClasses TEST_KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary.testkit");

    /**
     * The root package, the kit's entry points, is not a slice: its annotations name the extensions in
     * {@code kafka} and {@code db} ({@code @ExtendWith}), which implement its interfaces, so it and those
     * packages are one unit as long as the public types keep their packages. The packages below it stay
     * apart.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.tributary.testkit.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package that depends on another which depends back on it cannot be understood,"
                        + " tested or moved on its own")
                .check(TEST_KIT);
    }

    @Test
    void theTestKitDoesNotNeedTheRuntime() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.tributary.runtime..")
                .because("connector tests get Kafka, databases and task drivers without the runtime;"
                        + " deploying onto the runtime is the harness module's job")
                .check(TEST_KIT);
    }
}
