package io.tributary.connectors.datagen;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTopic;

import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.harness.ConnectorHarness;
import io.tributary.testkit.harness.WithConnectorHarness;
import io.tributary.testkit.kafka.KafkaRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Datagen on a worker against a real broker, with JSON and schemas, through a worker restart. */
@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.json.JsonConverter",
            "key.converter.schemas.enable=false",
            "value.converter=org.apache.kafka.connect.json.JsonConverter"
        })
class DatagenIT {

    @Test
    void twoTasksWriteEachOrderOnceAcrossAWorkerRestart(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("orders", 2);
        harness.deploy(Map.of(
                        "name", "orders",
                        "connector.class", "Datagen",
                        "tasks.max", "2",
                        "kafka.topic", topic,
                        "iterations", "600",
                        "records.per.second", "200"))
                .awaitRunning();
        assertThatTopic(kafka, topic).hasAtLeastRecords(100);

        harness.restartWorker();

        assertThatTopic(kafka, topic)
                .within(Duration.ofSeconds(60))
                .settlesAtRecordCount(600, Duration.ofSeconds(2))
                .eventuallySatisfies(records -> {
                    List<Long> keys = records.stream()
                            .map(KafkaRecord::keyAsString)
                            .map(Long::valueOf)
                            .sorted()
                            .toList();
                    assertThat(keys).isEqualTo(LongStream.range(0, 600).boxed().toList());
                    assertThat(records.get(0).valueAsString())
                            .contains("\"schema\"")
                            .contains("\"name\":\"io.tributary.datagen.Order\"")
                            .contains("\"orderid\"");
                });
    }
}
