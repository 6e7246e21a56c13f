package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.GREETING;
import static io.tributary.runtime.plugins.TestPlugins.compile;
import static io.tributary.runtime.plugins.TestPlugins.greeting;
import static io.tributary.runtime.plugins.TestPlugins.inPackage;
import static io.tributary.runtime.plugins.TestPlugins.jar;
import static io.tributary.runtime.plugins.TestPlugins.services;
import static io.tributary.runtime.plugins.TestPlugins.sourceConnector;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.source.SourceConnector;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three plugins: two bundle different versions of the same library class, the third bundles none and gets
 * the runtime's. The runtime's class path has a third version.
 */
class PluginIsolationTest {

    private static final String FIRST = "com.example.first.FirstSource";
    private static final String SECOND = "com.example.second.SecondSource";
    private static final String THIRD = "com.example.third.ThirdSource";
    private static final String CONTEXT_CHECKER = "com.example.context.ContextSource";

    @TempDir
    static Path temp;

    private static URLClassLoader runtimeLoader;
    private static Plugins plugins;

    @BeforeAll
    static void loadPlugins() throws Exception {
        String greets = GREETING + ".text()";
        Map<String, byte[]> connectors = compile(
                temp,
                Map.of(
                        GREETING, greeting("runtime"),
                        FIRST, sourceConnector(FIRST, "1.0", greets),
                        SECOND, sourceConnector(SECOND, "1.0", greets),
                        THIRD, sourceConnector(THIRD, "1.0", greets),
                        CONTEXT_CHECKER,
                                sourceConnector(
                                        CONTEXT_CHECKER,
                                        "1.0",
                                        "String.valueOf(contextLoaderAtConstruction == getClass().getClassLoader())")));
        Path pluginsFolder = temp.resolve("plugins");
        jar(
                pluginsFolder.resolve("first/first.jar"),
                inPackage(connectors, "com.example.first"),
                services(PluginType.SOURCE, FIRST));
        jar(pluginsFolder.resolve("first/greeting-1.jar"), greetingLibrary("v1"));
        jar(
                pluginsFolder.resolve("second/second.jar"),
                inPackage(connectors, "com.example.second"),
                services(PluginType.SOURCE, SECOND));
        jar(pluginsFolder.resolve("second/greeting-2.jar"), greetingLibrary("v2"));
        jar(
                pluginsFolder.resolve("third.jar"),
                inPackage(connectors, "com.example.third"),
                services(PluginType.SOURCE, THIRD));
        jar(
                pluginsFolder.resolve("context.jar"),
                inPackage(connectors, "com.example.context"),
                services(PluginType.SOURCE, CONTEXT_CHECKER));
        Path runtimeJar = jar(temp.resolve("runtime/greeting.jar"), inPackage(connectors, "com.example.lib"));

        runtimeLoader =
                new URLClassLoader(new URL[] {runtimeJar.toUri().toURL()}, PluginIsolationTest.class.getClassLoader());
        plugins = Plugins.builder()
                .pluginPath(List.of(pluginsFolder))
                .workDirectory(temp.resolve("work"))
                .parentLoader(runtimeLoader)
                .build();
    }

    @AfterAll
    static void close() throws Exception {
        plugins.close();
        runtimeLoader.close();
    }

    @Test
    void eachPluginSeesItsOwnVersionOfALibraryTheyBothBundle() {
        assertThat(plugins.newPlugin(FIRST, SourceConnector.class)).hasToString("v1");
        assertThat(plugins.newPlugin(SECOND, SourceConnector.class)).hasToString("v2");
    }

    @Test
    void aPluginThatBundlesNoCopySeesTheRuntimesVersion() {
        assertThat(plugins.newPlugin(THIRD, SourceConnector.class)).hasToString("runtime");
    }

    @Test
    void pluginsShareTheSdkTypesWithTheRuntime() throws Exception {
        Object connector = plugins.newPlugin(FIRST, Object.class);

        assertThat(connector).isInstanceOf(SourceConnector.class);
        assertThat(connector.getClass().getClassLoader())
                .isInstanceOf(PluginClassLoader.class)
                .isSameAs(plugins.loaderFor(FIRST));
        assertThat(plugins.loaderFor(FIRST).loadClass(SourceConnector.class.getName()))
                .isSameAs(SourceConnector.class);
    }

    @Test
    void eachPluginHasItsOwnLoader() {
        assertThat(List.of(plugins.loaderFor(FIRST), plugins.loaderFor(SECOND), plugins.loaderFor(THIRD)))
                .doesNotHaveDuplicates()
                .allSatisfy(loader -> assertThat(loader.getParent()).isSameAs(runtimeLoader));
    }

    @Test
    void constructsPluginsWithTheirLoaderAsContextLoaderAndRestoresItAfterwards() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        SourceConnector connector = plugins.newPlugin(CONTEXT_CHECKER, SourceConnector.class);

        assertThat(connector).hasToString("true");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    private static Map<String, byte[]> greetingLibrary(String text) {
        return inPackage(compile(temp, Map.of(GREETING, greeting(text))), "com.example.lib");
    }
}
