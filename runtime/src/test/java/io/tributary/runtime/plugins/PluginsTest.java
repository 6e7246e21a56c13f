package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.GREETING;
import static io.tributary.runtime.plugins.TestPlugins.bundle;
import static io.tributary.runtime.plugins.TestPlugins.bytes;
import static io.tributary.runtime.plugins.TestPlugins.classFileOf;
import static io.tributary.runtime.plugins.TestPlugins.compile;
import static io.tributary.runtime.plugins.TestPlugins.fromPluginPath;
import static io.tributary.runtime.plugins.TestPlugins.greeting;
import static io.tributary.runtime.plugins.TestPlugins.inPackage;
import static io.tributary.runtime.plugins.TestPlugins.jar;
import static io.tributary.runtime.plugins.TestPlugins.problemsUnder;
import static io.tributary.runtime.plugins.TestPlugins.services;
import static io.tributary.runtime.plugins.TestPlugins.sourceConnector;
import static io.tributary.runtime.plugins.TestPlugins.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.source.SourceConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading plugins from the places plugin.path may name, and reporting the broken ones. */
class PluginsTest {

    private static final String GREETER = "com.example.greeter.GreeterSource";
    private static final String NEEDS_HELPER = "com.example.broken.NeedsHelper";
    private static final String EXTENDS_MISSING = "com.example.broken.ExtendsMissing";

    @TempDir
    static Path compiled;

    private static Map<String, byte[]> greeter;
    private static Map<String, byte[]> library;
    private static Map<String, byte[]> broken;

    @TempDir
    Path pluginsFolder;

    @TempDir
    Path workDirectory;

    @BeforeAll
    static void compilePlugins() {
        Map<String, byte[]> classes = compile(
                compiled,
                Map.of(
                        GREETING,
                        greeting("v1"),
                        GREETER,
                        sourceConnector(GREETER, "1.0", GREETING + ".text()"),
                        "com.example.helper.Helper",
                        "package com.example.helper; public class Helper {}",
                        "com.example.helper.Base",
                        sourceConnector("com.example.helper.Base", "1.0", "\"base\""),
                        NEEDS_HELPER,
                        sourceConnector(NEEDS_HELPER, "1.0", "\"\"", "new com.example.helper.Helper();"),
                        EXTENDS_MISSING,
                        "package com.example.broken;"
                                + " public class ExtendsMissing extends com.example.helper.Base {}"));
        greeter = inPackage(classes, "com.example.greeter");
        library = inPackage(classes, "com.example.lib");
        broken = inPackage(classes, "com.example.broken");
    }

