package io.tributary.connectors.datagen;

import io.tributary.testkit.contract.SourceConnectorContract;
import java.util.Map;

class DatagenContractTest implements SourceConnectorContract<DatagenConnector> {

    @Override
    public DatagenConnector newConnector() {
        return new DatagenConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        // Twenty records, so the source runs dry and its empty polls are measured too.
        return Map.of("kafka.topic", "orders", "iterations", "20", "records.per.second", "-1", "batch.size", "5");
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("quickstart", "stocks", "iterations", "-2", "schema.fields", "id", "batch.size", "0");
    }
}
