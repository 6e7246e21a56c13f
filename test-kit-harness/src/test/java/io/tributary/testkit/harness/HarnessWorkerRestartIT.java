package io.tributary.testkit.harness;

import static io.tributary.testkit.harness.HarnessAssertions.assertThat;
import static io.tributary.testkit.harness.HarnessAssertions.assertThatTopic;

import io.tributary.runtime.examples.CounterSourceConnector;
import io.tributary.testkit.KafkaCluster;
import io.tributary.testkit.WithKafka;
import io.tributary.testkit.kafka.KafkaRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A worker restart keeps the source offsets: the connectors come back on a new worker, and the counter
 * goes on from where the old worker committed instead of from zero.
 */
@WithKafka
@WithConnectorHarness(
        workerSettings = {
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.storage.StringConverter"
        })
class HarnessWorkerRestartIT {

    @Test
    void aRestartedWorkerResumesEachSourceFromItsCommittedOffset(ConnectorHarness harness, KafkaCluster kafka) {
        String topic = kafka.createTopic("counted", 1);
        DeployedConnector counter = harness.deploy(Map.of(
                        "name",
                        "counter",
                        "connector.class",
                        CounterSourceConnector.class.getName(),
                        "topic",
                        topic,
                        "records.per.second",
                        "200"))
                .awaitRunning();
        assertThatTopic(kafka, topic).hasAtLeastRecords(50);

        harness.restartWorker();

        counter.awaitRunning();
        assertThat(counter).isRunning().hasTaskCount(1);
        int before = kafka.readAll(topic).size();
        assertThatTopic(kafka, topic).hasAtLeastRecords(before + 50).eventuallySatisfies(records -> {
            List<Long> numbers = records.stream()
                    .map(KafkaRecord::valueAsString)
                    .map(Long::valueOf)
                    .toList();
            long highest = numbers.stream().mapToLong(Long::longValue).max().orElseThrow();
            // Every number arrived, and the new worker did not count from zero again: what the old one
            // committed at its stop is not written twice.
            assertThat(numbers)
                    .containsAll(LongStream.rangeClosed(0, highest).boxed().toList());
            assertThat(numbers).filteredOn(n -> n == 0L).hasSize(1);
            assertThat(numbers).doesNotHaveDuplicates();
        });
    }
}
