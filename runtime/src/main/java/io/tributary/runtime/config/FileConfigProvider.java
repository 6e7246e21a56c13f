package io.tributary.runtime.config;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.provider.ConfigData;
import io.tributary.sdk.provider.ConfigProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads values from properties files: {@code ${file:/etc/tributary/db.properties:password}} is the value of
 * {@code password} in that file. Kafka Connect's {@code org.apache.kafka.common.config.provider.FileConfigProvider}
 * maps to this class.
 *
 * <p>The path is the file's; every key of the file is a key here. The file is read as UTF-8 in the format of
 * {@link Properties#load(Reader)}, afresh on every call, so a changed file is seen at the next resolution.
 *
 * <p>Settings ({@code config.providers.<alias>.param.*}):
 *
 * <ul>
 *   <li>{@value #ALLOWED_PATHS}: absolute directories or files, separated by commas, that references may
 *       point into; unset allows any file the worker can read.
 * </ul>
 *
 * <p>Thread-safe once configured.
 */
public final class FileConfigProvider implements ConfigProvider {
    /** Restricts the files references may name; absolute paths separated by commas. */
    public static final String ALLOWED_PATHS = AllowedPaths.CONFIG;

    private volatile AllowedPaths allowedPaths = AllowedPaths.any();

    /** Makes a provider that allows every path until configured. */
    public FileConfigProvider() {}

    /**
     * @throws ConfigException if {@value #ALLOWED_PATHS} names a relative or missing path
     */
    @Override
    public void configure(Map<String, ?> configs) {
        allowedPaths = AllowedPaths.from(configs);
    }

    /**
     * @param path the properties file; never empty
     * @return every key of the file with its value; never null
     * @throws ConfigException if the path is empty, outside {@value #ALLOWED_PATHS}, or the file cannot be read
     */
    @Override
    public ConfigData get(String path) {
        if (path == null || path.isEmpty()) {
            throw new ConfigException("FileConfigProvider was given no path; it reads a properties file, so write"
                    + " the reference as ${<alias>:/path/to/file.properties:<key>}");
        }
        Path file = allowedPaths.check(path);
        if (Files.isDirectory(file)) {
            throw new ConfigException("Cannot read properties file '" + path + "': it is a directory; name a"
                    + " properties file, or use DirectoryConfigProvider to read one value per file");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read properties file '" + path + "': " + ReadFailures.reason(e)
                    + "; check the path in the reference and the file's permissions");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Cannot read properties file '" + path + "': it is not in properties format ("
                    + e.getMessage() + "); correct the file");
        }
        Map<String, String> data = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            data.put(key, properties.getProperty(key));
        }
        return ConfigData.of(data);
    }

    @Override
    public String toString() {
        return "FileConfigProvider";
    }
}
