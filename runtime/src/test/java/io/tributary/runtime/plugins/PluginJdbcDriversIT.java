package io.tributary.runtime.plugins;

import static io.tributary.runtime.plugins.TestPlugins.compile;
import static io.tributary.runtime.plugins.TestPlugins.inPackage;
import static io.tributary.runtime.plugins.TestPlugins.jar;
import static io.tributary.runtime.plugins.TestPlugins.services;
import static io.tributary.runtime.plugins.TestPlugins.sourceConnector;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.source.SourceConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connectors written for Kafka Connect open connections with {@code DriverManager}, which finds only the
 * drivers its caller's class loader sees and registered itself. The runtime loads each plugin's drivers
 * when it scans the plugin, as Kafka Connect does, so two plugins with two versions of one driver each
 * connect with their own.
 */
class PluginJdbcDriversIT {
    private static final String OLD = "2.3.232";
    private static final String NEW = "2.5.252";

    /** Connects through DriverManager from the plugin's own class, and shows the driver's version. */
    private static final String DRIVER_VERSION = "new Object() { public String toString() {"
            + " try (java.sql.Connection c = java.sql.DriverManager.getConnection(\"jdbc:h2:mem:\")) {"
            + " return c.getMetaData().getDriverVersion(); }"
            + " catch (java.sql.SQLException e) { return \"no driver: \" + e.getMessage(); } } }.toString()";

    @Test
    void eachPluginConnectsWithItsOwnVersionOfTheDriver(@TempDir Path dir) throws IOException {
        Path drivers = Path.of(System.getProperty("isolation.h2.dir", "target/isolation/h2"));
        Map<String, byte[]> classes = compile(
                dir,
                Map.of(
                        "com.example.a.Reader", sourceConnector("com.example.a.Reader", "1.0", DRIVER_VERSION),
                        "com.example.b.Reader", sourceConnector("com.example.b.Reader", "1.0", DRIVER_VERSION)));
        Path pluginPath = dir.resolve("plugins");
        plugin(pluginPath.resolve("a"), inPackage(classes, "com.example.a"), "com.example.a.Reader", drivers, OLD);
        plugin(pluginPath.resolve("b"), inPackage(classes, "com.example.b"), "com.example.b.Reader", drivers, NEW);

        try (Plugins plugins = Plugins.builder()
                .pluginPath(List.of(pluginPath))
                .workDirectory(dir.resolve("work"))
                .build()) {
            assertThat(plugins.newPlugin("com.example.a.Reader", SourceConnector.class)
                            .toString())
                    .startsWith(OLD);
            assertThat(plugins.newPlugin("com.example.b.Reader", SourceConnector.class)
                            .toString())
                    .startsWith(NEW);
        }
    }

    @SuppressWarnings("unchecked")
    private static void plugin(Path folder, Map<String, byte[]> classes, String connector, Path drivers, String version)
            throws IOException {
        Files.createDirectories(folder);
        jar(folder.resolve("connector.jar"), classes, services(PluginType.SOURCE, connector));
        Files.copy(drivers.resolve("h2-" + version + ".jar"), folder.resolve("h2-" + version + ".jar"));
    }
}
