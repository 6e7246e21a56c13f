package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.GREETING;
import static io.tributary.runtime.plugins.TestPlugins.bytes;
import static io.tributary.runtime.plugins.TestPlugins.classFileOf;
import static io.tributary.runtime.plugins.TestPlugins.compile;
import static io.tributary.runtime.plugins.TestPlugins.greeting;
import static io.tributary.runtime.plugins.TestPlugins.inPackage;
import static io.tributary.runtime.plugins.TestPlugins.jar;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.plugin.Versioned;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class PluginClassLoaderTest {

    @TempDir
    static Path compiled;

    private static Path parentJar;
    private static Path pluginJar;

    @TempDir
    Path work;

    private URLClassLoader parent;
    private PluginClassLoader plugin;

    @BeforeAll
    static void buildJars() {
        parentJar = jar(
                compiled.resolve("parent.jar"),
                inPackage(compile(compiled, Map.of(GREETING, greeting("parent"))), "com.example.lib"),
                Map.of("greeting.txt", bytes("parent")));
        Map<String, byte[]> pluginClasses = compile(
                compiled,
                Map.of(
                        GREETING,
                        greeting("plugin"),
                        "javax.inject.Named",
                        "package javax.inject; public class Named {}"));
        pluginJar = jar(
                compiled.resolve("plugin.jar"),
                inPackage(pluginClasses, "com.example.lib"),
                inPackage(pluginClasses, "javax.inject"),
                Map.of("greeting.txt", bytes("plugin")),
                // Copies of shared classes, which must never be used:
                classFileOf(Versioned.class),
                classFileOf(Logger.class),
                Map.of("java/lang/Object.class", bytes("not a class")));
    }

    @BeforeEach
    void createLoaders() throws IOException {
        parent = new URLClassLoader(
                new URL[] {parentJar.toUri().toURL()}, getClass().getClassLoader());
        plugin = new PluginClassLoader(work, List.of(pluginJar), parent);
    }

    @AfterEach
    void closeLoaders() throws IOException {
        plugin.close();
        parent.close();
    }

    @Test
    void looksForClassesInThePluginBeforeTheParent() throws Exception {
        Class<?> greeting = plugin.loadClass(GREETING);

        assertThat(greeting.getClassLoader()).isSameAs(plugin);
        assertThat(greetingOf(greeting)).isEqualTo("plugin");
        assertThat(greetingOf(parent.loadClass(GREETING))).isEqualTo("parent");
    }

    @Test
    void looksForResourcesInThePluginBeforeTheParent() throws IOException {
        try (var in = plugin.getResourceAsStream("greeting.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("plugin");
        }
        List<URL> all = Collections.list(plugin.getResources("greeting.txt"));
        assertThat(all).hasSize(2);
        assertThat(plugin.contains(all.get(0))).isTrue();
        assertThat(plugin.contains(all.get(1))).isFalse();
    }

    @Test
    void fallsBackToTheParentForWhatThePluginLacks() throws Exception {
        try (PluginClassLoader withoutGreeting = new PluginClassLoader(work, List.of(), parent)) {
            Class<?> greeting = withoutGreeting.loadClass(GREETING);

            assertThat(greeting.getClassLoader()).isSameAs(parent);
            assertThat(greetingOf(greeting)).isEqualTo("parent");
        }
    }

    @Test
    void takesSdkAndLoggingApiClassesFromTheParentEvenWhenThePluginHasCopies() throws Exception {
        assertThat(plugin.loadClass(Versioned.class.getName())).isSameAs(Versioned.class);
        assertThat(plugin.loadClass(Logger.class.getName())).isSameAs(Logger.class);
        URL sdkClassFile = plugin.getResource("io/tributary/sdk/plugin/Versioned.class");
        assertThat(plugin.contains(sdkClassFile)).isFalse();
        assertThat(Collections.list(plugin.getResources("org/slf4j/Logger.class")))
                .noneMatch(plugin::contains);
    }

    @Test
    void takesJdkClassesAndResourcesFromTheParent() throws Exception {
        assertThat(plugin.loadClass("java.lang.Object")).isSameAs(Object.class);
        assertThat(plugin.loadClass("javax.tools.ToolProvider")).isSameAs(javax.tools.ToolProvider.class);
        assertThat(plugin.contains(plugin.getResource("java/lang/Object.class")))
                .isFalse();
    }

    @Test
    void takesPackagesOutsideTheJdkFromThePluginEvenUnderJavax() throws Exception {
        assertThat(plugin.loadClass("javax.inject.Named").getClassLoader()).isSameAs(plugin);
    }

    @Test
    void recognizesItsOwnFilesOnly() throws IOException {
        Path classesFolder = Files.createDirectories(work.resolve("classes"));
        Files.writeString(classesFolder.resolve("own.txt"), "own");
        try (PluginClassLoader withFolder = new PluginClassLoader(work, List.of(classesFolder, pluginJar), parent)) {
            assertThat(withFolder.contains(withFolder.getResource("own.txt"))).isTrue();
            assertThat(withFolder.contains(withFolder.getResource("greeting.txt")))
                    .isTrue();
            assertThat(withFolder.contains(parent.getResource("greeting.txt"))).isFalse();
            assertThat(withFolder.location()).isEqualTo(work);
        }
    }

    private static String greetingOf(Class<?> greeting) throws ReflectiveOperationException {
        return (String) ((Supplier<?>) greeting.getConstructor().newInstance()).get();
    }

    @Test
    void kafkaApiClassesAreTheRuntimesAndConnectsOwnPluginsAreThePlugins() {
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.source.SourceConnector"))
                .isTrue();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.data.Struct"))
                .isTrue();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.clients.producer.RecordMetadata"))
                .isTrue();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.transforms.Transformation"))
                .isTrue();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.transforms.predicates.Predicate"))
                .isTrue();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.common.config.provider.ConfigProvider"))
                .isTrue();

        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.transforms.Cast"))
                .isFalse();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.transforms.predicates.HasHeaderKey"))
                .isFalse();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.file.FileStreamSinkConnector"))
                .isFalse();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.json.JsonConverter"))
                .isFalse();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.connect.storage.StringConverter"))
                .isFalse();
        assertThat(PluginClassLoader.isKafkaApi("org.apache.kafka.common.config.provider.FileConfigProvider"))
                .isFalse();
        assertThat(PluginClassLoader.isKafkaApi("com.example.kafka.Thing")).isFalse();

        assertThat(PluginClassLoader.isKafkaApiPackage("org.apache.kafka.connect.data"))
                .isTrue();
        assertThat(PluginClassLoader.isKafkaApiPackage("org.apache.kafka.connect.file"))
                .isFalse();
    }
}
