package io.tributary.runtime.plugins;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that bundles an older Jackson than the runtime's runs on a worker whose own JSON converter
 * uses the newer one, each seeing its own version; a corrupt bundle beside it is skipped.
 */
@WithKafka
class PluginIsolationIT {
    private static final String CONNECTOR = "com.example.legacy.LegacyJacksonSource";

    @Test
    void aPluginWithItsOwnJacksonRunsBesideTheRuntimesJackson(KafkaCluster kafka, @TempDir Path dir)
            throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path plugin = Files.createDirectories(plugins.resolve("legacy-jackson"));
        List<Path> jackson = jacksonJars();
        for (Path jar : jackson) {
            Files.copy(jar, plugin.resolve(jar.getFileName()));
        }
        TestPlugins.jar(
                plugin.resolve("legacy-connector.jar"),
                compileAgainst(dir, jackson),
                TestPlugins.services(PluginType.SOURCE, CONNECTOR));
        Files.write(plugins.resolve("broken-bundle.zip"), "this is not a zip file".getBytes(StandardCharsets.UTF_8));
        String topic = kafka.createTopic("isolation", 1);

        try (StandaloneRuntime runtime = StandaloneRuntime.start(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "plugin.path", plugins.toString(),
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false",
                "offset.flush.interval.ms", "200"))) {
            assertThat(runtime.plugins().problems())
                    .singleElement()
                    .satisfies(problem -> assertThat(
                                    problem.location().getFileName().toString())
                            .isEqualTo("broken-bundle.zip"));
            runtime.deploy(Map.of("name", "legacy", "connector.class", CONNECTOR, "topic", topic));

            assertThatTopic(kafka, topic).hasAtLeastRecords(1);
        }
        KafkaRecord record = kafka.readAll(topic).get(0);
        // The runtime's JsonConverter (its own Jackson) wrote the string the plugin's Jackson produced.
        assertThat(record.valueAsString()).isEqualTo("\"plugin jackson 2.17.2 wrote {\\\"ok\\\":true}\"");
        assertThat(new ObjectMapper().version().toString()).startsWith("2.21");
    }

    private static List<Path> jacksonJars() throws IOException {
        Path folder = Path.of(System.getProperty("isolation.jackson.dir", "target/isolation/jackson-2.17"));
        try (Stream<Path> jars = Files.list(folder)) {
            List<Path> found =
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            assertThat(found).as("Jackson 2.17 jars in " + folder).hasSize(3);
            return found;
        }
    }

    private static Map<String, byte[]> compileAgainst(Path work, List<Path> jackson) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src/com/example/legacy"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(sources.resolve("LegacyJacksonSource.java"), """
                package com.example.legacy;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import io.tributary.sdk.config.ConfigDef;
                import io.tributary.sdk.config.ConfigKey;
                import io.tributary.sdk.data.Schema;
                import io.tributary.sdk.source.*;
                import java.util.List;
                import java.util.Map;

                public class LegacyJacksonSource implements SourceConnector {
                    private String topic;
                    public String version() { return "1.0"; }
                    public ConfigDef config() {
                        return ConfigDef.builder().define(ConfigKey.builder("topic", ConfigDef.Type.STRING)).build();
                    }
                    public void start(SourceConnectorContext context) { topic = context.config().getString("topic"); }
                    public Class<? extends SourceTask> taskClass() { return Task.class; }
                    public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(Map.of("topic", topic)); }
                    public void stop() {}

                    public static class Task implements SourceTask {
                        private String topic;
                        private boolean done;
                        public String version() { return "1.0"; }
                        public void start(SourceTaskContext context) { topic = context.config().get("topic"); }
                        public List<SourceRecord> poll() throws InterruptedException {
                            if (done) {
                                synchronized (this) {
                                    wait(100); // nothing more to write: idle until polled again
                                }
                                return List.of();
                            }
                            done = true;
                            ObjectMapper mapper = new ObjectMapper();
                            String text;
                            try {
                                text = "plugin jackson " + mapper.version() + " wrote "
                                        + mapper.writeValueAsString(Map.of("ok", true));
                            } catch (Exception e) {
                                throw new RuntimeException(e);
                            }
                            return List.of(SourceRecord.builder().topic(topic).value(Schema.STRING_SCHEMA, text).build());
                        }
                        public void stop() {}
                    }
                }
                """);
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of(io.tributary.sdk.connector.Connector.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString());
        jackson.forEach(jar -> classPath.add(jar.toString()));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        diagnostics,
                        diagnostics,
                        "-proc:none",
                        "-d",
                        classes.toString(),
                        "-classpath",
                        String.join(java.io.File.pathSeparator, classPath),
                        sources.resolve("LegacyJacksonSource.java").toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        return TestPlugins.inPackage(entriesOf(classes), "com.example.legacy");
    }

    private static Map<String, byte[]> entriesOf(Path classes) throws IOException {
        Map<String, byte[]> entries = new java.util.HashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }
}
