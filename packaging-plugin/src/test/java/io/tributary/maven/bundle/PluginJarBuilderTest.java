package io.tributary.maven.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.maven.bundle.fixtures.GreetingSource;
import io.tributary.maven.bundle.fixtures.Shout;
import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.sdk.plugin.PluginType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-JAR format: dependencies merged, service files joined, clashes refused, loaded by the runtime. */
class PluginJarBuilderTest {
    @TempDir
    Path folder;

    private Path jar(String name, Map<String, Object> entries) throws IOException {
        return TestJars.jar(folder, name, entries);
    }

    private Path projectJar() throws IOException {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("io/tributary/maven/bundle/fixtures/GreetingSource.class", GreetingSource.class);
        project.put("io/tributary/maven/bundle/fixtures/GreetingSource$Task.class", GreetingSource.Task.class);
        project.put("io/tributary/maven/bundle/fixtures/Shout.class", Shout.class);
        project.put("META-INF/services/io.tributary.sdk.source.SourceConnector", GreetingSource.class.getName());
        project.put("META-INF/services/java.sql.Driver", "org.example.ProjectDriver\n");
        return jar("greetings.jar", project);
    }

    private BundleRequest request(Path projectJar, Path... libraries) {
        return TestJars.request(folder, projectJar, libraries);
    }

    @Test
    void dependenciesAreMergedAndTheirServiceFilesJoined() throws IOException {
        Path driver = jar(
                "driver.jar",
                Map.of(
                        "org/example/Driver.class", "bytes",
                        "META-INF/services/java.sql.Driver", "# the driver\norg.example.Driver\n",
                        "META-INF/DRIVER.SF", "signature",
                        "module-info.class", "module"));

        Path plugin = PluginJarBuilder.build(request(projectJar(), driver));

        assertThat(plugin).hasFileName("acme-greetings-1.0.0.jar");
        try (JarFile merged = new JarFile(plugin.toFile())) {
            assertThat(merged.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .isEqualTo("1.0.0");
            assertThat(merged.getEntry("org/example/Driver.class")).isNotNull();
            assertThat(merged.getEntry("META-INF/DRIVER.SF"))
                    .as("signatures dropped")
                    .isNull();
            assertThat(merged.getEntry("module-info.class"))
                    .as("module descriptors dropped")
                    .isNull();
            String drivers = new String(
                    merged.getInputStream(merged.getEntry("META-INF/services/java.sql.Driver"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(drivers).isEqualTo("org.example.ProjectDriver\norg.example.Driver\n");
        }
    }

    @Test
    void classesThatDifferBetweenJarsAreRefused() throws IOException {
        Path one = jar("util-1.jar", Map.of("org/example/Util.class", "one"));
        Path two = jar("util-2.jar", Map.of("org/example/Util.class", "two"));

        assertThatThrownBy(() -> PluginJarBuilder.build(request(projectJar(), one, two)))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("org.example.Util (again in util-2.jar)");
    }

    @Test
    void theRuntimeLoadsThePluginJarFromItsPluginPath() throws IOException {
        Path plugin = PluginJarBuilder.build(request(projectJar()));

        try (Plugins plugins = Plugins.builder()
                .pluginPath(List.of(plugin))
                .workDirectory(folder.resolve("work"))
                .build()) {
            assertThat(plugins.problems()).isEmpty();
            assertThat(plugins.plugins(PluginType.SOURCE))
                    .filteredOn(p -> !p.builtIn())
                    .extracting(PluginDescriptor::className)
                    .containsExactly(GreetingSource.class.getName());
        }
    }
}
