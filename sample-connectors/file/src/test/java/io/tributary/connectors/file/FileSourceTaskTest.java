package io.tributary.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.source.SourceRecord;
import io.tributary.testkit.driver.SourceTaskDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source task through the runtime's task runner, without Kafka, on real files. */
class FileSourceTaskTest {
    @TempDir
    Path dir;

    private SourceTaskDriver<FileSourceTask> driver(Map<String, String> settings) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("topic", "lines", "poll.interval.ms", "1"));
        config.putAll(settings);
        return SourceTaskDriver.forTask(FileSourceTask::new).config(config).start();
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<Object> values(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::value).toList();
    }

    @Test
    void readsCompleteLinesOnlyAndResumesAfterTheLastCommittedOne() throws IOException {
        Path file = dir.resolve("app.log");
        append(file, "one\r\ntwo\nthr");
        try (SourceTaskDriver<FileSourceTask> driver = driver(Map.of("file", file.toString()))) {
            List<SourceRecord> first = driver.poll();
            assertThat(values(first)).containsExactly("one", "two");
            assertThat(first.get(0).sourcePartition()).isEqualTo(Map.of("filename", file.toString()));
            assertThat(first.get(1).sourceOffset().get("position")).isEqualTo(9L);
            assertThat(driver.poll()).isEmpty(); // "thr" has no line break yet

            driver.commit();
            append(file, "ee\nfour\n");
            assertThat(values(driver.poll())).containsExactly("three", "four");
            driver.restart(); // three and four were never committed

            assertThat(values(driver.pollUntil(2, 5))).containsExactly("three", "four");
        }
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsStart() throws IOException {
        Path file = dir.resolve("app.log");
        append(file, "a long first line\nand a second\n");
        try (SourceTaskDriver<FileSourceTask> driver = driver(Map.of("file", file.toString()))) {
            assertThat(driver.poll()).hasSize(2);
            Files.writeString(file, "new\n");

            assertThat(values(driver.poll())).containsExactly("new");
        }
    }

    @Test
    void aRotatedFileIsFinishedThenTheNewOneIsReadFromItsStart() throws IOException {
        Path file = dir.resolve("app.log");
        append(file, "old 1\n");
        try (SourceTaskDriver<FileSourceTask> driver = driver(Map.of("file", file.toString()))) {
            assertThat(values(driver.poll())).containsExactly("old 1");
            append(file, "old 2\nold 3 without a break");
            Files.move(file, dir.resolve("app.log.1"));
            append(file, "new 1\n");

            assertThat(values(driver.pollUntil(3, 5))).containsExactly("old 2", "old 3 without a break", "new 1");
        }
    }

    @Test
    void aFileReplacedWhileTheTaskWasStoppedIsReadFromItsStart() throws IOException {
        Path file = dir.resolve("app.log");
        append(file, "first file, line 1\nfirst file, line 2\n");
        try (SourceTaskDriver<FileSourceTask> driver = driver(Map.of("file", file.toString()))) {
            driver.poll();
            driver.commit();
            driver.stop();
            Files.delete(file);
            append(file, "second file, a much longer line 1\n");
            driver.restart();

            assertThat(values(driver.pollUntil(1, 5))).containsExactly("second file, a much longer line 1");
        }
    }

    @Test
    void aMissingFileIsWaitedForAndReadWhenItAppears() throws IOException {
        Path file = dir.resolve("later.log");
        try (SourceTaskDriver<FileSourceTask> driver = driver(Map.of("file", file.toString()))) {
            assertThat(driver.poll()).isEmpty();
            assertThat(driver.isRunning()).isTrue();
            append(file, "here now\n");

            assertThat(values(driver.poll())).containsExactly("here now");
        }
    }

    @Test
    void aDirectoryIsReadFileByFileAndNewFilesArePickedUp() throws IOException {
        append(dir.resolve("a.log"), "a1\n");
        append(dir.resolve("b.txt"), "not matched\n");
        try (SourceTaskDriver<FileSourceTask> driver =
                driver(Map.of("directory", dir.toString(), "file.pattern", "*.log"))) {
            assertThat(values(driver.poll())).containsExactly("a1");
            append(dir.resolve("c.log"), "c1\n");
            append(dir.resolve("a.log"), "a2\n");

            List<SourceRecord> next = driver.poll();
            assertThat(values(next)).containsExactly("a2", "c1");
            assertThat(next.get(1).sourcePartition())
                    .isEqualTo(Map.of("filename", dir.resolve("c.log").toString()));
        }
    }

    @Test
    void aPollReturnsAtMostBatchSizeLines() throws IOException {
        Path file = dir.resolve("big.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            lines.append("line ").append(i).append('\n');
        }
        append(file, lines.toString());
        try (SourceTaskDriver<FileSourceTask> driver = driver(Map.of("file", file.toString(), "batch.size", "100"))) {
            assertThat(driver.poll()).hasSize(100);
            assertThat(driver.poll()).hasSize(100);
            assertThat(values(driver.poll())).hasSize(50).last().isEqualTo("line 249");
        }
    }
}
