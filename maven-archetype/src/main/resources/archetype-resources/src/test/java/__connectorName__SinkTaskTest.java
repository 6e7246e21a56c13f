package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Schema;
import io.tributary.testkit.driver.SinkTaskDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink task through the runtime's own task runner, without Kafka: {@link SinkTaskDriver} delivers
 * records, commits and restarts it as a worker would.
 */
class ${connectorName}SinkTaskTest {
    private static final TopicPartition P0 = new TopicPartition("messages", 0);

    @TempDir
    Path dir;

    @Test
    void whatIsCommittedIsInTheFile() throws IOException {
        Path file = dir.resolve("out.txt");
        try (SinkTaskDriver<${connectorName}SinkTask> driver = SinkTaskDriver.forTask(${connectorName}SinkTask::new)
                .config(Map.of("file", file.toString()))
                .start(P0)) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "a", "b", "c");
            Map<TopicPartition, Long> committed = driver.commit();

            assertThat(committed).containsEntry(P0, 3L);
            assertThat(Files.readAllLines(file)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void aBadRecordIsReportedAndItsNeighboursAreWritten() throws IOException {
        Path file = dir.resolve("out.txt");
        try (SinkTaskDriver<${connectorName}SinkTask> driver = SinkTaskDriver.forTask(${connectorName}SinkTask::new)
                .config(Map.of("file", file.toString()))
                .connectorSetting("errors.tolerance", "all")
                .start(P0)) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "a", "two\nlines", "c");
            driver.commit();

            assertThat(driver.errantRecords()).singleElement().satisfies(reported -> {
                assertThat(reported.record().value()).isEqualTo("two\nlines");
                assertThat(reported.error()).hasMessageContaining("line break");
            });
            assertThat(Files.readAllLines(file)).containsExactly("a", "c");
        }
    }
}
