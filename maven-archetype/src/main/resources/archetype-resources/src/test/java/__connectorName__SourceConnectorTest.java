package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.config.ConfigValidation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector's settings, checked as the runtime checks them before it starts the connector. */
class ${connectorName}SourceConnectorTest {
    private final ${connectorName}SourceConnector connector = new ${connectorName}SourceConnector();

    @Test
    void everySettingIsDocumented() {
        assertThat(connector.config().keys())
                .allSatisfy(key -> assertThat(key.documentation()).isNotBlank());
    }

    @Test
    void aMissingTopicAndABadBatchSizeAreBothReported() {
        ConfigValidation validation = connector.config().validate(Map.of("batch.size", "0"));

        assertThat(validation.errorCount()).isEqualTo(2);
        assertThat(validation.errors()).containsKeys("topic", "batch.size");
    }
}
