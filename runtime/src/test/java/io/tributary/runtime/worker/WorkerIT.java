package io.tributary.runtime.worker;

import static io.tributary.testkit.TestKitAssertions.assertThat;
import static io.tributary.testkit.TestKitAssertions.assertThatTopic;

import io.tributary.runtime.errors.DeadLetterQueueReporter;
import io.tributary.runtime.standalone.StandaloneRuntime;
import io.tributary.sdk.connector.TaskId;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.Waits;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafka
class WorkerIT {
    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

    private static Map<String, String> worker(KafkaCluster kafka, Path offsets) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("key.converter", STRING_CONVERTER);
        settings.put("value.converter", STRING_CONVERTER);
        settings.put("offset.flush.interval.ms", "200");
        if (offsets != null) {
            settings.put("offset.storage.file.filename", offsets.toString());
        }
        return settings;
    }

    private static Map<String, String> source(String name, String topic, long count) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", SequenceSourceConnector.class.getName());
        config.put("topic", topic);
        config.put("count", Long.toString(count));
        return config;
    }

    private static Map<String, String> sink(String name, String topic, String capture) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", CapturingSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("capture", capture);
        return config;
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).toList();
    }

    @Test
    void recordsFlowFromASourceThroughATopicIntoASink(KafkaCluster kafka) {
        String topic = kafka.createTopic("flow", 3);
        String capture = UUID.randomUUID().toString();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, null))) {
            runtime.deploy(source("flow-source", topic, 200));
            runtime.deploy(sink("flow-sink", topic, capture));

            Waits.until(
                    "200 records in the sink",
                    () -> CapturingSinkConnector.captured(capture).size() >= 200);
            assertThat(CapturingSinkConnector.captured(capture)).containsExactlyInAnyOrderElementsOf(numbers(0, 200));
            assertThatTopic(kafka, topic).hasRecordCount(200);
            assertThat(runtime.isRunning("flow-source")).isTrue();
            assertThat(runtime.status("flow-sink"))
                    .hasValueSatisfying(s -> assertThat(s.type()).isEqualTo("sink"));
        }
    }

    @Test
    void aRestartedWorkerResumesFromCommittedOffsetsWithNothingLost(KafkaCluster kafka, @TempDir Path dir) {
        String topic = kafka.createTopic("resume", 1);
        Path offsets = dir.resolve("offsets.json");
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, offsets))) {
            runtime.deploy(source("resume-source", topic, 50));
            assertThatTopic(kafka, topic).hasRecordCount(50);
        }

        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, offsets))) {
            runtime.deploy(source("resume-source", topic, 120));
            assertThatTopic(kafka, topic).hasRecordCount(120);
        }

        List<String> values =
                kafka.readAll(topic).stream().map(KafkaRecord::valueAsString).toList();
        assertThat(values).containsExactlyElementsOf(numbers(0, 120));
    }

    @Test
    void aSinkStoppedWhileItsPutIsRetryingEndsStoppedAndItsGroupKeepsWhatItWrote(KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("locked", 1);
        String capture = UUID.randomUUID().toString();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, null))) {
            runtime.deploy(sink("locked-sink", topic, capture));
            for (int i = 0; i < 10; i++) {
                kafka.produce(topic, null, Integer.toString(i));
            }
            Waits.until(
                    "10 records in the sink",
                    () -> CapturingSinkConnector.captured(capture).size() == 10);
            kafka.produce(topic, null, "busy");
            Waits.until("the sink retrying its put", () -> CapturingSinkConnector.busyPuts(capture) >= 3);

            runtime.worker().stopConnector("locked-sink");

            TaskId task = new TaskId("locked-sink", 0);
            assertThat(runtime.worker().statuses().task(task))
                    .hasValueSatisfying(status -> assertThat(status.state()).isEqualTo(State.STOPPED));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("connect-locked-sink")
                                .partitionsToOffsetAndMetadata()
                                .get();
                assertThat(committed)
                        .as("the records written are committed, the one never written is not")
                        .containsEntry(new org.apache.kafka.common.TopicPartition(topic, 0), new OffsetAndMetadata(10));
            }
            assertThat(CapturingSinkConnector.captured(capture)).hasSize(10);
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterQueueWhileItsNeighboursArrive(KafkaCluster kafka) {
        String topic = kafka.createTopic("poison", 2);
        String dlq = "poison-dlq-" + UUID.randomUUID();
        String capture = UUID.randomUUID().toString();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, null))) {
            Map<String, String> source = source("poison-source", topic, 100);
            source.put("poison.every", "10");
            runtime.deploy(source);
            Map<String, String> sink = sink("poison-sink", topic, capture);
            sink.put("errors.tolerance", "all");
            sink.put("errors.deadletterqueue.topic.name", dlq);
            sink.put("errors.deadletterqueue.context.headers.enable", "true");
            runtime.deploy(sink);

            assertThatTopic(kafka, dlq).hasRecordCount(10);
            Waits.until(
                    "90 good records in the sink",
                    () -> CapturingSinkConnector.captured(capture).size() >= 90);
            // Counted, not collected into a set: a record written twice would show here.
            assertThat(CapturingSinkConnector.captured(capture))
                    .containsExactlyInAnyOrderElementsOf(numbers(0, 100).stream()
                            .filter(n -> !n.endsWith("9"))
                            .toList());
            List<KafkaRecord> dead = kafka.readAll(dlq);
            assertThat(dead).extracting(KafkaRecord::valueAsString).allMatch(v -> v.startsWith("poison-"));
            assertThat(dead).allSatisfy(record -> {
                assertThat(record.header(DeadLetterQueueReporter.STAGE)).contains("TASK_PUT");
                assertThat(record.header(DeadLetterQueueReporter.ORIGINAL_TOPIC))
                        .contains(topic);
                assertThat(record.header(DeadLetterQueueReporter.ORIGINAL_OFFSET))
                        .isPresent();
                assertThat(record.header(DeadLetterQueueReporter.EXCEPTION_MESSAGE))
                        .hasValueSatisfying(m -> assertThat(m).startsWith("cannot store poison-"));
            });
            assertThat(runtime.isRunning("poison-sink")).isTrue();
        }
    }

    @Test
    void recordsTheTaskReportsAsErrantGoToTheDeadLetterQueue(KafkaCluster kafka) {
        String topic = kafka.createTopic("errant", 1);
        String dlq = "errant-dlq-" + UUID.randomUUID();
        String capture = UUID.randomUUID().toString();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, null))) {
            Map<String, String> source = source("errant-source", topic, 30);
            source.put("poison.every", "10");
            runtime.deploy(source);
            Map<String, String> sink = sink("errant-sink", topic, capture);
            sink.put("report.poison", "true");
            sink.put("errors.tolerance", "all");
            sink.put("errors.deadletterqueue.topic.name", dlq);
            runtime.deploy(sink);

            assertThatTopic(kafka, dlq).hasRecordCount(3).containsValues("poison-9", "poison-19", "poison-29");
            Waits.until(
                    "27 good records",
                    () -> CapturingSinkConnector.captured(capture).size() == 27);
        }
    }

    @Test
    void aSourceConnectorCreatesItsTopicAsTopicCreationSays(KafkaCluster kafka) throws Exception {
        String topic = "created-" + UUID.randomUUID();
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, null))) {
            Map<String, String> source = source("creating-source", topic, 10);
            source.put("topic.creation.default.partitions", "3");
            source.put("topic.creation.default.replication.factor", "1");
            source.put("topic.creation.default.cleanup.policy", "compact");
            runtime.deploy(source);

            assertThatTopic(kafka, topic).hasRecordCount(10);
        }
        var description = kafka.admin()
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic);
        assertThat(description.partitions()).hasSize(3);
        var resource = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
        assertThat(kafka.admin()
                        .describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("cleanup.policy")
                        .value())
                .isEqualTo("compact");
    }

    @Test
    void configProviderReferencesAreResolvedForTheConnectorButKeptInItsConfiguration(
            KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String topic = kafka.createTopic("provided", 1);
        Path secrets = dir.resolve("secrets.properties");
        java.nio.file.Files.writeString(secrets, "target.topic=" + topic + "\n");
        Map<String, String> settings = worker(kafka, null);
        settings.put("config.providers", "file");
        settings.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        try (StandaloneRuntime runtime = StandaloneRuntime.start(settings)) {
            Map<String, String> source = source("provided-source", "${file:" + secrets + ":target.topic}", 5);
            runtime.deploy(source);

            assertThatTopic(kafka, topic).hasRecordCount(5);
            assertThat(runtime.worker()
                            .connectorConfig("provided-source")
                            .orElseThrow()
                            .get("topic"))
                    .isEqualTo("${file:" + secrets + ":target.topic}");
        }
    }

    @Test
    void aTaskThatFailsIsFailedWithItsTraceInItsStatus(KafkaCluster kafka) {
        String topic = kafka.createTopic("fails", 1);
        try (StandaloneRuntime runtime = StandaloneRuntime.start(worker(kafka, null))) {
            Map<String, String> source = source("fails-source", topic, 20);
            source.put("poison.every", "5");
            runtime.deploy(source);
            runtime.deploy(sink("fails-sink", topic, UUID.randomUUID().toString()));

            Waits.until("the sink task to fail", Duration.ofSeconds(30), () -> runtime.hasFailed("fails-sink"));
            assertThat(runtime.status("fails-sink")
                            .orElseThrow()
                            .tasks()
                            .get(0)
                            .status()
                            .trace())
                    .contains("cannot store poison-4");
        }
    }
}
