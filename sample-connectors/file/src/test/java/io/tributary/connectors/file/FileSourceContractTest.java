package io.tributary.connectors.file;

import io.tributary.testkit.contract.SourceConnectorContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class FileSourceContractTest implements SourceConnectorContract<FileSourceConnector> {
    @TempDir
    Path dir;

    private int written;

    @Override
    public FileSourceConnector newConnector() {
        return new FileSourceConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of(
                "file",
                dir.resolve("in.log").toString(),
                "topic",
                "lines",
                "batch.size",
                "4",
                "poll.interval.ms",
                "20");
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("batch.size", "0", "poll.interval.ms", "0", "topic", "");
    }

    @Override
    public void createSourceData(int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("line ").append(written++).append('\n');
        }
        Files.writeString(
                dir.resolve("in.log"),
                lines,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
