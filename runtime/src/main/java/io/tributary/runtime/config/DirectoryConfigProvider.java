package io.tributary.runtime.config;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.provider.ConfigData;
import io.tributary.sdk.provider.ConfigProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads values from a directory that holds one file per value, as Kubernetes and Docker mount secrets: {@code
 * ${dir:/run/secrets:db-password}} is the content of {@code /run/secrets/db-password}. Kafka Connect's {@code
 * org.apache.kafka.common.config.provider.DirectoryConfigProvider} maps to this class.
 *
 * <p>The path is the directory's; each regular file directly in it (symbolic links to files included,
 * subdirectories not) is a key named after the file, and the file's content, read as UTF-8, is the value,
 * exactly as stored: like Kafka Connect, a trailing newline is kept, and bytes that are not UTF-8 become
 * U+FFFD. Files are read afresh on every call.
 *
 * <p>Settings ({@code config.providers.<alias>.param.*}):
 *
 * <ul>
 *   <li>{@value #ALLOWED_PATHS}: absolute directories, separated by commas, that references may point into;
 *       unset allows any directory the worker can read.
 * </ul>
 *
 * <p>Thread-safe once configured.
 */
public final class DirectoryConfigProvider implements ConfigProvider {
    /** Restricts the directories references may name; absolute paths separated by commas. */
    public static final String ALLOWED_PATHS = AllowedPaths.CONFIG;

    private volatile AllowedPaths allowedPaths = AllowedPaths.any();

    /** Makes a provider that allows every path until configured. */
    public DirectoryConfigProvider() {}

    /**
     * @throws ConfigException if {@value #ALLOWED_PATHS} names a relative or missing path
     */
    @Override
    public void configure(Map<String, ?> configs) {
        allowedPaths = AllowedPaths.from(configs);
    }

    /**
     * @param path the directory; never empty
     * @return every regular file's name with its content; never null
     * @throws ConfigException if the path is empty, outside {@value #ALLOWED_PATHS}, not a directory, or a file
     *     cannot be read
     */
    @Override
    public ConfigData get(String path) {
        return read(path, file -> true);
    }

    /**
     * Reads only the files named by the keys; a key that names no file is left out.
     *
     * @param path the directory; never empty
     * @param keys the names of the files wanted; never null
     * @return those files' names with their content; never null
     * @throws ConfigException if the path is empty, outside {@value #ALLOWED_PATHS}, not a directory, or a file
     *     cannot be read
     */
    @Override
    public ConfigData get(String path, Set<String> keys) {
        return read(path, name -> keys.contains(name));
    }

    private ConfigData read(String path, Predicate<String> wanted) {
        if (path == null || path.isEmpty()) {
            throw new ConfigException("DirectoryConfigProvider was given no path; it reads the files in a directory,"
                    + " so write the reference as ${<alias>:/path/to/directory:<file name>}");
        }
        Path directory = allowedPaths.check(path);
        if (!Files.isDirectory(directory)) {
            String reason = Files.exists(directory) ? "it is not a directory" : "it does not exist";
            throw new ConfigException("Cannot read directory '" + path + "': " + reason + "; name a directory that"
                    + " holds one file per value, or use FileConfigProvider for a properties file");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(file -> wanted.test(file.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            throw new ConfigException("Cannot list directory '" + path + "': " + ReadFailures.reason(e)
                    + "; check the directory's permissions");
        }
        Map<String, String> data = new HashMap<>();
        for (Path file : files) {
            try {
                // Decoded leniently, as Kafka Connect does: a binary file beside the secrets (a keystore) must not
                // make the whole directory unreadable.
                data.put(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException("Cannot read file '" + file + "' in directory '" + path + "': "
                        + ReadFailures.reason(e) + "; check the file's permissions");
            }
        }
        return ConfigData.of(data);
    }

    @Override
    public String toString() {
        return "DirectoryConfigProvider";
    }
}
