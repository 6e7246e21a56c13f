package io.tributary.runtime.config;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.provider.ConfigData;
import io.tributary.sdk.provider.ConfigProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads values from the worker's environment variables: {@code ${env:DB_PASSWORD}} is the value of {@code
 * DB_PASSWORD}. Kafka Connect's {@code org.apache.kafka.common.config.provider.EnvVarConfigProvider} maps to this
 * class.
 *
 * <p>Variables have no path, so a reference has two parts; one with a path is refused. The environment is read
 * when the provider is configured (it cannot change while the worker runs).
 *
 * <p>Settings ({@code config.providers.<alias>.param.*}):
 *
 * <ul>
 *   <li>{@value #ALLOWLIST_PATTERN}: a regular expression a variable's whole name must match to be read, such
 *       as {@code DB_.*|KAFKA_.*}; unset allows every variable. A variable it refuses is treated as missing,
 *       as in Kafka Connect, so its reference stays unresolved.
 * </ul>
 *
 * <p>Unlike the file and directory providers it has no {@code allowed.paths}: there is no path to restrict.
 *
 * <p>Thread-safe once configured.
 */
public final class EnvVarConfigProvider implements ConfigProvider {
    /** The regular expression a variable's name must match to be read; Kafka Connect's name. */
    public static final String ALLOWLIST_PATTERN = "allowlist.pattern";

    private static final Logger LOG = LoggerFactory.getLogger(EnvVarConfigProvider.class);

    private volatile Map<String, String> variables = Map.copyOf(System.getenv());

    /** Makes a provider that reads every variable until configured. */
    public EnvVarConfigProvider() {}

    /**
     * @throws ConfigException if {@value #ALLOWLIST_PATTERN} is not a valid regular expression
     */
    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.containsKey(AllowedPaths.CONFIG)) {
            LOG.warn(
                    "EnvVarConfigProvider ignores '{}': environment variables have no path. Use '{}' to limit which"
                            + " variables references may read",
                    AllowedPaths.CONFIG,
                    ALLOWLIST_PATTERN);
        }
        Object setting = configs.get(ALLOWLIST_PATTERN);
        Map<String, String> environment = System.getenv();
        if (setting == null) {
            variables = Map.copyOf(environment);
            return;
        }
        String regex = String.valueOf(setting);
        Pattern allowlist;
        try {
            allowlist = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(
                    ALLOWLIST_PATTERN,
                    regex,
                    "it is not a valid regular expression (" + e.getDescription()
                            + "); give a Java regular expression that variable names must match");
        }
        Map<String, String> allowed = new HashMap<>();
        environment.forEach((name, value) -> {
            if (allowlist.matcher(name).matches()) {
                allowed.put(name, value);
            }
        });
        variables = Map.copyOf(allowed);
    }

    /**
     * @param path must be empty: variables have no path
     * @return every variable {@value #ALLOWLIST_PATTERN} allows, with its value; never null
     * @throws ConfigException if the path is not empty
     */
    @Override
    public ConfigData get(String path) {
        if (path != null && !path.isEmpty()) {
            throw new ConfigException("EnvVarConfigProvider was given path '" + path + "', but environment"
                    + " variables have no path; write the reference as ${<alias>:<VARIABLE>}");
        }
        return ConfigData.of(variables);
    }

    @Override
    public String toString() {
        return "EnvVarConfigProvider";
    }
}
