package ${package};

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

/**
 * The runtime's contract for sink connectors, one test per point: what is committed is in the file, a bad
 * record goes to the errant record reporter, rebalances lose nothing, and a lifecycle that tolerates
 * extra stops.
 */
class ${connectorName}SinkContractTest implements SinkConnectorContract<${connectorName}SinkConnector> {
    @TempDir
    Path dir;

    @Override
    public ${connectorName}SinkConnector newConnector() {
        return new ${connectorName}SinkConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of("file", file().toString());
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
