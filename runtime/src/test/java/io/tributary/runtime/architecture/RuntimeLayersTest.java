package io.tributary.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the runtime's components in layers: the parts a worker is built from know nothing of the worker,
 * the worker knows nothing of how it is run (standalone, CLI, embedding), only the CLI knows picocli, and
 * packages depend on each other in one direction only.
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
                        ROOT + ".errors..",
                        ROOT + ".plugins..",
                        ROOT + ".storage..",
                        ROOT + ".config..",
                        ROOT + ".examples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".worker..", ROOT + ".standalone..", ROOT + ".cli..", ROOT + ".embed..")
                .because("converters, transformations, error handling, plugins, storage and config providers are the"
                        + " worker's parts")
                .check(RUNTIME);
    }

    /**
     * ArchUnit reads bytecode, where compile-time constants are inlined: a package that only reads another's
     * {@code static final String} settings names shows no dependency here, so keep such reads one way by hand.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package that depends on another which depends back on it cannot be understood,"
                        + " tested or moved on its own")
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
    void onlyTheRestPackageKnowsTheHttpServer() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".rest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .because("HTTP is one way in; the engine answers the same whether asked over HTTP or not")
                .check(RUNTIME);
    }

    @Test
    void theRestApiReachesTheEngineThroughTheControlInterfaceAlone() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".rest..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".rest..",
                        ROOT + ".control..",
                        "io.tributary.sdk..",
                        "java..",
                        "javax..",
                        "io.javalin..",
                        "org.eclipse.jetty..",
                        "com.fasterxml.jackson..",
                        "org.slf4j..",
                        "kotlin..",
                        "org.jetbrains.annotations..")
                .because("standalone and distributed mode each answer ConnectorControl their own way, and the REST"
                        + " API must work the same on both: it knows the control interface, the SDK's types and"
                        + " its HTTP and JSON libraries, nothing of the engine")
                .check(RUNTIME);
    }

    @Test
    void theControlInterfaceIsFreeOfEngineTypes() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".control..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".worker..",
                        ROOT + ".standalone..",
                        ROOT + ".operations..",
                        ROOT + ".plugins..",
                        ROOT + ".rest..",
                        "org.apache.kafka..")
                .because("its values are what a client sees, whichever mode answers")
                .check(RUNTIME);
    }

    @Test
    void kafkaConnectsPluginApiIsUsedByTheConnectAdaptersAlone() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".connect..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.kafka.connect..")
                .because("Connect plugins run through one package of adapters; the rest of the runtime runs SDK types")
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
