package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.compile;
import static io.tributary.runtime.plugins.TestPlugins.jar;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.sink.SinkConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Connect plugins on {@code plugin.path}: found through Connect's service files, or, for a JAR that has
 * none, by loading its classes as Connect 4.x does; either way made as the SDK type the worker asks for.
 */
class ConnectPluginScanTest {
    private static final String CONNECTOR = """
            package com.example.old;

            import java.util.List;
            import java.util.Map;
            import org.apache.kafka.common.config.ConfigDef;
            import org.apache.kafka.connect.connector.Task;
            import org.apache.kafka.connect.sink.SinkConnector;

            public class LegacySinkConnector extends SinkConnector {
                public String version() { return "0.9.1"; }
                public void start(Map<String, String> props) {}
                public Class<? extends Task> taskClass() { return LegacySinkTask.class; }
                public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(Map.of()); }
                public void stop() {}
                public ConfigDef config() {
                    return new ConfigDef().define("target", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Where");
                }
            }
            """;
    private static final String TASK = """
            package com.example.old;

            import java.util.Collection;
            import java.util.Map;
            import org.apache.kafka.connect.sink.SinkRecord;
            import org.apache.kafka.connect.sink.SinkTask;

            public class LegacySinkTask extends SinkTask {
                public String version() { return "0.9.1"; }
                public void start(Map<String, String> props) {}
                public void put(Collection<SinkRecord> records) {}
                public void stop() {}
            }
            """;

    @TempDir
    Path work;

    @Test
    void aConnectJarWithoutServiceFilesIsScannedAndItsConnectorMadeAsAnSdkOne() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        jar(
                plugins.resolve("legacy-sink.jar"),
                compile(
                        work,
                        Map.of(
                                "com.example.old.LegacySinkConnector",
                                CONNECTOR,
                                "com.example.old.LegacySinkTask",
                                TASK),
                        List.of(
                                org.apache.kafka.connect.sink.SinkConnector.class,
                                org.apache.kafka.common.config.ConfigDef.class)));

        try (Plugins registry = Plugins.builder()
                .pluginPath(List.of(plugins))
                .workDirectory(work.resolve("extracted"))
                .build()) {
            assertThat(registry.plugins(PluginType.SINK))
                    .filteredOn(p -> p.className().equals("com.example.old.LegacySinkConnector"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.version()).isEqualTo("0.9.1"));
            assertThat(registry.problems()).isEmpty();

            SinkConnector connector = registry.newPlugin("LegacySink", SinkConnector.class);
            assertThat(connector.version()).isEqualTo("0.9.1");
            assertThat(connector.config().key("target")).isPresent();
        }
    }

    @Test
    void aBundledCopyOfKafkasApiDoesNotStandForTheWorkersOwnConverter() throws Exception {
        Path plugin = Files.createDirectories(work.resolve("plugins").resolve("bundles-api"));
        Path api = Path.of(org.apache.kafka.connect.sink.SinkConnector.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.copy(api, plugin.resolve(api.getFileName()));

        try (Plugins registry = Plugins.builder()
                .pluginPath(List.of(plugin.getParent()))
                .workDirectory(work.resolve("extracted"))
                .build()) {
            assertThat(registry.plugins())
                    .filteredOn(p -> p.location().contains("bundles-api"))
                    .as("connect-api lists StringConverter and SimpleHeaderConverter in its service files")
                    .isEmpty();
        }
    }
}
