package io.tributary.devkafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.cli.DevKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleNodeKafkaIT {

    @Test
    void theDevBrokerIsFoundStartsTakesATopicAndCleansUp(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        DevKafka broker = ServiceLoader.load(DevKafka.class).findFirst().orElseThrow();
        try (broker) {
            String bootstrap = broker.start(data);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("dev", 1, (short) 1)))
                        .all()
                        .get();
                assertThat(admin.listTopics().names().get()).contains("dev");
                assertThat(admin.describeCluster()
                                .nodes()
                                .get(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                        .hasSize(1);
            }
        }
        assertThat(Files.exists(data)).isFalse();
    }
}
