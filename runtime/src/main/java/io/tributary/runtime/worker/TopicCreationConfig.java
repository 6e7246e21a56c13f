package io.tributary.runtime.worker;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigDef.Importance;
import io.tributary.sdk.config.ConfigDef.Type;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValidation;
import io.tributary.sdk.config.ParsedConfig;
import io.tributary.sdk.config.Validator;
import io.tributary.sdk.errors.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A source connector's topic creation settings, with Kafka Connect's names and meaning: how the topics
 * its tasks write to are created when they do not exist yet.
 *
 * <pre>
 * topic.creation.groups=compacted
 * topic.creation.default.replication.factor=3
 * topic.creation.default.partitions=6
 * topic.creation.compacted.include=users-.*,accounts
 * topic.creation.compacted.partitions=1
 * topic.creation.compacted.cleanup.policy=compact
 * </pre>
 *
 * <ul>
 *   <li>A topic belongs to the first group in {@code topic.creation.groups} whose {@code include} regexes
 *       match its whole name and whose {@code exclude} regexes do not (exclude wins), else to the
 *       {@code default} group, which takes every topic; its include and exclude settings are ignored.
 *   <li>Creation is on for a connector only if it sets {@code topic.creation.default.replication.factor}
 *       and {@code topic.creation.default.partitions}; once it sets any {@code topic.creation.*} setting,
 *       both are required. -1 in either leaves the value to the broker's default.
 *   <li>A listed group without a replication factor or partitions of its own takes the default group's.
 *   <li>Every other {@code topic.creation.<group>.<name>} is a topic config, such as {@code cleanup.policy};
 *       a group's topic configs are its own: a listed group does not take the default group's.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TopicCreationConfig {
    /** The start of every topic creation setting. */
    public static final String PREFIX = "topic.creation.";
    /** The groups besides {@code default}, in the order they are tried. */
    public static final String GROUPS = PREFIX + "groups";
    /** The group of topics no listed group takes. */
    public static final String DEFAULT_GROUP = "default";
    /** A group's setting: regexes of the topic names it takes. */
    public static final String INCLUDE = "include";
    /** A group's setting: regexes of topic names it leaves to later groups, though they match include. */
    public static final String EXCLUDE = "exclude";
    /** A group's setting: copies of each partition of a new topic. */
    public static final String REPLICATION_FACTOR = "replication.factor";
    /** A group's setting: the partitions of a new topic. */
    public static final String PARTITIONS = "partitions";
    /** A replication factor or partition count that leaves the choice to the broker. */
    public static final int BROKER_DEFAULT = -1;

    private static final Set<String> GROUP_SETTINGS = Set.of(INCLUDE, EXCLUDE, REPLICATION_FACTOR, PARTITIONS);
    private static final String TOPIC_CREATION = "Topic Creation";

    private static final Validator BROKER_DEFAULT_OR_POSITIVE = new Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            long number = ((Number) value).longValue();
            if (number != BROKER_DEFAULT && number < 1) {
                throw new ConfigException(name, value, "must be at least 1, or -1 for the broker's default");
            }
        }

        @Override
        public String describe() {
            return "-1 or [1,...]";
        }
    };

    private static final Validator REGEXES = new Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            for (Object regex : (List<?>) value) {
                try {
                    Pattern.compile(regex.toString());
                } catch (PatternSyntaxException e) {
                    throw new ConfigException(
                            name,
                            regex,
                            "not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex()
                                    + "); fix the regex");
                }
            }
        }

        @Override
        public String describe() {
            return "comma-separated regular expressions";
        }
    };

    private final List<Group> groups;

    private TopicCreationConfig(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * Names a group's setting.
     *
     * @param group a group, such as {@code default}
     * @param name the setting within it, such as {@link #PARTITIONS} or {@code cleanup.policy}
     * @return the full name, such as {@code topic.creation.default.partitions}
     */
    public static String setting(String group, String name) {
        return PREFIX + group + "." + name;
    }

    /**
     * Checks a connector's topic creation settings without stopping at the first problem; settings that
     * do not start with {@value #PREFIX} are not looked at.
     *
     * @param connectorConfig the connector's configuration; never null
     * @return one outcome per topic creation setting, with every problem under the setting it concerns
     */
    public static ConfigValidation validate(Map<String, String> connectorConfig) {
        Objects.requireNonNull(connectorConfig, "connectorConfig");
        List<String> listed = listedGroups(connectorConfig);
        ConfigValidation validation =
                definition(listed, isRequested(connectorConfig)).validate(connectorConfig);
        for (String problem : groupListProblems(connectorConfig.get(GROUPS))) {
            validation = validation.withError(GROUPS, problem);
        }
        for (String group : listed) {
            String include = setting(group, INCLUDE);
            String value = connectorConfig.get(include);
            if (value == null || value.isBlank()) {
                validation = validation.withError(
                        include,
                        "Group '" + group + "' is listed in '" + GROUPS + "' but '" + include + "' is not set, so"
                                + " it takes no topic; set it to regexes of the topics the group is for, or"
                                + " remove the group from '" + GROUPS + "'");
            }
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(connectorConfig).entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() != null && isGroupSetting(key) && owner(key, listed) == null) {
                validation = validation.withError(key, unlistedGroupProblem(key));
            }
        }
        return validation;
    }

    /**
     * Parses a connector's topic creation settings.
     *
     * @param connectorConfig the connector's configuration; never null
     * @return the settings; {@link #enabled()} is false if the connector sets no topic creation setting
     * @throws ConfigException listing every problem {@link #validate(Map)} finds
     */
    public static TopicCreationConfig parse(Map<String, String> connectorConfig) {
        validate(connectorConfig).throwIfInvalid();
        if (!isRequested(connectorConfig)) {
            return new TopicCreationConfig(List.of());
        }
        List<String> listed = listedGroups(connectorConfig);
        ParsedConfig parsed = definition(listed, true).parse(connectorConfig);
        short defaultReplicationFactor = parsed.getShort(setting(DEFAULT_GROUP, REPLICATION_FACTOR));
        int defaultPartitions = parsed.getInt(setting(DEFAULT_GROUP, PARTITIONS));
        List<Group> groups = new ArrayList<>();
        for (String name : listed) {
            Short replicationFactor = parsed.getShort(setting(name, REPLICATION_FACTOR));
            Integer partitions = parsed.getInt(setting(name, PARTITIONS));
            groups.add(new Group(
                    name,
                    parsed.getList(setting(name, INCLUDE)),
                    parsed.getList(setting(name, EXCLUDE)),
                    partitions != null ? partitions : defaultPartitions,
                    replicationFactor != null ? replicationFactor : defaultReplicationFactor,
                    topicConfigs(connectorConfig, name, listed)));
        }
        groups.add(new Group(
                DEFAULT_GROUP,
                List.of(),
                List.of(),
                defaultPartitions,
                defaultReplicationFactor,
                topicConfigs(connectorConfig, DEFAULT_GROUP, listed)));
        return new TopicCreationConfig(groups);
    }

    /**
     * @return whether the connector asks for topic creation: it set the default group's replication
     *     factor and partitions. The worker's {@code topic.creation.enable} must allow it too.
     */
    public boolean enabled() {
        return !groups.isEmpty();
    }

    /**
     * @return the groups in the order topics are matched against them: those of {@value #GROUPS}, then
     *     {@code default}; empty if creation is not {@link #enabled()}. Unmodifiable.
     */
    public List<Group> groups() {
        return groups;
    }

    /**
     * @param topic a topic's name
     * @return the group whose settings create it; empty if creation is not {@link #enabled()}
     */
    public Optional<Group> groupFor(String topic) {
        Objects.requireNonNull(topic, "topic");
        return groups.stream().filter(group -> group.matches(topic)).findFirst();
    }

    @Override
    public String toString() {
        return enabled() ? "TopicCreationConfig" + groups : "TopicCreationConfig{disabled}";
    }

    /** Any setting under the prefix counts, as in Connect; the worker's own switch does not. */
    private static boolean isRequested(Map<String, String> config) {
        return config.entrySet().stream()
                .anyMatch(e -> e.getValue() != null
                        && e.getKey().startsWith(PREFIX)
                        && !e.getKey().equals(WorkerConfig.TOPIC_CREATION_ENABLE));
    }

    private static boolean isGroupSetting(String key) {
        return key.startsWith(PREFIX) && !key.equals(GROUPS) && !key.equals(WorkerConfig.TOPIC_CREATION_ENABLE);
    }

    /** The listed groups that can have settings: each once, without empty names and without default. */
    private static List<String> listedGroups(Map<String, String> config) {
        String value = config.get(GROUPS);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String name : value.split(",", -1)) {
            String group = name.trim();
            if (!group.isEmpty() && !group.equals(DEFAULT_GROUP)) {
                groups.add(group);
            }
        }
        return List.copyOf(groups);
    }

    private static List<String> groupListProblems(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean emptyReported = false;
        for (String name : value.split(",", -1)) {
            String group = name.trim();
            if (group.isEmpty()) {
                if (!emptyReported) {
                    problems.add("'" + GROUPS + "' has an empty group name in \"" + value
                            + "\"; separate the names by single commas");
                    emptyReported = true;
                }
            } else if (group.equals(DEFAULT_GROUP)) {
                problems.add("'" + GROUPS + "' lists '" + DEFAULT_GROUP + "', the group every topic falls into"
                        + " that no listed group takes; remove it from the list and set its settings under '"
                        + PREFIX + DEFAULT_GROUP + ".'");
            } else if (!seen.add(group)) {
                problems.add("'" + GROUPS + "' lists group '" + group + "' more than once; list each group once");
            }
        }
        return problems;
    }

    private static String unlistedGroupProblem(String key) {
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            return "'" + key + "' is not a topic creation setting; they are '" + GROUPS + "' and '" + PREFIX
                    + "<group>.<setting>'";
        }
        String group = rest.substring(0, dot);
        return "'" + key + "' is a setting of group '" + group + "', which '" + GROUPS + "' does not list, so it"
                + " would have no effect; add '" + group + "' to '" + GROUPS + "' or remove the setting";
    }

    /**
     * The group a setting belongs to: the longest listed name (or default) it starts with, so that groups
     * {@code a} and {@code a.b} each get their own settings.
     */
    private static String owner(String key, List<String> listed) {
        String owner = null;
        for (String group : listed) {
            if (key.startsWith(PREFIX + group + ".") && (owner == null || group.length() > owner.length())) {
                owner = group;
            }
        }
        if (owner == null && key.startsWith(PREFIX + DEFAULT_GROUP + ".")) {
            owner = DEFAULT_GROUP;
        }
        return owner;
    }

    private static Map<String, String> topicConfigs(Map<String, String> config, String group, List<String> listed) {
        String prefix = PREFIX + group + ".";
        Map<String, String> topicConfigs = new TreeMap<>();
        config.forEach((key, value) -> {
            if (value != null && group.equals(owner(key, listed))) {
                String name = key.substring(prefix.length());
                if (!GROUP_SETTINGS.contains(name)) {
                    topicConfigs.put(name, value.trim());
                }
            }
        });
        return Collections.unmodifiableMap(topicConfigs);
    }

    /** The settings to check: the list of groups, the default group's numbers, and each listed group's. */
    private static ConfigDef definition(List<String> listed, boolean creationRequested) {
        ConfigDef.Builder builder = ConfigDef.builder()
                .define(ConfigKey.builder(GROUPS, Type.LIST)
                        .defaultValue("")
                        .documentation("Groups of topics with creation settings of their own, in the order a"
                                + " topic is matched against them; a topic no group takes falls into '"
                                + DEFAULT_GROUP + "'.")
                        .group(TOPIC_CREATION, 1))
                .define(number(setting(DEFAULT_GROUP, REPLICATION_FACTOR), Type.SHORT, creationRequested)
                        .importance(Importance.HIGH)
                        .documentation("Replication factor of the topics the connector creates; -1 for the"
                                + " broker's default. Together with " + setting(DEFAULT_GROUP, PARTITIONS)
                                + ", it turns topic creation on for the connector.")
                        .group(TOPIC_CREATION, 2))
                .define(number(setting(DEFAULT_GROUP, PARTITIONS), Type.INT, creationRequested)
                        .importance(Importance.HIGH)
                        .documentation("Partitions of the topics the connector creates; -1 for the broker's"
                                + " default. Together with " + setting(DEFAULT_GROUP, REPLICATION_FACTOR)
                                + ", it turns topic creation on for the connector.")
                        .group(TOPIC_CREATION, 3));
        for (String group : listed) {
            String shown = TOPIC_CREATION + ": " + group;
            builder.define(ConfigKey.builder(setting(group, INCLUDE), Type.LIST)
                            .defaultValue("")
                            .validator(REGEXES)
                            .documentation("Regexes of the topics this group takes; each must match a whole name.")
                            .group(shown, 1))
                    .define(ConfigKey.builder(setting(group, EXCLUDE), Type.LIST)
                            .defaultValue("")
                            .validator(REGEXES)
                            .documentation("Regexes of topics this group leaves to later groups though they match"
                                    + " include.")
                            .group(shown, 2))
                    .define(number(setting(group, REPLICATION_FACTOR), Type.SHORT, false)
                            .documentation("Replication factor of this group's topics; the default group's when"
                                    + " unset, -1 for the broker's default.")
                            .group(shown, 3))
                    .define(number(setting(group, PARTITIONS), Type.INT, false)
                            .documentation("Partitions of this group's topics; the default group's when unset, -1"
                                    + " for the broker's default.")
                            .group(shown, 4));
        }
        return builder.build();
    }

    private static ConfigKey.Builder number(String name, Type type, boolean required) {
        ConfigKey.Builder key = ConfigKey.builder(name, type).validator(BROKER_DEFAULT_OR_POSITIVE);
        return required ? key : key.defaultValue(null);
    }

    /**
     * One group's creation settings. Immutable and thread-safe.
     */
    public static final class Group {
        private final String name;
        private final List<String> include;
        private final List<String> exclude;
        private final List<Pattern> includePatterns;
        private final List<Pattern> excludePatterns;
        private final int partitions;
        private final short replicationFactor;
        private final Map<String, String> topicConfigs;

        private Group(
                String name,
                List<String> include,
                List<String> exclude,
                int partitions,
                short replicationFactor,
                Map<String, String> topicConfigs) {
            this.name = name;
            this.include = List.copyOf(include);
            this.exclude = List.copyOf(exclude);
            this.includePatterns = include.stream().map(Pattern::compile).toList();
            this.excludePatterns = exclude.stream().map(Pattern::compile).toList();
            this.partitions = partitions;
            this.replicationFactor = replicationFactor;
            this.topicConfigs = topicConfigs;
        }

        /** @return the group's name, {@value TopicCreationConfig#DEFAULT_GROUP} for the default group */
        public String name() {
            return name;
        }

        /** @return whether this is the default group, which takes every topic */
        public boolean isDefault() {
            return name.equals(DEFAULT_GROUP);
        }

        /** @return the regexes of the topics it takes, as given; empty for the default group */
        public List<String> include() {
            return include;
        }

        /** @return the regexes of the topics it leaves to later groups, as given; empty for the default group */
        public List<String> exclude() {
            return exclude;
        }

        /** @return the partitions of a new topic; {@link #BROKER_DEFAULT} for the broker's default */
        public int partitions() {
            return partitions;
        }

        /** @return the replication factor of a new topic; {@link #BROKER_DEFAULT} for the broker's default */
        public short replicationFactor() {
            return replicationFactor;
        }

        /** @return the topic configs of a new topic, such as {@code cleanup.policy}; unmodifiable, sorted */
        public Map<String, String> topicConfigs() {
            return topicConfigs;
        }

        /**
         * @param topic a topic's name
         * @return whether the group takes it: an include regex matches the whole name and no exclude regex
         *     does; always true for the default group
         */
        public boolean matches(String topic) {
            if (isDefault()) {
                return true;
            }
            return includePatterns.stream().anyMatch(p -> p.matcher(topic).matches())
                    && excludePatterns.stream().noneMatch(p -> p.matcher(topic).matches());
        }

        @Override
        public String toString() {
            return "group '" + name + "' (partitions " + shown(partitions) + ", replication factor "
                    + shown(replicationFactor) + ", topic configs " + topicConfigs + ")";
        }

        private static String shown(int number) {
            return number == BROKER_DEFAULT ? "broker default" : Integer.toString(number);
        }
    }
}
