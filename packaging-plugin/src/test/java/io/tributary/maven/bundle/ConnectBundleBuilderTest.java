package io.tributary.maven.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.TributarySourceConnector;
import io.tributary.maven.bundle.fixtures.GreetingSource;
import io.tributary.maven.bundle.fixtures.Shout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connect bundles built from a real JAR: the layout, the manifest of Connect class names, and the generated
 * classes, loaded and run as Kafka Connect's API types.
 */
class ConnectBundleBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTOR = "io.tributary.maven.bundle.fixtures.connect.GreetingSource";
    private static final String TASK = "io.tributary.maven.bundle.fixtures.connect.GreetingSource$Task";
    private static final String TRANSFORMATION = "io.tributary.maven.bundle.fixtures.connect.Shout";

    @TempDir
    Path folder;

    private Path projectJar(Map<String, Object> more) throws IOException {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put(TestJars.classFile(GreetingSource.class), GreetingSource.class);
        entries.put(TestJars.classFile(GreetingSource.Task.class), GreetingSource.Task.class);
        entries.put(TestJars.classFile(Shout.class), Shout.class);
        entries.put("META-INF/services/io.tributary.sdk.source.SourceConnector", GreetingSource.class.getName() + "\n");
        entries.put("META-INF/services/io.tributary.sdk.transforms.Transformation", Shout.class.getName() + "\n");
        entries.putAll(more);
        return TestJars.jar(folder, "greetings-1.0.0.jar", entries);
    }

    /** @return a stand-in for a real JAR the bundle copies into lib/ */
    private Path library(String name) throws IOException {
        return TestJars.jar(folder, name, Map.of("README.txt", name));
    }

    @Test
    void theBundleHoldsTheProjectTheSdkTheAdapterAndTheGeneratedClasses() throws IOException {
        Path sdk = library("tributary-sdk-9.9.9.jar");
        Path adapter = library("tributary-connect-adapter-9.9.9.jar");

        ConnectBundleBuilder.Result result =
                ConnectBundleBuilder.build(TestJars.request(folder, projectJar(Map.of())), sdk, adapter);

        assertThat(result.zip().getFileName().toString()).isEqualTo("acme-greetings-1.0.0-connect.zip");
        assertThat(result.components())
                .extracting(Component::kind, Component::className, Component::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("source", CONNECTOR, "1.2.3"),
                        org.assertj.core.groups.Tuple.tuple("transformation", TRANSFORMATION, ""));
        assertThat(result.tasks()).containsExactly(TASK);
        try (ZipFile zip = new ZipFile(result.zip().toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().map(ZipEntry::getName).forEach(names::add);
            assertThat(names)
                    .contains(
                            "acme-greetings-1.0.0-connect/manifest.json",
                            "acme-greetings-1.0.0-connect/doc/configuration.md",
                            "acme-greetings-1.0.0-connect/lib/greetings-1.0.0.jar",
                            "acme-greetings-1.0.0-connect/lib/greetings-1.0.0-connect-classes.jar",
                            "acme-greetings-1.0.0-connect/lib/tributary-sdk-9.9.9.jar",
                            "acme-greetings-1.0.0-connect/lib/tributary-connect-adapter-9.9.9.jar");
            JsonNode manifest =
                    JSON.readTree(zip.getInputStream(zip.getEntry("acme-greetings-1.0.0-connect/manifest.json")));
            assertThat(manifest.path("connectors").get(0).path("class").asText())
                    .isEqualTo(CONNECTOR);
            assertThat(manifest.path("transforms").get(0).path("class").asText())
                    .isEqualTo(TRANSFORMATION);
            String reference =
                    new String(zip.getInputStream(zip.getEntry("acme-greetings-1.0.0-connect/doc/configuration.md"))
                            .readAllBytes());
            assertThat(reference).contains(CONNECTOR).contains("interval.ms");
        }
    }

    @Test
    void theGeneratedClassesAreConnectPluginsThatRunTheSdkOnes() throws Exception {
        Path sdk = library("tributary-sdk-9.9.9.jar");
        Path adapter = library("tributary-connect-adapter-9.9.9.jar");
        ConnectBundleBuilder.Result result =
                ConnectBundleBuilder.build(TestJars.request(folder, projectJar(Map.of())), sdk, adapter);
        Path classes = folder.resolve("classes.jar");
        try (ZipFile zip = new ZipFile(result.zip().toFile());
                InputStream in = zip.getInputStream(
                        zip.getEntry("acme-greetings-1.0.0-connect/lib/greetings-1.0.0-connect-classes.jar"))) {
            Files.copy(in, classes);
        }

        // The adapter, the SDK and the fixtures come from this test's class path; the generated classes from the JAR.
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(services(loader, "org.apache.kafka.connect.source.SourceConnector"))
                    .containsExactly(CONNECTOR);
            assertThat(services(loader, "org.apache.kafka.connect.transforms.Transformation"))
                    .containsExactly(TRANSFORMATION);

            SourceConnector connector = (SourceConnector)
                    loader.loadClass(CONNECTOR).getConstructor().newInstance();
            assertThat(connector).isInstanceOf(TributarySourceConnector.class);
            assertThat(connector.version()).isEqualTo("1.2.3");
            assertThat(connector.config().names()).containsExactlyInAnyOrder("topic", "interval.ms");
            assertThat(connector.taskClass().getName()).isEqualTo(TASK);
            assertThat(connector.taskClass().getConstructor().newInstance().version())
                    .isEqualTo("1.2.3");

            @SuppressWarnings("unchecked")
            Transformation<SourceRecord> shout = (Transformation<SourceRecord>)
                    loader.loadClass(TRANSFORMATION).getConstructor().newInstance();
            shout.configure(Map.of());
            SourceRecord record =
                    new SourceRecord(Map.of("p", 1), Map.of("o", 2), "greetings", 0, Schema.STRING_SCHEMA, "hello");
            SourceRecord shouted = shout.apply(record);
            assertThat(shouted.value()).isEqualTo("hello");
            assertThat(shouted.sourceOffset()).isEqualTo(Map.of("o", 2));
        }
    }

    /** @return the classes the generated JAR's service file lists, not those of the test's class path */
    private static List<String> services(URLClassLoader loader, String service) throws IOException {
        List<String> names = new ArrayList<>();
        for (URL file : java.util.Collections.list(loader.findResources("META-INF/services/" + service))) {
            try (InputStream in = file.openStream()) {
                new String(in.readAllBytes()).lines().filter(l -> !l.isBlank()).forEach(names::add);
            }
        }
        return names;
    }

    @Test
    void aConverterThatIsAHeaderConverterTooIsOneConnectClassOfBothTypes() throws Exception {
        String upper = "io.tributary.maven.bundle.fixtures.connect.Upper";
        Path jar = projectJar(Map.of(
                TestJars.classFile(io.tributary.maven.bundle.fixtures.Upper.class),
                io.tributary.maven.bundle.fixtures.Upper.class,
                "META-INF/services/io.tributary.sdk.converter.Converter",
                io.tributary.maven.bundle.fixtures.Upper.class.getName() + "\n",
                "META-INF/services/io.tributary.sdk.converter.HeaderConverter",
                io.tributary.maven.bundle.fixtures.Upper.class.getName() + "\n"));
        ConnectBundleBuilder.Result result = ConnectBundleBuilder.build(
                TestJars.request(folder, jar), library("tributary-sdk-9.9.9.jar"), library("adapter.jar"));
        Path classes = folder.resolve("classes.jar");
        try (ZipFile zip = new ZipFile(result.zip().toFile());
                InputStream in = zip.getInputStream(
                        zip.getEntry("acme-greetings-1.0.0-connect/lib/greetings-1.0.0-connect-classes.jar"))) {
            Files.copy(in, classes);
        }

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(services(loader, "org.apache.kafka.connect.storage.Converter"))
                    .containsExactly(upper);
            assertThat(services(loader, "org.apache.kafka.connect.storage.HeaderConverter"))
                    .containsExactly(upper);
            Object converter = loader.loadClass(upper).getConstructor().newInstance();
            assertThat(converter)
                    .isInstanceOf(org.apache.kafka.connect.storage.Converter.class)
                    .isInstanceOf(org.apache.kafka.connect.storage.HeaderConverter.class);
            org.apache.kafka.connect.storage.HeaderConverter headers =
                    (org.apache.kafka.connect.storage.HeaderConverter) converter;
            headers.configure(Map.of());
            assertThat(new String(headers.fromConnectHeader("t", "h", Schema.STRING_SCHEMA, "quiet")))
                    .isEqualTo("QUIET");
        }
    }

    @Test
    void aProjectClassWithAGeneratedNameIsRefused() throws IOException {
        Path jar = projectJar(
                Map.of("io/tributary/maven/bundle/fixtures/connect/GreetingSource.class", "not really a class"));

        assertThatThrownBy(() -> ConnectBundleBuilder.build(
                        TestJars.request(folder, jar), library("sdk.jar"), library("adapter.jar")))
                .isInstanceOf(BundleException.class)
                .hasMessageContaining("names of the Connect bundle's classes are taken")
                .satisfies(e -> assertThat(((BundleException) e).problems())
                        .anySatisfy(p -> assertThat(p).contains(CONNECTOR).contains("rename or move it")));
    }
}
