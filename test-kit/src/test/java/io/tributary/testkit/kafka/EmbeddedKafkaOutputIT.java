package io.tributary.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starting an embedded cluster writes nothing of Kafka's storage formatting to standard output. */
class EmbeddedKafkaOutputIT {

    @Test
    void theFormattersBootstrapMetadataLineStaysOutOfStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(1, Map.of())) {
            System.out.println("written by the test while the cluster runs");
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .doesNotContain("Bootstrap metadata")
                .contains("written by the test while the cluster runs");
        assertThat(System.out).isSameAs(original);
    }
}