    @Test
    void loadsAFolderOfJarsAsOnePlugin() {
        Path plugin = pluginsFolder.resolve("greeter");
        jar(plugin.resolve("greeter-connector.jar"), greeter, services(PluginType.SOURCE, GREETER));
        jar(plugin.resolve("deps/greeting-lib.jar"), library);

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(fromPluginPath(plugins))
                    .containsExactly(new PluginDescriptor(PluginType.SOURCE, GREETER, "1.0", plugin.toString()));
            assertThat(plugins.newPlugin(GREETER, SourceConnector.class)).hasToString("v1");
            assertThat(problemsUnder(plugins, pluginsFolder)).isEmpty();
        }
    }

    @Test
    void loadsAFolderOfClassesAsOnePlugin() {
        Path plugin = pluginsFolder.resolve("greeter");
        write(plugin, greeter);
        write(plugin, library);
        write(plugin, services(PluginType.SOURCE, GREETER));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(plugins.newPlugin(GREETER, SourceConnector.class)).hasToString("v1");
            assertThat(fromPluginPath(plugins))
                    .extracting(PluginDescriptor::location)
                    .containsExactly(plugin.toString());
        }
    }

    @Test
    void loadsASingleJarAsOnePlugin() {
        Path plugin = jar(pluginsFolder.resolve("greeter.jar"), greeter, library, services(PluginType.SOURCE, GREETER));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(fromPluginPath(plugins))
                    .containsExactly(new PluginDescriptor(PluginType.SOURCE, GREETER, "1.0", plugin.toString()));
            assertThat(plugins.newPlugin(GREETER, SourceConnector.class)).hasToString("v1");
        }
    }

    @Test
    void loadsABundleZipFromItsLibFolder() {
        Path jars = pluginsFolder.resolveSibling(pluginsFolder.getFileName() + "-jars");
        Path bundle = bundle(
                pluginsFolder.resolve("example-greeter-1.0.zip"),
                "example-greeter-1.0",
                Map.of(
                        "greeter-connector.jar",
                                jar(jars.resolve("c.jar"), greeter, services(PluginType.SOURCE, GREETER)),
                        "greeting-lib.jar", jar(jars.resolve("l.jar"), library)));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(fromPluginPath(plugins))
                    .containsExactly(new PluginDescriptor(PluginType.SOURCE, GREETER, "1.0", bundle.toString()));
            SourceConnector connector = plugins.newPlugin(GREETER, SourceConnector.class);
            assertThat(connector).hasToString("v1");
            assertThat(((PluginClassLoader) plugins.loaderFor(GREETER)).classPath())
                    .allSatisfy(file -> assertThat(file).startsWith(workDirectory.toAbsolutePath()))
                    .extracting(file -> file.getFileName().toString())
                    .containsExactly("greeter-connector.jar", "greeting-lib.jar");
        }
    }

    @Test
    void acceptsJarsAndZipsNamedDirectlyOnThePluginPath() {
        Path jar = jar(pluginsFolder.resolve("a/greeter.jar"), greeter, library, services(PluginType.SOURCE, GREETER));
        Path zip = bundle(pluginsFolder.resolve("b/greeter.zip"), "greeter", Map.of("greeter.jar", jar));

        try (Plugins plugins = Plugins.builder()
                .pluginPath(List.of(jar, zip))
                .workDirectory(workDirectory)
                .build()) {
            assertThat(fromPluginPath(plugins))
                    .extracting(PluginDescriptor::location)
                    .containsExactly(jar.toString(), zip.toString());
        }
    }

    @Test
    void skipsACorruptZipAndLoadsThePluginNextToIt() throws Exception {
        Path corrupt = Files.write(pluginsFolder.resolve("corrupt.zip"), bytes("PK but no ZIP at all"));
        jar(pluginsFolder.resolve("greeter.jar"), greeter, library, services(PluginType.SOURCE, GREETER));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.location()).isEqualTo(corrupt))
                    .satisfies(problem ->
                            assertThat(problem.toString()).startsWith(corrupt + " is not a readable ZIP file"));
            assertThat(plugins.newPlugin(GREETER, SourceConnector.class)).hasToString("v1");
        }
    }

    @Test
    void refusesABundleWithAnEntryOutsideItsFolder() {
        Path evil = pluginsFolder.resolve("evil.zip");
        zip(evil, Map.of("evil/manifest.json", bytes("{}"), "evil/../../planted.jar", bytes("x")));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.location()).isEqualTo(evil))
                    .satisfies(problem -> assertThat(problem.reason()).contains("'evil/../../planted.jar'"));
            assertThat(pluginsFolder.resolveSibling("planted.jar")).doesNotExist();
            assertThat(workDirectory.resolveSibling("planted.jar")).doesNotExist();
        }
    }

    @Test
    void refusesAPluginThatBundlesTheSdk() {
        Path plugin = pluginsFolder.resolve("uber");
        jar(plugin.resolve("greeter.jar"), greeter, library, services(PluginType.SOURCE, GREETER));
        jar(plugin.resolve("tributary-sdk.jar"), classFileOf(SourceConnector.class));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.location()).isEqualTo(plugin))
                    .satisfies(problem -> assertThat(problem.reason())
                            .startsWith("bundles its own copy of the Tributary SDK")
                            .contains("tributary-sdk.jar")
                            .contains("<scope>provided</scope>"));
            assertThat(fromPluginPath(plugins)).isEmpty();
            assertThatExceptionOfType(ConfigException.class)
                    .isThrownBy(() -> plugins.newPlugin(GREETER, SourceConnector.class))
                    .withMessageContaining(GREETER);
        }
    }

    @Test
    void reportsAServiceFileNamingAMissingClassAndKeepsTheRestOfThePlugin() {
        Path plugin = jar(
                pluginsFolder.resolve("greeter.jar"),
                greeter,
                library,
                services(PluginType.SOURCE, "com.example.greeter.Missing", GREETER));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.location()).isEqualTo(plugin))
                    .satisfies(problem -> assertThat(problem.reason())
                            .contains("com.example.greeter.Missing")
                            .contains("class not found"));
            assertThat(plugins.newPlugin(GREETER, SourceConnector.class)).hasToString("v1");
        }
    }

    @Test
    void reportsClassesThatNeedAMissingDependency() {
        Path plugin = jar(
                pluginsFolder.resolve("broken.jar"),
                broken,
                services(PluginType.SOURCE, NEEDS_HELPER, EXTENDS_MISSING));

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .allSatisfy(problem -> assertThat(problem.location()).isEqualTo(plugin))
                    .extracting(PluginProblem::reason)
                    .satisfiesExactlyInAnyOrder(
                            reason ->
                                    assertThat(reason).contains(EXTENDS_MISSING).contains("com/example/helper/Base"),
                            reason -> assertThat(reason)
                                    .contains(NEEDS_HELPER)
                                    .contains("cannot be linked")
                                    .contains("com/example/helper/Helper"));
            assertThat(fromPluginPath(plugins)).isEmpty();
            assertThatExceptionOfType(ConfigException.class)
                    .isThrownBy(() -> plugins.newPlugin(NEEDS_HELPER, SourceConnector.class))
                    .withMessageContaining("was not found")
                    .withMessageContaining("It was found but cannot be used: " + plugin);
        }
    }

    @Test
    void reportsPluginsWithoutPluginClasses() throws Exception {
        Path noServices = jar(pluginsFolder.resolve("library-only.jar"), library);
        Path empty = Files.createDirectories(pluginsFolder.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "nothing here");

        try (Plugins plugins = load(pluginsFolder)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .extracting(
                            PluginProblem::location, problem -> problem.reason().split(";")[0])
                    .containsExactly(
                            tuple(empty, "holds no JARs and no classes"),
                            tuple(
                                    noServices,
                                    "lists no plugins: none of its JARs has a service file for an SDK interface,"
                                            + " such as META-INF/services/io.tributary.sdk.source.SourceConnector,"
                                            + " or a Kafka Connect one"));
        }
    }

    @Test
    void reportsPluginPathEntriesThatDoNotExist() {
        Path missing = pluginsFolder.resolve("not-there");

        try (Plugins plugins = load(missing)) {
            assertThat(problemsUnder(plugins, pluginsFolder))
                    .singleElement()
                    .hasToString(missing + " does not exist or cannot be read; correct plugin.path");
        }
    }

    @Test
    void refusesToMakePluginsOnceClosed() {
        jar(pluginsFolder.resolve("greeter.jar"), greeter, library, services(PluginType.SOURCE, GREETER));
        Plugins plugins = load(pluginsFolder);
        ClassLoader loader = plugins.loaderFor(GREETER);

        plugins.close();
        plugins.close();

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> plugins.newPlugin(GREETER, SourceConnector.class))
                .withMessageContaining("closed");
        assertThatExceptionOfType(ClassNotFoundException.class)
                .as("a closed loader no longer reads its JARs")
                .isThrownBy(() -> loader.loadClass(GREETING));
    }

    /** A connector on the test class path that no service file lists. */
    public static class UnlistedConnector extends io.tributary.runtime.examples.DemoSourceConnector {}

    @Test
    void aClassOnTheClassPathThatNoServiceFileListsGetsTheFileToWrite() {
        try (Plugins plugins = load()) {
            assertThatExceptionOfType(ConfigException.class)
                    .isThrownBy(() -> plugins.newPlugin(
                            UnlistedConnector.class.getName(), io.tributary.sdk.connector.Connector.class))
                    .withMessage("Plugin class '" + UnlistedConnector.class.getName() + "' is on the worker's class"
                            + " path, but no service file lists it, and the worker finds plugins through their"
                            + " service files only. Write a file META-INF/services/io.tributary.sdk.source.SourceConnector"
                            + " holding the line " + UnlistedConnector.class.getName() + " beside the class: in"
                            + " src/test/resources/ for a class of the test sources, in src/main/resources/ for the"
                            + " main ones (the Tributary Maven plugin's services goal writes those of the main"
                            + " classes)");
            assertThatExceptionOfType(ConfigException.class)
                    .isThrownBy(() -> plugins.newPlugin(String.class.getName(), SourceConnector.class))
                    .withMessage("Class 'java.lang.String' is on the worker's class path but is not a SourceConnector;"
                            + " name a class that implements io.tributary.sdk.source.SourceConnector");
        }
    }

    private Plugins load(Path... pluginPath) {
        return Plugins.builder()
                .pluginPath(List.of(pluginPath))
                .workDirectory(workDirectory)
                .build();
    }

    private static void write(Path folder, Map<String, byte[]> entries) {
        entries.forEach((name, content) -> {
            try {
                Path file = folder.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
