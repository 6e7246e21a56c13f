package io.tributary.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.connector.TopicPartition;
import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import io.tributary.testkit.driver.SinkTaskDriver;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink task through the runtime's task runner, without Kafka, on real files. */
class FileSinkTaskTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final Schema ORDER = SchemaBuilder.struct()
            .name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount", Decimal.schema(2))
            .field("placed", Timestamp.SCHEMA)
            .build();

    @TempDir
    Path dir;

    private SinkTaskDriver<FileSinkTask> driver(Path file, String format) {
        return SinkTaskDriver.forTask(FileSinkTask::new)
                .config(Map.of("file", file.toString(), "format", format))
                .connectorSetting("errors.tolerance", "all")
                .start(P0);
    }

    private static Struct order(long id, String note) {
        return Struct.builder(ORDER)
                .put("id", id)
                .put("note", note)
                .put("amount", new BigDecimal("9.50"))
                .put("placed", Instant.parse("2026-12-01T10:15:30Z"))
                .build();
    }

    @Test
    void textLinesAreDurableWhenTheirOffsetsAreCommitted() throws IOException {
        Path file = dir.resolve("out.txt");
        try (SinkTaskDriver<FileSinkTask> driver = driver(file, "text")) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "a", "b");
            assertThat(driver.commit()).containsEntry(P0, 2L);

            assertThat(Files.readAllLines(file)).containsExactly("a", "b");
        }
    }

    @Test
    void jsonLinesHoldStructsWithTheirLogicalTypes() throws IOException {
        Path file = dir.resolve("out.jsonl");
        try (SinkTaskDriver<FileSinkTask> driver = driver(file, "json")) {
            driver.putValues(P0, ORDER, order(1, "two\nlines"));
            driver.commit();

            assertThat(Files.readAllLines(file))
                    .containsExactly("{\"id\":1,\"note\":\"two\\nlines\",\"amount\":9.50,"
                            + "\"placed\":\"2026-12-01T10:15:30Z\"}");
        }
    }

    @Test
    void csvStartsWithAHeaderAndQuotesWhereNeeded() throws IOException {
        Path file = dir.resolve("out.csv");
        try (SinkTaskDriver<FileSinkTask> driver = driver(file, "csv")) {
            driver.putValues(P0, ORDER, order(1, "plain"), order(2, "with, comma"), order(3, null));
            driver.commit();

            assertThat(Files.readAllLines(file))
                    .containsExactly(
                            "id,note,amount,placed",
                            "1,plain,9.50,2026-12-01T10:15:30Z",
                            "2,\"with, comma\",9.50,2026-12-01T10:15:30Z",
                            "3,,9.50,2026-12-01T10:15:30Z");
        }
    }

    @Test
    void aRecordThatCannotBeALineIsReportedAndItsNeighboursAreWritten() throws IOException {
        Path file = dir.resolve("out.txt");
        try (SinkTaskDriver<FileSinkTask> driver = driver(file, "text")) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "a", "two\nlines", "c");
            driver.commit();

            assertThat(driver.errantRecords())
                    .singleElement()
                    .satisfies(reported -> assertThat(reported.error())
                            .hasMessageContaining("holds a line break, so it would be read back as two lines"));
            assertThat(Files.readAllLines(file)).containsExactly("a", "c");
        }
        Path csv = dir.resolve("out.csv");
        try (SinkTaskDriver<FileSinkTask> driver = driver(csv, "csv")) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "not a struct");
            driver.commit();

            assertThat(driver.errantRecords())
                    .singleElement()
                    .satisfies(reported -> assertThat(reported.error())
                            .hasMessageContaining(
                                    "Format csv writes struct values, but the value of orders-0@0 is a String"));
        }
    }

    @Test
    void aFileDeletedBeforeTheCommitGetsTheRecordsSinceTheLastCommitAgain() throws IOException {
        Path file = dir.resolve("out.txt");
        try (SinkTaskDriver<FileSinkTask> driver = driver(file, "text")) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "a", "b");
            driver.commit();
            driver.putValues(P0, Schema.STRING_SCHEMA, "c", "d");
            Files.delete(file); // c and d went into the deleted file

            Map<TopicPartition, Long> committed = driver.commit();
            assertThat(committed).containsEntry(P0, 2L);
            driver.deliverPending();
            driver.commit();

            assertThat(Files.readAllLines(file)).containsExactly("c", "d");
            assertThat(driver.committedOffsets()).containsEntry(P0, 4L);
        }
    }

    @Test
    void aRestartedTaskAppendsToTheFile() throws IOException {
        Path file = dir.resolve("out.txt");
        try (SinkTaskDriver<FileSinkTask> driver = driver(file, "text")) {
            driver.putValues(P0, Schema.STRING_SCHEMA, "a");
            driver.commit();
            driver.restart();
            driver.putValues(P0, Schema.STRING_SCHEMA, "b");
            driver.commit();

            assertThat(Files.readAllLines(file)).containsExactly("a", "b");
        }
    }
}
