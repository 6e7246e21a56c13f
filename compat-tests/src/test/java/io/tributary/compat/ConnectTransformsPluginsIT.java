package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.plugins.PluginDescriptor;
import io.tributary.runtime.plugins.Plugins;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.runtime.worker.WorkerConfig;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import io.tributary.testkit.kafka.TopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Kafka's {@code connect-transforms} and {@code connect-json} 4.3 from Maven Central, on the Tributary
 * worker from {@code plugin.path} rather than as the worker's built-in equivalents: a transformation applied
 * under a predicate, a router, and Connect's own JSON converter, on the records of Connect's file source.
 */
@WithKafka
class ConnectTransformsPluginsIT {
    private static final Path PLUGINS = Path.of(System.getProperty("connect.plugins", "target/connect-plugins"));

    @TempDir
    Path dir;

    @Test
    void connectsTransformationsPredicatesAndConverterRunFromTheirPlugins(KafkaCluster kafka) throws IOException {
        try (Plugins plugins = StandaloneRuntime.plugins(new WorkerConfig(
                Map.of("bootstrap.servers", kafka.bootstrapServers(), "plugin.path", PLUGINS.toString())))) {
            assertThat(locationOf(plugins, "org.apache.kafka.connect.transforms.InsertHeader"))
                    .contains("connect-transforms");
            assertThat(locationOf(plugins, "org.apache.kafka.connect.transforms.predicates.TopicNameMatches"))
                    .contains("connect-transforms");
            assertThat(locationOf(plugins, "org.apache.kafka.connect.json.JsonConverter"))
                    .contains("connect-json");
        }
        Path input = Files.writeString(dir.resolve("input.txt"), "one\ntwo\n");
        String topic = kafka.createTopic("raw", 1);
        String routed = topic + "-routed";
        kafka.createTopic(TopicSpec.named(routed).partitions(1));

        try (Workers.Worker worker = Workers.tributary(
                kafka.bootstrapServers(), dir.resolve("offsets.json"), Map.of("plugin.path", PLUGINS.toString()))) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("connector.class", "FileStreamSource");
            config.put("file", input.toString());
            config.put("topic", topic);
            config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            config.put("value.converter.schemas.enable", "false");
            config.put("transforms", "tag,never,route");
            config.put("transforms.tag.type", "org.apache.kafka.connect.transforms.InsertHeader");
            config.put("transforms.tag.header", "origin");
            config.put("transforms.tag.value.literal", "connect-transforms");
            config.put("transforms.tag.predicate", "isRaw");
            config.put("transforms.never.type", "org.apache.kafka.connect.transforms.InsertHeader");
            config.put("transforms.never.header", "never");
            config.put("transforms.never.value.literal", "set");
            config.put("transforms.never.predicate", "isOther");
            config.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
            config.put("transforms.route.regex", "(.*)");
            config.put("transforms.route.replacement", "$1-routed");
            config.put("predicates", "isRaw,isOther");
            config.put("predicates.isOther.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
            config.put("predicates.isOther.pattern", "some-other-topic");
            config.put("predicates.isRaw.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
            config.put("predicates.isRaw.pattern", Pattern.quote(topic));
            Rest.Answer created =
                    new Rest(worker.url()).send("POST", "connectors", Map.of("name", "transformed", "config", config));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            List<KafkaRecord> records = kafka.readUntilCount(routed, 2, Duration.ofSeconds(60));

            assertThat(records)
                    .extracting(KafkaRecord::valueAsString)
                    .as("Connect's JSON converter, schemaless: JSON strings")
                    .containsExactly("\"one\"", "\"two\"");
            assertThat(records).allSatisfy(record -> {
                assertThat(record.header("origin")).contains("connect-transforms");
                assertThat(record.header("never"))
                        .as("its predicate does not match")
                        .isEmpty();
            });
            assertThat(kafka.readAll(topic)).as("every record was routed").isEmpty();
        }
    }

    private static String locationOf(Plugins plugins, String className) {
        return plugins.plugins().stream()
                .filter(p -> p.className().equals(className))
                .map(PluginDescriptor::location)
                .findFirst()
                .orElse("(not found)");
    }
}
