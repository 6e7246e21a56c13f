package io.tributary.testkit.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The kit's well-behaved source sample keeps every point of the source contract. */
class LinesSourceContractTest implements SourceConnectorContract<LinesSourceConnector> {
    @TempDir
    Path dir;

    private int written;

    @Override
    public LinesSourceConnector newConnector() {
        return new LinesSourceConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of("file", dir.resolve("in.txt").toString(), "topic", "lines", "batch.size", "3");
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("batch.size", "0", "file", "");
    }

    @Override
    public void createSourceData(int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("line ").append(written++).append('\n');
        }
        Files.writeString(
                dir.resolve("in.txt"),
                lines,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
