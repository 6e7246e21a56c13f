package io.tributary.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.data.Struct;
import io.tributary.sdk.source.SourceRecord;
import io.tributary.testkit.driver.ConnectorDriver;
import io.tributary.testkit.driver.SourceTaskDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatagenTaskTest {

    private static SourceTaskDriver<DatagenTask> driver(Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(Map.of("kafka.topic", "orders", "records.per.second", "-1"));
        config.putAll(settings);
        return SourceTaskDriver.forTask(DatagenTask::new).config(config).start();
    }

    private static List<Object> values(List<SourceRecord> records) {
        return records.stream().map(SourceRecord::value).toList();
    }

    @Test
    void ordersAreTheSameForTheSameSeedAndDifferForAnother() {
        List<Object> first;
        List<Object> again;
        List<Object> other;
        try (var driver = driver(Map.of("batch.size", "5"))) {
            first = values(driver.poll());
        }
        try (var driver = driver(Map.of("batch.size", "5"))) {
            again = values(driver.poll());
        }
        try (var driver = driver(Map.of("batch.size", "5", "random.seed", "42"))) {
            other = values(driver.poll());
        }

        assertThat(first).hasSize(5).isEqualTo(again).isNotEqualTo(other);
        Struct order = (Struct) first.get(3);
        assertThat(order.get("orderid")).isEqualTo(3L);
        assertThat(order.get("ordertime")).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
        assertThat(order.getDecimal("amount").scale()).isEqualTo(2);
        assertThat(order.getDecimal("amount")).isGreaterThan(BigDecimal.ZERO);
    }

    @Test
    void aRestartContinuesTheSequenceFromTheCommittedOffset() {
        try (var driver = driver(Map.of("batch.size", "4"))) {
            List<SourceRecord> first = driver.poll();
            driver.commit();
            driver.poll(); // 4 to 7, never committed
            driver.restart();
            List<SourceRecord> resumed = driver.poll();

            assertThat(first).extracting(SourceRecord::key).containsExactly(0L, 1L, 2L, 3L);
            assertThat(resumed).extracting(SourceRecord::key).containsExactly(4L, 5L, 6L, 7L);
            assertThat(first.get(3).sourceOffset().get("next")).isEqualTo(4L);
        }
    }

    @Test
    void tasksShareTheNumbersAndIterationsBoundsTheTotal() {
        ConnectorDriver<DatagenConnector> connector = ConnectorDriver.forConnector(DatagenConnector::new)
                .config(Map.of(
                        "kafka.topic", "users", "quickstart", "users", "iterations", "7", "records.per.second", "-1"))
                .start();
        List<Object> keys = new ArrayList<>();
        for (Map<String, String> taskConfig : connector.taskConfigs(2)) {
            try (var driver = SourceTaskDriver.forTask(DatagenTask::new)
                    .config(taskConfig)
                    .start()) {
                driver.poll().forEach(record -> keys.add(record.key()));
                assertThat(driver.poll()).isEmpty();
            }
        }

        assertThat(keys).containsExactly("User_0", "User_2", "User_4", "User_6", "User_1", "User_3", "User_5");
    }

    @Test
    void fieldsOfTheUsersOwnAreGenerated() {
        try (var driver = driver(Map.of(
                "schema.fields",
                "id:int64,name:string,price:decimal(3),active:boolean,joined:date",
                "batch.size",
                "3"))) {
            List<SourceRecord> records = driver.poll();

            assertThat(records).extracting(SourceRecord::key).containsExactly(0L, 1L, 2L);
            Struct second = (Struct) records.get(1).value();
            assertThat(second.schema().fields())
                    .extracting(f -> f.name())
                    .containsExactly("id", "name", "price", "active", "joined");
            assertThat(second.getDecimal("price").scale()).isEqualTo(3);
            assertThat(second.get("name").toString()).startsWith("name_");
        }
    }

    @Test
    void theRateLimitHoldsAcrossPolls() {
        try (var driver = driver(Map.of("records.per.second", "100"))) {
            long started = System.nanoTime();
            int written = 0;
            for (int i = 0; i < 20; i++) {
                written += driver.poll().size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(written).isPositive().isLessThanOrEqualTo((int) Math.ceil(seconds * 100) + 1);
        }
    }

    @Test
    void unreadableFieldsAreReportedUnderTheirSetting() {
        var validation =
                new DatagenConnector().validate(Map.of("kafka.topic", "t", "schema.fields", "id:int64,price:money"));

        assertThat(validation.errors().get("schema.fields"))
                .singleElement()
                .asString()
                .contains("Field 'price' has the type 'money'");
    }
}
