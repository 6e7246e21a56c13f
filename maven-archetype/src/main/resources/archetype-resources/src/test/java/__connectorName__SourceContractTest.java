package ${package};

import io.tributary.testkit.contract.SourceConnectorContract;
import java.util.Map;

/**
 * The runtime's contract for source connectors, one test per point: documented and checked settings,
 * bounded and stable task configurations, records with offsets, a restart that resumes after the last
 * commit, and a lifecycle that tolerates extra stops.
 */
class ${connectorName}SourceContractTest implements SourceConnectorContract<${connectorName}SourceConnector> {

    @Override
    public ${connectorName}SourceConnector newConnector() {
        return new ${connectorName}SourceConnector();
    }

    @Override
    public Map<String, String> validConfig() {
        return Map.of("topic", "messages", "poll.interval.ms", "10");
    }

    @Override
    public Map<String, String> invalidValues() {
        return Map.of("batch.size", "0", "poll.interval.ms", "-1", "topic", "");
    }
}
