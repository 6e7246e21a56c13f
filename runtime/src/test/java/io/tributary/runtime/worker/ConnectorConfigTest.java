package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.errors.ErrorPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

    private static ErrorPolicy errorPolicyOf(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        config.put("name", "orders-sink");
        config.put("connector.class", "OrdersSink");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ConnectorConfig.errorPolicy(ConnectorConfig.parse(config));
    }

    @Test
    void aConnectorWithoutErrorSettingsFailsFast() {
        assertThat(errorPolicyOf()).isEqualTo(ErrorPolicy.FAIL_FAST);
    }

    @Test
    void errorSettingsBecomeTheTasksErrorPolicy() {
        ErrorPolicy policy = errorPolicyOf(
                "errors.retry.timeout", "30000",
                "errors.retry.delay.max.ms", "2000",
                "errors.tolerance", "ALL",
                "errors.log.enable", "true",
                "errors.log.include.messages", "true",
                "errors.deadletterqueue.topic.name", "orders-dlq",
                "errors.deadletterqueue.topic.replication.factor", "1",
                "errors.deadletterqueue.context.headers.enable", "true");

        assertThat(policy)
                .isEqualTo(new ErrorPolicy(
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        true,
                        true,
                        true,
                        "orders-dlq",
                        (short) 1,
                        true));
        assertThat(policy.hasDeadLetterQueue()).isTrue();
    }

    @Test
    void aNegativeRetryTimeoutRetriesForever() {
        assertThat(errorPolicyOf("errors.retry.timeout", "-1").retryTimeout()).isNull();
    }
}
