package io.tributary.connectors.file;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaAndValue;
import io.tributary.testkit.contract.SinkConnectorContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class FileSinkContractTest implements SinkConnectorContract<FileSinkConnector> {
    @TempDir
    Path dir;

    @Override
    public FileSinkConnector newConnector() {
        return new FileSinkConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of("file", file().toString());
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("format", "xml", "file", "");
    }

    @Override
    public List<?> externalData() throws IOException {
        return Files.exists(file()) ? Files.readAllLines(file()) : List.of();
    }

    @Override
    public Optional<SchemaAndValue> badValue() {
        return Optional.of(new SchemaAndValue(Schema.STRING_SCHEMA, "two\nlines"));
    }

    private Path file() {
        return dir.resolve("out.txt");
    }
}
