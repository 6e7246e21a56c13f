package io.tributary.runtime.config;

import io.tributary.sdk.errors.ConfigException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code allowed.paths} setting of the file and directory providers: the directories (or files) a
 * reference may point into, so whoever may submit a connector configuration cannot make the worker read
 * any file it can read. Empty allows every path. As in Kafka Connect, a path is checked after removing
 * {@code .} and {@code ..} but without following symbolic links, so a link inside an allowed directory may
 * point elsewhere: the operator who controls the directory decides.
 */
final class AllowedPaths {
    /** The setting's name, as in Kafka Connect. */
    static final String CONFIG = "allowed.paths";

    private static final AllowedPaths ANY = new AllowedPaths(List.of());

    private final List<Path> allowed;

    private AllowedPaths(List<Path> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** @return a setting that allows every path, as when {@code allowed.paths} is not set */
    static AllowedPaths any() {
        return ANY;
    }

    /**
     * @param configs a provider's settings; never null
     * @return the paths allowed by {@code allowed.paths}
     * @throws ConfigException if an entry is not an absolute path or does not exist
     */
    static AllowedPaths from(Map<String, ?> configs) {
        Object setting = configs.get(CONFIG);
        if (setting == null || String.valueOf(setting).isBlank()) {
            return ANY;
        }
        String value = String.valueOf(setting);
        List<Path> allowed = new ArrayList<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(trimmed).normalize();
            } catch (InvalidPathException e) {
                throw new ConfigException(
                        CONFIG,
                        value,
                        "'" + trimmed + "' is not a valid path (" + e.getReason()
                                + "); list absolute directories separated by commas");
            }
            if (!path.isAbsolute()) {
                throw new ConfigException(
                        CONFIG,
                        value,
                        "'" + trimmed + "' is not an absolute path; list absolute"
                                + " directories separated by commas");
            }
            if (!Files.exists(path)) {
                throw new ConfigException(
                        CONFIG, value, "'" + path + "' does not exist; create it or remove it" + " from the list");
            }
            allowed.add(path);
        }
        return allowed.isEmpty() ? ANY : new AllowedPaths(allowed);
    }

    /**
     * Checks a path that came from a configuration.
     *
     * @param path the path as written in a reference; never null
     * @return the path to read
     * @throws ConfigException if it is not a valid path or lies outside the allowed paths
     */
    Path check(String path) {
        Path parsed;
        try {
            parsed = Path.of(path);
        } catch (InvalidPathException e) {
            throw new ConfigException(
                    "Path '" + path + "' is not a valid path (" + e.getReason() + "); correct the" + " reference");
        }
        if (allowed.isEmpty()) {
            return parsed;
        }
        Path normalized = parsed.normalize();
        for (Path directory : allowed) {
            if (normalized.startsWith(directory)) {
                return normalized;
            }
        }
        throw new ConfigException("Path '" + path + "' is outside the provider's " + CONFIG + " (" + describe()
                + "); move it into one of those, or add its directory to " + CONFIG);
    }

    private String describe() {
        List<String> names = new ArrayList<>();
        allowed.forEach(path -> names.add(path.toString()));
        return String.join(", ", names);
    }
}
