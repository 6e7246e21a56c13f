package io.tributary.runtime.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.errors.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads worker and connector configuration files: Java properties files, or JSON either flat ({@code
 * {"name": ..., "connector.class": ...}}) or in the REST API's shape ({@code {"name": ..., "config":
 * {...}}}).
 */
public final class ConfigFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigFiles() {}

    /**
     * @param file a {@code .properties} or {@code .json} file
     * @return its settings, every value as a string
     * @throws ConfigException naming the file and the problem
     */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return file.getFileName().toString().endsWith(".json") ? readJson(file) : readProperties(file);
        } catch (IOException e) {
            throw new ConfigException(
                    "Cannot read configuration file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> settings.put(k, properties.getProperty(k)));
        return settings;
    }

    private static Map<String, String> readJson(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new ConfigException("Configuration file " + file.toAbsolutePath() + " must hold a JSON object");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode config = root.get("config");
        if (config != null && config.isObject()) {
            copy(config, settings, file);
            if (root.hasNonNull("name")) {
                settings.putIfAbsent("name", root.get("name").asText());
            }
        } else {
            copy(root, settings, file);
        }
        return settings;
    }

    private static void copy(JsonNode object, Map<String, String> settings, Path file) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new ConfigException("Setting '" + field.getKey() + "' in " + file.toAbsolutePath()
                        + " must be a string, number or boolean, not " + value.getNodeType());
            }
            if (!value.isNull()) {
                settings.put(field.getKey(), value.asText());
            }
        }
    }
}
