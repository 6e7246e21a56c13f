package io.tributary.testkit.contract;

import io.tributary.sdk.data.SchemaAndValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The kit's well-behaved sink sample keeps every point of the sink contract. */
class LinesSinkContractTest implements SinkConnectorContract<LinesSinkConnector> {
    @TempDir
    Path dir;

    @Override
    public LinesSinkConnector newConnector() {
        return new LinesSinkConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of("file", dir.resolve("out.txt").toString(), "file.password", "hunter2");
    }

    @Override
    public List<?> externalData() throws IOException {
        Path file = dir.resolve("out.txt");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Override
    public Optional<SchemaAndValue> badValue() {
        return Optional.of(new SchemaAndValue(null, "two\nlines"));
    }
}
