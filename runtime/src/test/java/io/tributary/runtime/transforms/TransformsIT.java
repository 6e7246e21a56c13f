package io.tributary.runtime.transforms;

import static io.tributary.testkit.TestKitAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every built-in transformation and predicate, configured by its Kafka Connect class name, on struct and
 * on schemaless data, through a real worker, converter and broker. Each case runs as its own source
 * connector writing the fixture to its own topic; all run at once on one worker.
 */
@WithKafka
class TransformsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String T = "org.apache.kafka.connect.transforms.";
    private static final String P = "org.apache.kafka.connect.transforms.predicates.";

    /** A record as read back: key and value payloads, value schema, headers as text. */
    record Seen(String topic, JsonNode key, JsonNode value, JsonNode schema, Map<String, String> headers) {}

    /** One transformation setup, its expected effect, and the kinds of data it runs on. */
    record Case(
            String name,
            Map<String, String> transforms,
            boolean tombstone,
            int expectedRecords,
            UnaryOperator<String> outputTopic,
            Consumer<List<Seen>> structCheck,
            Consumer<List<Seen>> mapCheck) {}

    private static StandaloneRuntime runtime;

    @BeforeAll
    static void startWorker(KafkaCluster kafka) {
        runtime = StandaloneRuntime.start(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable", "false",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "offset.flush.interval.ms", "500"));
    }

    @AfterAll
    static void stopWorker() {
        runtime.close();
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(both(
                "InsertField",
                Map.of("type", T + "InsertField$Value", "static.field", "source", "static.value", "fixture"),
                seen -> assertThat(seen)
                        .allSatisfy(s ->
                                assertThat(s.value().get("source").asText()).isEqualTo("fixture"))));
        cases.add(both(
                "ReplaceField",
                Map.of("type", T + "ReplaceField$Value", "exclude", "price", "renames", "name:title"),
                seen -> assertThat(seen).allSatisfy(s -> {
                    assertThat(s.value().has("price")).isFalse();
                    assertThat(s.value().has("title")).isTrue();
                    assertThat(s.value().has("name")).isFalse();
                })));
        cases.add(both(
                "MaskField",
                Map.of("type", T + "MaskField$Value", "fields", "name"),
                seen -> assertThat(seen)
                        .allSatisfy(
                                s -> assertThat(s.value().get("name").asText()).isEmpty())));
        cases.add(both(
                "ValueToKey",
                Map.of("type", T + "ValueToKey", "fields", "id"),
                seen -> assertThat(seen)
                        .extracting(s -> s.key().get("id").asLong())
                        .containsExactly(1L, 2L)));
        cases.add(both(
                "ExtractField",
                Map.of("type", T + "ExtractField$Value", "field", "name"),
                seen -> assertThat(seen).extracting(s -> s.value().asText()).containsExactly("pen", "ink")));
        cases.add(both(
                "HoistField",
                Map.of("type", T + "HoistField$Value", "field", "order"),
                seen -> assertThat(seen)
                        .extracting(s -> s.value().get("order").get("id").asLong())
                        .containsExactly(1L, 2L)));
        cases.add(both(
                "Cast",
                Map.of("type", T + "Cast$Value", "spec", "id:string,price:int32"),
                seen -> assertThat(seen).allSatisfy(s -> {
                    assertThat(s.value().get("id").isTextual()).isTrue();
                    assertThat(s.value().get("price").asInt()).isEqualTo(9);
                })));
        cases.add(both(
                "TimestampConverter",
                Map.of(
                        "type", T + "TimestampConverter$Value",
                        "field", "created",
                        "target.type", "string",
                        "format", "yyyy-MM-dd"),
                seen -> assertThat(seen)
                        .allSatisfy(s ->
                                assertThat(s.value().get("created").asText()).isEqualTo("2024-01-02"))));
        cases.add(new Case(
                "RegexRouter",
                Map.of("type", T + "RegexRouter", "regex", "(.*)-in", "replacement", "$1-routed"),
                false,
                2,
                topic -> topic.replace("-in", "-routed"),
                seen -> assertThat(seen).hasSize(2),
                seen -> assertThat(seen).hasSize(2)));
        cases.add(new Case(
                "TimestampRouter",
                Map.of(
                        "type", T + "TimestampRouter",
                        "topic.format", "${topic}-${timestamp}",
                        "timestamp.format", "yyyyMMdd"),
                false,
                2,
                topic -> topic + "-20240102",
                seen -> assertThat(seen).hasSize(2),
                seen -> assertThat(seen).hasSize(2)));
        cases.add(new Case(
                "SetSchemaMetadata",
                Map.of("type", T + "SetSchemaMetadata$Value", "schema.name", "com.example.Renamed"),
                false,
                2,
                UnaryOperator.identity(),
                seen -> assertThat(seen)
                        .allSatisfy(
                                s -> assertThat(s.schema().get("name").asText()).isEqualTo("com.example.Renamed")),
                // As in Kafka Connect, renaming a schema needs one: schemaless records fail the task, clearly.
                null));
        cases.add(both(
                "Flatten",
                Map.of("type", T + "Flatten$Value", "delimiter", "_"),
                seen -> assertThat(seen)
                        .allSatisfy(
                                s -> assertThat(s.value().get("address_city").asText())
                                        .isEqualTo("Oslo"))));
        cases.add(both(
                "HeaderFrom",
                Map.of("type", T + "HeaderFrom$Value", "fields", "name", "headers", "the-name", "operation", "copy"),
                seen -> assertThat(seen)
                        .extracting(s -> s.headers().get("the-name"))
                        .containsExactly("pen", "ink")));
        cases.add(both(
                "InsertHeader",
                Map.of("type", T + "InsertHeader", "header", "stage", "value.literal", "transformed"),
                seen -> assertThat(seen)
                        .allSatisfy(s -> assertThat(s.headers()).containsEntry("stage", "transformed"))));
        cases.add(both(
                "DropHeaders",
                Map.of("type", T + "DropHeaders", "headers", "h1"),
                seen -> assertThat(seen).allSatisfy(s -> assertThat(s.headers()).doesNotContainKey("h1"))));
        Consumer<List<Seen>> onlySecond =
                seen -> assertThat(seen).extracting(s -> s.key().asText()).containsExactly("2");
        cases.add(new Case(
                "FilterHasHeaderKey",
                Map.of(
                        "type",
                        T + "Filter",
                        "predicate",
                        "has-h1",
                        "predicates.has-h1.type",
                        P + "HasHeaderKey",
                        "predicates.has-h1.name",
                        "h1"),
                false,
                1,
                UnaryOperator.identity(),
                onlySecond,
                onlySecond));
        cases.add(both(
                "FilterTopicNameMatchesNegated",
                Map.of(
                        "type",
                        T + "Filter",
                        "predicate",
                        "this-topic",
                        "negate",
                        "true",
                        "predicates.this-topic.type",
                        P + "TopicNameMatches",
                        "predicates.this-topic.pattern",
                        ".*-in"),
                seen -> assertThat(seen).extracting(s -> s.key().asText()).containsExactly("1", "2")));
        cases.add(new Case(
                "FilterTombstones",
                Map.of(
                        "type",
                        T + "Filter",
                        "predicate",
                        "tombstone",
                        "predicates.tombstone.type",
                        P + "RecordIsTombstone"),
                true,
                2,
                UnaryOperator.identity(),
                seen -> assertThat(seen).extracting(s -> s.key().asText()).containsExactly("1", "2"),
                seen -> assertThat(seen).extracting(s -> s.key().asText()).containsExactly("1", "2")));
        return cases;
    }

    private static Case both(String name, Map<String, String> transform, Consumer<List<Seen>> check) {
        return new Case(name, transform, false, 2, UnaryOperator.identity(), check, check);
    }

    @Test
    void everyTransformationAndPredicateWorksOnStructAndSchemalessData(KafkaCluster kafka) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String only = System.getProperty("transforms.it.only", "");
        for (Case c : cases()) {
            if (!only.isEmpty() && !c.name().equals(only)) {
                continue;
            }
            for (String kind : List.of("struct", "map")) {
                String name = (c.name() + "-" + kind + "-" + run).toLowerCase();
                String topic = name + "-in";
                Map<String, String> config = new HashMap<>();
                config.put("name", name);
                config.put("connector.class", FixtureSourceConnector.class.getName());
                config.put("topic", topic);
                config.put("kind", kind);
                config.put("tombstone", Boolean.toString(c.tombstone()));
                config.put("transforms", "t");
                c.transforms()
                        .forEach((key, value) -> config.put(
                                key.startsWith("predicates.") || key.equals("predicates") ? key : "transforms.t." + key,
                                value));
                if (c.transforms().containsKey("predicate")) {
                    config.put("predicates", c.transforms().get("predicate"));
                }
                // Topics exist before the connectors start, so no test depends on auto-creation timing.
                kafka.createTopic(io.tributary.testkit.kafka.TopicSpec.named(topic));
                String routed = c.outputTopic().apply(topic);
                if (!routed.equals(topic)) {
                    kafka.createTopic(io.tributary.testkit.kafka.TopicSpec.named(routed));
                }
                runtime.deploy(config);
                Consumer<List<Seen>> check = kind.equals("struct") ? c.structCheck() : c.mapCheck();
                String output = c.outputTopic().apply(topic);
                if (check == null) {
                    checkFails(name, "has no schema to set the metadata of");
                } else {
                    check(kafka, name, output, c.expectedRecords(), check);
                }
                // One connector at a time: the checks stay independent of how loaded the machine is.
                runtime.remove(name);
            }
        }
    }

    private static void check(
            KafkaCluster kafka, String connector, String topic, int expected, Consumer<List<Seen>> check) {
        Waits.until("connector " + connector + " to run", Duration.ofSeconds(60), () -> runtime.isRunning(connector));
        List<KafkaRecord> read;
        try {
            read = kafka.readUntilCount(topic, expected, Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; status " + runtime.status(connector) + "; end offsets "
                            + endOffsets(kafka, topic),
                    e);
        }
        assertThat(runtime.hasFailed(connector))
                .as(connector + " failed: " + runtime.status(connector))
                .isFalse();
        List<Seen> seen = read.stream().map(TransformsIT::parse).toList();
        assertThat(seen).as("records of " + connector + " in " + topic).hasSize(expected);
        check.accept(seen);
    }

    private static Object endOffsets(KafkaCluster kafka, String topic) {
        try {
            return kafka.admin()
                    .listOffsets(Map.of(
                            new org.apache.kafka.common.TopicPartition(topic, 0),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()))
                    .all()
                    .get();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void checkFails(String connector, String message) {
        Waits.until("connector " + connector + " to fail", Duration.ofSeconds(60), () -> runtime.hasFailed(connector));
        assertThat(runtime.status(connector)
                        .orElseThrow()
                        .tasks()
                        .get(0)
                        .status()
                        .trace())
                .contains(message);
    }

    private static Seen parse(KafkaRecord record) {
        try {
            JsonNode key = record.key() == null ? null : JSON.readTree(record.key());
            JsonNode envelope = record.value() == null ? null : JSON.readTree(record.value());
            Map<String, String> headers = new HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), h.valueAsString()));
            return new Seen(
                    record.topic(),
                    key,
                    envelope == null ? null : envelope.get("payload"),
                    envelope == null ? null : envelope.get("schema"),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + record, e);
        }
    }
}
