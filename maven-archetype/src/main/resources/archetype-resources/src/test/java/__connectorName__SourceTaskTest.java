package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.testkit.driver.SourceTaskDriver;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The source task through the runtime's own task runner, without Kafka: {@link SourceTaskDriver} polls,
 * commits and restarts it as a worker would.
 */
class ${connectorName}SourceTaskTest {
    private static final Map<String, String> SETTINGS =
            Map.of("topic", "messages", "message", "hi", "batch.size", "3", "poll.interval.ms", "0");

    @Test
    void writesNumberedMessagesWithTheirOffsets() {
        try (SourceTaskDriver<${connectorName}SourceTask> driver =
                SourceTaskDriver.forTask(${connectorName}SourceTask::new).config(SETTINGS).start()) {
            var records = driver.poll();

            assertThat(records).extracting(SourceRecord::value).containsExactly("hi 0", "hi 1", "hi 2");
            assertThat(records).extracting(SourceRecord::topic).containsOnly("messages");
            assertThat(records.get(2).sourcePartition()).isEqualTo(${connectorName}SourceTask.PARTITION);
            assertThat(records.get(2).sourceOffset()).isEqualTo(Map.of("next", 3L));
        }
    }

    @Test
    void aRestartedTaskResumesAfterTheLastCommittedMessage() {
        try (SourceTaskDriver<${connectorName}SourceTask> driver =
                SourceTaskDriver.forTask(${connectorName}SourceTask::new).config(SETTINGS).start()) {
            driver.poll();
            driver.commit(); // messages 0 to 2 are in Kafka and their offset is stored
            driver.poll(); // 3 to 5 are sent, but the task stops before their offset is committed
            driver.restart();

            // At least once: what was not committed comes again, and nothing is skipped.
            assertThat(driver.poll()).extracting(SourceRecord::value).containsExactly("hi 3", "hi 4", "hi 5");
        }
    }

    @Test
    void aBadSettingFailsTheStartWithItsName() {
        var driver = SourceTaskDriver.forTask(${connectorName}SourceTask::new)
                .config(Map.of("topic", "messages", "batch.size", "lots"));

        assertThatThrownBy(driver::start).isInstanceOf(ConfigException.class).hasMessageContaining("'batch.size'");
    }
}
