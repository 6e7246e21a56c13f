package io.tributary.maven.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.maven.bundle.fixtures.GreetingSource;
import io.tributary.maven.bundle.fixtures.HalfDoneSource;
import io.tributary.maven.bundle.fixtures.Shout;
import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.sdk.plugin.PluginType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles built from real JARs: the layout, the manifest, what lib/ keeps and leaves out, and refusals. */
class BundleBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** A JAR of the given classes, as the test compiled them, and of the given extra entries. */
    private Path jar(String name, List<Class<?>> classes, Map<String, String> extra) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            for (Class<?> type : classes) {
                String resource = type.getName().replace('.', '/') + ".class";
                entries.putNextEntry(new JarEntry(resource));
                try (var in = type.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(entries);
                }
                entries.closeEntry();
            }
            for (Map.Entry<String, String> entry : extra.entrySet()) {
                entries.putNextEntry(new JarEntry(entry.getKey()));
                entries.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                entries.closeEntry();
            }
        }
        return jar;
    }

    private Path connectorJar() throws IOException {
        return jar(
                "greetings-1.2.3.jar",
                List.of(GreetingSource.class, GreetingSource.Task.class, Shout.class),
                Map.of(
                        "META-INF/services/io.tributary.sdk.source.SourceConnector",
                                GreetingSource.class.getName() + "\n",
                        "META-INF/services/io.tributary.sdk.transforms.Transformation",
                                "# the transform\n" + Shout.class.getName() + "\n"));
    }

    private BundleRequest request(Path projectJar, List<BundleRequest.Library> libraries) throws IOException {
        Path readme = Files.writeString(folder.resolve("README.md"), "# Greetings\n");
        Path etc = Files.createDirectories(folder.resolve("etc"));
        Files.writeString(etc.resolve("greetings.properties"), "connector.class=GreetingSource\n");
        return new BundleRequest(
                "acme",
                "greetings",
                "1.2.3",
                "Greetings",
                "Writes greetings.",
                "Acme Corp",
                List.of("demo"),
                List.of(new BundleRequest.License("Apache License 2.0", "https://www.apache.org/licenses/LICENSE-2.0")),
                "https://example.com/docs",
                "https://example.com/src",
                "2026-12-04",
                projectJar,
                libraries,
                Optional.of(readme),
                Optional.empty(),
                Optional.of(etc),
                Optional.empty(),
                Optional.empty(),
                folder.resolve("target"));
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                names.add(all.nextElement().getName());
            }
        }
        return names;
    }

    private static JsonNode manifest(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return JSON.readTree(file.getInputStream(file.getEntry("acme-greetings-1.2.3/manifest.json")));
        }
    }

    @Test
    void aBundleHasTheHubLayoutItsLibrariesAndAManifestOfItsPlugins() throws IOException {
        Path text = jar("commons-text-1.12.0.jar", List.of(), Map.of("text.txt", "x"));
        Path clients = jar("kafka-clients-4.3.1.jar", List.of(), Map.of("clients.txt", "x"));
        Path zstd = jar("zstd-jni-1.5.6.jar", List.of(), Map.of("zstd.txt", "x"));
        Path sdk = jar("tributary-sdk-0.1.0.jar", List.of(), Map.of("sdk.txt", "x"));
        BundleBuilder.Result result = BundleBuilder.build(request(
                connectorJar(),
                List.of(
                        new BundleRequest.Library("org.apache.commons", "commons-text", "1.12.0", text, List.of()),
                        new BundleRequest.Library("org.apache.kafka", "kafka-clients", "4.3.1", clients, List.of()),
                        new BundleRequest.Library(
                                "com.github.luben",
                                "zstd-jni",
                                "1.5.6",
                                zstd,
                                List.of("org.apache.kafka:kafka-clients")),
                        new BundleRequest.Library("io.tributary", "tributary-sdk", "0.1.0", sdk, List.of()))));

        assertThat(result.zip()).hasFileName("acme-greetings-1.2.3.zip");
        assertThat(entries(result.zip()))
                .containsExactly(
                        "acme-greetings-1.2.3/",
                        "acme-greetings-1.2.3/doc/",
                        "acme-greetings-1.2.3/doc/README.md",
                        "acme-greetings-1.2.3/doc/configuration.md",
                        "acme-greetings-1.2.3/etc/",
                        "acme-greetings-1.2.3/etc/greetings.properties",
                        "acme-greetings-1.2.3/lib/",
                        "acme-greetings-1.2.3/lib/commons-text-1.12.0.jar",
                        "acme-greetings-1.2.3/lib/greetings-1.2.3.jar",
                        "acme-greetings-1.2.3/manifest.json");
        assertThat(result.leftOut())
                .containsExactly(
                        "org.apache.kafka:kafka-clients", "com.github.luben:zstd-jni", "io.tributary:tributary-sdk");

        JsonNode manifest = manifest(result.zip());
        assertThat(manifest.path("name").asText()).isEqualTo("greetings");
        assertThat(manifest.path("version").asText()).isEqualTo("1.2.3");
        assertThat(manifest.path("owner").path("username").asText()).isEqualTo("acme");
        assertThat(manifest.path("owner").path("name").asText()).isEqualTo("Acme Corp");
        assertThat(manifest.path("component_types").toString()).isEqualTo("[\"source\",\"transform\"]");
        assertThat(manifest.path("license").get(0).path("name").asText()).isEqualTo("Apache License 2.0");
        assertThat(manifest.path("release_date").asText()).isEqualTo("2026-12-04");
        JsonNode connector = manifest.path("connectors").get(0);
        assertThat(connector.path("class").asText()).isEqualTo(GreetingSource.class.getName());
        assertThat(connector.path("type").asText()).isEqualTo("source");
        assertThat(connector.path("version").asText()).isEqualTo("1.2.3");
        assertThat(connector.path("config").get(0).path("name").asText()).isEqualTo("topic");
        assertThat(connector.path("config").get(0).path("required").asBoolean()).isTrue();
        assertThat(connector.path("config").get(1).path("default").asText()).isEqualTo("1000");
        assertThat(manifest.path("transforms").get(0).path("class").asText()).isEqualTo(Shout.class.getName());
    }

    @Test
    void theConfigurationReferenceHasATableForEachPlugin() throws IOException {
        BundleBuilder.Result result = BundleBuilder.build(request(connectorJar(), List.of()));

        String reference;
        try (ZipFile file = new ZipFile(result.zip().toFile())) {
            reference = new String(
                    file.getInputStream(file.getEntry("acme-greetings-1.2.3/doc/configuration.md"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertThat(reference)
                .contains("## `" + GreetingSource.class.getName() + "`\n\nsource, version 1.2.3")
                .contains("| `topic` | string | (required) | high | Where greetings go \\| one topic. |")
                .contains("| `interval.ms` | long | `1000` | medium | Pause between greetings. |")
                .contains("## `" + Shout.class.getName() + "`\n\ntransformation\n\nIt takes no settings.");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        Path projectJar = connectorJar();
        byte[] first = Files.readAllBytes(
                BundleBuilder.build(request(projectJar, List.of())).zip());
        byte[] second = Files.readAllBytes(
                BundleBuilder.build(request(projectJar, List.of())).zip());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aListedClassThatCannotBeAPluginFailsTheBundleNamingIt() throws IOException {
        Path projectJar = jar(
                "broken.jar",
                List.of(HalfDoneSource.class),
                Map.of("META-INF/services/io.tributary.sdk.source.SourceConnector", HalfDoneSource.class.getName()));

        assertThatThrownBy(() -> BundleBuilder.build(request(projectJar, List.of())))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining(HalfDoneSource.class.getName())
                .hasMessageContaining("abstract");
    }

    @Test
    void aJarWithNoPluginIsRefusedWithWhatToDo() throws IOException {
        Path projectJar = jar("empty.jar", List.of(), new LinkedHashMap<>());

        assertThatThrownBy(() -> BundleBuilder.build(request(projectJar, List.of())))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("holds no plugin")
                .hasMessageContaining("META-INF/services/io.tributary.sdk.source.SourceConnector");
    }

    @Test
    void theRuntimeLoadsTheBundleFromItsPluginPath() throws IOException {
        BundleBuilder.Result result = BundleBuilder.build(request(connectorJar(), List.of()));

        try (Plugins plugins = Plugins.builder()
                .pluginPath(List.of(result.zip().getParent()))
                .workDirectory(folder.resolve("work"))
                .build()) {
            assertThat(plugins.problems()).isEmpty();
            assertThat(plugins.plugins(PluginType.SOURCE))
                    .filteredOn(p -> !p.builtIn())
                    .extracting(PluginDescriptor::className, PluginDescriptor::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(GreetingSource.class.getName(), "1.2.3"));
            assertThat(plugins.plugins(PluginType.TRANSFORMATION))
                    .filteredOn(p -> !p.builtIn())
                    .extracting(PluginDescriptor::className)
                    .containsExactly(Shout.class.getName());
        }
    }
}
