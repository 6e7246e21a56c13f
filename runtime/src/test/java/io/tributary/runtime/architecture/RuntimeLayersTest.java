package io.tributary.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the runtime's components in layers: the parts a worker is built from know nothing of the worker,
 * the worker knows nothing of how it is run (standalone, CLI, embedding), and only the CLI knows picocli.
 */
class RuntimeLayersTest {
    private static final String ROOT = "io.tributary.runtime";
    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theWorkersPartsDoNotKnowTheWorker() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".convert..",
                        ROOT + ".transforms..",
                        ROOT + ".plugins..",
                        ROOT + ".storage..",
                        ROOT + ".config..",
                        ROOT + ".examples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".worker..", ROOT + ".standalone..", ROOT + ".cli..", ROOT + ".embed..")
                .because("converters, transformations, plugins, storage and config providers are the worker's parts")
                .check(RUNTIME);
    }

    @Test
    void theWorkerDoesNotKnowHowItIsRun() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".worker..", ROOT + ".errors..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".standalone..", ROOT + ".cli..", ROOT + ".embed..")
                .because("standalone mode, the CLI and embedding drive the worker, not the other way round")
                .check(RUNTIME);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..")
                .check(RUNTIME);
    }

    @Test
    void examplesAreWrittenAgainstTheSdkAlone() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".examples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".worker..",
                        ROOT + ".errors..",
                        ROOT + ".convert..",
                        ROOT + ".transforms..",
                        ROOT + ".plugins..",
                        ROOT + ".storage..",
                        ROOT + ".config..",
                        ROOT + ".standalone..",
                        ROOT + ".cli..",
                        ROOT + ".embed..",
                        "org.apache.kafka..",
                        "com.fasterxml..")
                .because("connectors depend on the SDK and their own libraries, never on runtime internals")
                .check(RUNTIME);
    }
}
