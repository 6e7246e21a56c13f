package io.tributary.testkit.harness.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the harness on the runtime's embedding surface, so the runtime's internals stay free to change. */
class HarnessDependencyRulesTest {
    private static final String EMBEDDING_SURFACE = "io.tributary.runtime.embed..";

    private static final JavaClasses HARNESS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary.testkit.harness");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.tributary.testkit.(**)").should().beFreeOfCycles().check(HARNESS);
    }

    @Test
    void theHarnessReachesTheRuntimeOnlyThroughItsEmbeddingSurface() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("io.tributary.runtime..")
                        .and(resideOutsideOfPackage(EMBEDDING_SURFACE))
                        .as("are in the runtime outside of " + EMBEDDING_SURFACE))
                .because("the worker, plugins and the rest of the runtime are internal; the embedding API is"
                        + " the runtime's public surface")
                .check(HARNESS);
    }
}
