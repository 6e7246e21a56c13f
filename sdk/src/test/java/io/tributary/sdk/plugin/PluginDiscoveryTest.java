package io.tributary.sdk.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.example.CollectingSinkConnector;
import io.tributary.sdk.example.CountingSourceConnector;
import io.tributary.sdk.transforms.Transformation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

    /** A transformation that cannot be instantiated by the runtime: it has no no-argument constructor. */
    public static class NeedsArgument<R extends ConnectRecord<R>> implements Transformation<R> {
        public NeedsArgument(String argument) {}

        @Override
        public ConfigDef config() {
            return ConfigDef.empty();
        }

        @Override
        public void configure(Map<String, ?> configs) {}

        @Override
        public R apply(R record) {
            return record;
        }
    }

    /** A transformation the runtime cannot instantiate: it is abstract. */
    public abstract static class AbstractTransformation<R extends ConnectRecord<R>> implements Transformation<R> {}

    @Test
    void findsThePluginsListedInServiceFiles() {
        PluginDiscovery.Result result = PluginDiscovery.discover(getClass().getClassLoader());

        assertThat(result.plugins(PluginType.SOURCE))
                .extracting(DiscoveredPlugin::pluginClass)
                .containsExactly(CountingSourceConnector.class);
        assertThat(result.plugins(PluginType.SINK))
                .extracting(DiscoveredPlugin::pluginClass)
                .containsExactly(CollectingSinkConnector.class);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aClassScanFindsTheUsableClassesOfEachKindAndLeavesTheRestOut() throws Exception {
        Path testClasses = Path.of(CountingSourceConnector.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Map<PluginType, Class<?>> interfaces = new java.util.LinkedHashMap<>();
        for (PluginType type : PluginType.values()) {
            interfaces.put(type, type.pluginInterface());
        }

        PluginDiscovery.Result result =
                PluginDiscovery.scanClasses(getClass().getClassLoader(), java.util.List.of(testClasses), interfaces);

        assertThat(result.plugins(PluginType.SOURCE))
                .extracting(DiscoveredPlugin::pluginClass)
                .contains(CountingSourceConnector.class);
        assertThat(result.plugins(PluginType.SINK))
                .extracting(DiscoveredPlugin::pluginClass)
                .contains(CollectingSinkConnector.class);
        assertThat(result.plugins())
                .extracting(DiscoveredPlugin::pluginClass)
                .as("no public no-argument constructor, or abstract")
                .doesNotContain(NeedsArgument.class, AbstractTransformation.class);
    }

    @Test
    void reportsEveryBrokenEntryWithItsReasonAndKeepsTheGoodOnes(@TempDir Path plugin) throws IOException {
        Path services = Files.createDirectories(plugin.resolve("META-INF/services"));
        Files.writeString(
                services.resolve(PluginType.TRANSFORMATION.pluginInterface().getName()),
                String.join(
                        "\n",
                        NeedsArgument.class.getName() + "   # no usable constructor",
                        AbstractTransformation.class.getName(),
                        "com.example.DoesNotExist",
                        "",
                        "java.lang.String"));
        Files.writeString(
                services.resolve(PluginType.SOURCE.pluginInterface().getName()),
                CountingSourceConnector.class.getName() + "\n");

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {plugin.toUri().toURL()}, getClass().getClassLoader())) {
            PluginDiscovery.Result result = PluginDiscovery.discover(loader, url -> isInside(plugin, url));

            assertThat(result.plugins())
                    .singleElement()
                    .satisfies(p -> assertThat(p.type()).isEqualTo(PluginType.SOURCE))
                    .satisfies(
                            p -> assertThat(isInside(plugin, p.serviceFile())).isTrue());
            assertThat(result.problems())
                    .extracting(DiscoveryProblem::className, DiscoveryProblem::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    NeedsArgument.class.getName(), "has no public no-argument constructor; add one"),
                            org.assertj.core.groups.Tuple.tuple(
                                    AbstractTransformation.class.getName(), "is abstract; list only concrete classes"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "com.example.DoesNotExist",
                                    "class not found; check the name, or add the JAR that holds it"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "java.lang.String",
                                    "does not implement io.tributary.sdk.transforms.Transformation; list it in the"
                                            + " service file of the interface it implements"));
        }
    }

    private static boolean isInside(Path folder, URL url) {
        try {
            return url.getProtocol().equals("file") && Path.of(url.toURI()).startsWith(folder);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    @Test
    void everyKindNamesItsServiceFile() {
        assertThat(PluginType.SOURCE.serviceFile())
                .isEqualTo("META-INF/services/io.tributary.sdk.source.SourceConnector");
        assertThat(PluginType.HEADER_CONVERTER.displayName()).isEqualTo("header_converter");
    }
}
