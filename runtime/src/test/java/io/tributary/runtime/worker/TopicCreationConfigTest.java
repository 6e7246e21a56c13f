package io.tributary.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tributary.runtime.worker.TopicCreationConfig.Group;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCreationConfigTest {

    private static Map<String, String> config(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        config.put("name", "orders-source");
        config.put("connector.class", "OrdersSource");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static Map<String, String> withDefaults(String... keysAndValues) {
        Map<String, String> config = config(keysAndValues);
        config.putIfAbsent("topic.creation.default.replication.factor", "3");
        config.putIfAbsent("topic.creation.default.partitions", "6");
        return config;
    }

    private static Group groupOf(TopicCreationConfig config, String topic) {
        return config.groupFor(topic).orElseThrow();
    }

    @Test
    void isOffWhenTheConnectorSetsNoTopicCreationSetting() {
        Map<String, String> settings = config("topic", "orders");

        TopicCreationConfig config = TopicCreationConfig.parse(settings);

        assertThat(TopicCreationConfig.validate(settings).hasErrors()).isFalse();
        assertThat(config.enabled()).isFalse();
        assertThat(config.groups()).isEmpty();
        assertThat(config.groupFor("orders")).isEmpty();
    }

    @Test
    void theWorkersSwitchInAConnectorConfigDoesNotTurnCreationOn() {
        TopicCreationConfig config = TopicCreationConfig.parse(config("topic.creation.enable", "true"));

        assertThat(config.enabled()).isFalse();
    }

    @Test
    void theDefaultGroupAloneTakesEveryTopicWithItsNumbersAndTopicConfigs() {
        TopicCreationConfig config = TopicCreationConfig.parse(withDefaults(
                "topic.creation.default.cleanup.policy", "compact",
                "topic.creation.default.compression.type", " lz4 "));

        assertThat(config.enabled()).isTrue();
        Group group = groupOf(config, "anything-at-all");
        assertThat(group.isDefault()).isTrue();
        assertThat(group.name()).isEqualTo("default");
        assertThat(group.replicationFactor()).isEqualTo((short) 3);
        assertThat(group.partitions()).isEqualTo(6);
        assertThat(group.topicConfigs())
                .containsExactly(Map.entry("cleanup.policy", "compact"), Map.entry("compression.type", "lz4"));
    }

    @Test
    void minusOneLeavesReplicationFactorAndPartitionsToTheBroker() {
        TopicCreationConfig config = TopicCreationConfig.parse(config(
                "topic.creation.default.replication.factor", "-1",
                "topic.creation.default.partitions", "-1"));

        Group group = groupOf(config, "orders");
        assertThat(group.replicationFactor()).isEqualTo((short) TopicCreationConfig.BROKER_DEFAULT);
        assertThat(group.partitions()).isEqualTo(TopicCreationConfig.BROKER_DEFAULT);
    }

    @Test
    void theDefaultGroupIgnoresIncludeAndExcludeAndDoesNotPassThemAsTopicConfigs() {
        TopicCreationConfig config = TopicCreationConfig.parse(withDefaults(
                "topic.creation.default.include", "orders",
                "topic.creation.default.exclude", ".*"));

        Group group = groupOf(config, "payments");
        assertThat(group.isDefault()).isTrue();
        assertThat(group.topicConfigs()).isEmpty();
    }

    @Test
    void aTopicBelongsToTheFirstListedGroupThatIncludesIt() {
        Map<String, String> settings = withDefaults(
                "topic.creation.groups", "compacted,wide",
                "topic.creation.compacted.include", "users-.*,accounts",
                "topic.creation.compacted.cleanup.policy", "compact",
                "topic.creation.wide.include", "users-.*,clicks",
                "topic.creation.wide.partitions", "24");

        TopicCreationConfig config = TopicCreationConfig.parse(settings);

        assertThat(groupOf(config, "users-eu").name()).isEqualTo("compacted");
        assertThat(groupOf(config, "accounts").name()).isEqualTo("compacted");
        assertThat(groupOf(config, "clicks").name()).isEqualTo("wide");
        assertThat(groupOf(config, "orders").name()).isEqualTo("default");
        assertThat(config.groups()).extracting(Group::name).containsExactly("compacted", "wide", "default");

        settings.put("topic.creation.groups", "wide,compacted");
        assertThat(groupOf(TopicCreationConfig.parse(settings), "users-eu").name())
                .isEqualTo("wide");
    }

    @Test
    void includeMustMatchTheWholeTopicName() {
        TopicCreationConfig config = TopicCreationConfig.parse(withDefaults(
                "topic.creation.groups", "exact",
                "topic.creation.exact.include", "orders"));

        assertThat(groupOf(config, "orders").name()).isEqualTo("exact");
        assertThat(groupOf(config, "orders-eu").name()).isEqualTo("default");
        assertThat(groupOf(config, "old-orders").name()).isEqualTo("default");
    }

    @Test
    void excludeWinsOverIncludeAndLeavesTheTopicToLaterGroups() {
        TopicCreationConfig config = TopicCreationConfig.parse(withDefaults(
                "topic.creation.groups", "users,everything",
                "topic.creation.users.include", "users-.*",
                "topic.creation.users.exclude", "users-archive,.*-tmp",
                "topic.creation.everything.include", ".*",
                "topic.creation.everything.exclude", "scratch"));

        assertThat(groupOf(config, "users-eu").name()).isEqualTo("users");
        assertThat(groupOf(config, "users-archive").name()).isEqualTo("everything");
        assertThat(groupOf(config, "users-eu-tmp").name()).isEqualTo("everything");
        assertThat(groupOf(config, "scratch").name()).isEqualTo("default");
    }

    @Test
    void aListedGroupTakesTheDefaultNumbersButOnlyItsOwnTopicConfigs() {
        TopicCreationConfig config = TopicCreationConfig.parse(withDefaults(
                "topic.creation.groups", "compacted,small",
                "topic.creation.default.compression.type", "lz4",
                "topic.creation.compacted.include", "users",
                "topic.creation.compacted.cleanup.policy", "compact",
                "topic.creation.small.include", "tiny-.*",
                "topic.creation.small.partitions", "1",
                "topic.creation.small.replication.factor", "-1"));

        Group compacted = groupOf(config, "users");
        assertThat(compacted.partitions()).isEqualTo(6);
        assertThat(compacted.replicationFactor()).isEqualTo((short) 3);
        assertThat(compacted.topicConfigs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(compacted.include()).containsExactly("users");

        Group small = groupOf(config, "tiny-1");
        assertThat(small.partitions()).isEqualTo(1);
        assertThat(small.replicationFactor()).isEqualTo((short) -1);
        assertThat(small.topicConfigs()).isEmpty();
    }

    @Test
    void groupsWhoseNamesShareAPrefixEachKeepTheirOwnSettings() {
        TopicCreationConfig config = TopicCreationConfig.parse(withDefaults(
                "topic.creation.groups", "eu,eu.archive",
                "topic.creation.eu.include", "eu-.*",
                "topic.creation.eu.retention.ms", "1000",
                "topic.creation.eu.archive.include", "archive-.*",
                "topic.creation.eu.archive.partitions", "2"));

        assertThat(groupOf(config, "eu-1").topicConfigs()).containsExactly(Map.entry("retention.ms", "1000"));
        assertThat(groupOf(config, "eu-1").partitions()).isEqualTo(6);
        assertThat(groupOf(config, "archive-1").name()).isEqualTo("eu.archive");
        assertThat(groupOf(config, "archive-1").partitions()).isEqualTo(2);
        assertThat(groupOf(config, "archive-1").topicConfigs()).isEmpty();
    }

    @Test
    void anyTopicCreationSettingRequiresBothDefaultNumbers() {
        ConfigValidation validation = TopicCreationConfig.validate(
                config("topic.creation.default.partitions", "3", "topic.creation.default.cleanup.policy", "compact"));

        assertThat(validation.errors()).containsOnlyKeys("topic.creation.default.replication.factor");
        assertThat(validation.errors().get("topic.creation.default.replication.factor"))
                .singleElement()
                .asString()
                .startsWith("Missing required setting 'topic.creation.default.replication.factor'");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> TopicCreationConfig.parse(config("topic.creation.groups", "")))
                .satisfies(e -> assertThat(e.problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("'topic.creation.default.replication.factor'"))
                        .anySatisfy(p -> assertThat(p).contains("'topic.creation.default.partitions'")));
    }

    @Test
    void validationReportsEveryProblemUnderTheSettingItConcerns() {
        ConfigValidation validation = TopicCreationConfig.validate(config(
                "topic.creation.groups", "compacted,default,compacted,noinclude",
                "topic.creation.default.replication.factor", "0",
                "topic.creation.default.partitions", "many",
                "topic.creation.compacted.include", "users-(.*",
                "topic.creation.compacted.partitions", "-2",
                "topic.creation.orders.include", "orders-.*",
                "topic.creation.orders.cleanup.policy", "compact",
                "topic.creation.stray", "x"));

        Map<String, List<String>> errors = validation.errors();
        assertThat(errors)
                .containsOnlyKeys(
                        "topic.creation.groups",
                        "topic.creation.default.replication.factor",
                        "topic.creation.default.partitions",
                        "topic.creation.compacted.include",
                        "topic.creation.compacted.partitions",
                        "topic.creation.noinclude.include",
                        "topic.creation.orders.include",
                        "topic.creation.orders.cleanup.policy",
                        "topic.creation.stray");
        assertThat(validation.errorCount()).isEqualTo(10);
        assertThat(errors.get("topic.creation.groups"))
                .containsExactly(
                        "'topic.creation.groups' lists 'default', the group every topic falls into that no listed"
                                + " group takes; remove it from the list and set its settings under"
                                + " 'topic.creation.default.'",
                        "'topic.creation.groups' lists group 'compacted' more than once; list each group once");
        assertThat(errors.get("topic.creation.default.replication.factor"))
                .containsExactly("Invalid value 0 for 'topic.creation.default.replication.factor': must be at least"
                        + " 1, or -1 for the broker's default");
        assertThat(errors.get("topic.creation.default.partitions"))
                .containsExactly("Invalid value \"many\" for 'topic.creation.default.partitions': expected INT, a"
                        + " whole number");
        assertThat(errors.get("topic.creation.compacted.include"))
                .singleElement()
                .asString()
                .startsWith("Invalid value \"users-(.*\" for 'topic.creation.compacted.include': not a valid"
                        + " regular expression (Unclosed group");
        assertThat(errors.get("topic.creation.compacted.partitions"))
                .containsExactly("Invalid value -2 for 'topic.creation.compacted.partitions': must be at least 1,"
                        + " or -1 for the broker's default");
        assertThat(errors.get("topic.creation.noinclude.include"))
                .containsExactly("Group 'noinclude' is listed in 'topic.creation.groups' but"
                        + " 'topic.creation.noinclude.include' is not set, so it takes no topic; set it to regexes"
                        + " of the topics the group is for, or remove the group from 'topic.creation.groups'");
        assertThat(errors.get("topic.creation.orders.include"))
                .containsExactly("'topic.creation.orders.include' is a setting of group 'orders', which"
                        + " 'topic.creation.groups' does not list, so it would have no effect; add 'orders' to"
                        + " 'topic.creation.groups' or remove the setting");
        assertThat(errors.get("topic.creation.orders.cleanup.policy"))
                .singleElement()
                .asString()
                .contains("group 'orders', which 'topic.creation.groups' does not list");
        assertThat(errors.get("topic.creation.stray"))
                .containsExactly("'topic.creation.stray' is not a topic creation setting; they are"
                        + " 'topic.creation.groups' and 'topic.creation.<group>.<setting>'");
    }

    @Test
    void parsingAnInvalidConfigurationThrowsWithEveryProblem() {
        Map<String, String> settings = withDefaults(
                "topic.creation.default.replication.factor", "0",
                "topic.creation.orders.partitions", "3");

        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> TopicCreationConfig.parse(settings))
                .satisfies(e -> assertThat(e.problems()).hasSize(2))
                .withMessageContaining("'topic.creation.default.replication.factor'")
                .withMessageContaining("'topic.creation.orders.partitions'");
    }

    @Test
    void describesItsGroupsForTheLog() {
        TopicCreationConfig config = TopicCreationConfig.parse(config(
                "topic.creation.default.replication.factor", "-1",
                "topic.creation.default.partitions", "4",
                "topic.creation.default.cleanup.policy", "compact"));

        assertThat(groupOf(config, "orders"))
                .hasToString("group 'default' (partitions 4, replication factor broker default, topic configs"
                        + " {cleanup.policy=compact})");
        assertThat(TopicCreationConfig.parse(config()).toString()).isEqualTo("TopicCreationConfig{disabled}");
    }
}
