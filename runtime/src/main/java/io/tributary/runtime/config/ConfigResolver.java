package io.tributary.runtime.config;

import io.tributary.runtime.plugins.LoaderSwap;
import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.provider.ConfigData;
import io.tributary.sdk.provider.ConfigProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces {@code ${alias:path:key}} references in a configuration with the values the worker's config
 * providers find for them. A worker configures its providers as Kafka Connect's do:
 *
 * <pre>
 * config.providers=file,env
 * config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
 * config.providers.file.param.allowed.paths=/etc/tributary/secrets
 * config.providers.env.class=EnvVarConfigProvider
 * </pre>
 *
 * <p>after which a connector setting {@code connection.password=${file:/etc/tributary/secrets/db.properties:
 * password}} reaches the connector as the password itself. A value may hold several references and text around
 * them; {@code ${alias:key}} has an empty path. Resolution is not recursive: a value a provider returns is used as
 * it is, even if it looks like a reference.
 *
 * <p>As in Kafka Connect, a reference that names no configured provider, or a key its provider does not have,
 * stays in the value unchanged, since such text may be meant literally. {@link #unresolved(Map)} lists those
 * references for validation. A provider that fails to read a path (a missing file, a path outside its {@code
 * allowed.paths}) is an error.
 *
 * <p>Each call asks the providers afresh, once per alias and path, and keeps nothing afterwards. Thread-safe;
 * {@link #close()} closes the providers.
 */
public final class ConfigResolver implements AutoCloseable {
    /** The worker setting that lists the providers' aliases; Kafka Connect's name. */
    public static final String CONFIG_PROVIDERS = "config.providers";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigResolver.class);
    private static final String PREFIX = CONFIG_PROVIDERS + ".";
    private static final String CLASS_SUFFIX = ".class";
    private static final String PARAM_INFIX = ".param.";

    private final Map<String, ConfigProvider> providers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConfigResolver(Map<String, ConfigProvider> providers) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    }

    /**
     * Makes and configures the providers a worker's settings name. Every alias in {@value #CONFIG_PROVIDERS}
     * needs {@code config.providers.<alias>.class}; the settings under {@code config.providers.<alias>.param.},
     * with that prefix removed, are passed to the provider's {@code configure}.
     *
     * @param workerSettings the worker's settings as given; never null
     * @param plugins makes the providers, each in its plugin's class loader; never null
     * @return a resolver that owns the providers; close it when the worker stops
     * @throws ConfigException listing every provider that could not be made or configured; those already made are
     *     closed
     */
    public static ConfigResolver fromWorkerSettings(Map<String, String> workerSettings, PluginFactory plugins) {
        Set<String> aliases = aliases(workerSettings.get(CONFIG_PROVIDERS));
        Map<String, ConfigProvider> made = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            for (String alias : aliases) {
                make(alias, workerSettings, plugins, problems).ifPresent(provider -> made.put(alias, provider));
            }
        } catch (RuntimeException e) {
            made.forEach(ConfigResolver::closeQuietly);
            throw e;
        }
        if (!problems.isEmpty()) {
            made.forEach(ConfigResolver::closeQuietly);
            throw new ConfigException("The worker's config providers cannot be set up", problems);
        }
        warnAboutUnlisted(workerSettings, aliases);
        return new ConfigResolver(made);
    }

    private static Set<String> aliases(String setting) {
        Set<String> aliases = new LinkedHashSet<>();
        if (setting != null) {
            for (String alias : setting.split(",")) {
                if (!alias.isBlank()) {
                    aliases.add(alias.trim());
                }
            }
        }
        return aliases;
    }

    private static Optional<ConfigProvider> make(
            String alias, Map<String, String> workerSettings, PluginFactory plugins, List<String> problems) {
        if (alias.contains(":") || alias.contains("}")) {
            problems.add("Config provider alias '" + alias + "' in " + CONFIG_PROVIDERS + " contains ':' or '}', so"
                    + " no reference could name it; use letters, digits, '.', '-' and '_'");
            return Optional.empty();
        }
        String classSetting = PREFIX + alias + CLASS_SUFFIX;
        String className = workerSettings.get(classSetting);
        if (className == null || className.isBlank()) {
            problems.add(CONFIG_PROVIDERS + " lists '" + alias + "' but " + classSetting + " is not set; set it to"
                    + " the provider's class, such as FileConfigProvider, or remove '" + alias + "' from "
                    + CONFIG_PROVIDERS);
            return Optional.empty();
        }
        ConfigProvider provider;
        try {
            provider = plugins.newPlugin(className.trim(), ConfigProvider.class);
        } catch (ConfigException e) {
            problems.add("Config provider '" + alias + "' (" + classSetting + "=" + className.trim()
                    + ") cannot be made: " + e.getMessage());
            return Optional.empty();
        }
        Map<String, String> params = params(workerSettings, alias);
        try {
            inLoaderOf(provider, () -> {
                provider.configure(params);
                return null;
            });
        } catch (RuntimeException e) {
            problems.add("Config provider '" + alias + "' (" + className.trim() + ") refused its settings " + PREFIX
                    + alias + PARAM_INFIX + "*: " + describe(e));
            closeQuietly(alias, provider);
            return Optional.empty();
        }
        LOG.info("Config provider '{}' is ready: {} with settings {}", alias, className.trim(), params.keySet());
        return Optional.of(provider);
    }

    private static Map<String, String> params(Map<String, String> workerSettings, String alias) {
        String prefix = PREFIX + alias + PARAM_INFIX;
        Map<String, String> params = new TreeMap<>();
        workerSettings.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length() && value != null) {
                params.put(name.substring(prefix.length()), value);
            }
        });
        return Collections.unmodifiableMap(params);
    }

    private static void warnAboutUnlisted(Map<String, String> workerSettings, Set<String> aliases) {
        new TreeMap<>(workerSettings).keySet().forEach(name -> {
            if (name.startsWith(PREFIX) && name.endsWith(CLASS_SUFFIX) && !name.contains(PARAM_INFIX)) {
                String alias = name.substring(PREFIX.length(), name.length() - CLASS_SUFFIX.length());
                if (!aliases.contains(alias)) {
                    LOG.warn(
                            "{} is set but '{}' is not listed in {}, so that provider is not loaded; add '{}' to {}"
                                    + " to use it",
                            name,
                            alias,
                            CONFIG_PROVIDERS,
                            alias,
                            CONFIG_PROVIDERS);
                }
            }
        });
    }

    /**
     * Replaces every reference the providers can resolve. References to an unknown alias or a missing key stay
     * as written; see {@link #unresolved(Map)}.
     *
     * @param config a configuration whose values may hold references; never null, values may be null
     * @return a copy with the references replaced, in the same order; unmodifiable, never null
     * @throws ConfigException listing every reference whose provider failed to read its path
     * @throws IllegalStateException if the resolver is closed
     */
    public Map<String, String> resolve(Map<String, String> config) {
        Lookup lookup = lookUp(config);
        lookup.throwIfFailed(config);
        Map<String, String> resolved = new LinkedHashMap<>();
        config.forEach((name, value) ->
                resolved.put(name, value == null ? null : ConfigReference.replaceIn(value, lookup::valueOf)));
        return Collections.unmodifiableMap(resolved);
    }

    /**
     * Lists the references {@link #resolve(Map)} would leave unchanged or fail on, each with what to do, for
     * validation. An unknown alias may be literal text that only looks like a reference; the caller decides
     * whether to refuse the configuration.
     *
     * @param config a configuration whose values may hold references; never null, values may be null
     * @return one message per setting and reference, settings in name order; empty when all resolve; never null
     * @throws IllegalStateException if the resolver is closed
     */
    public List<String> unresolved(Map<String, String> config) {
        Lookup lookup = lookUp(config);
        Set<String> problems = new LinkedHashSet<>();
        new TreeMap<>(config).forEach((name, value) -> {
            for (ConfigReference reference : ConfigReference.findIn(value)) {
                lookup.problemWith(name, reference).ifPresent(problems::add);
            }
        });
        return List.copyOf(problems);
    }

    /**
     * Returns how long the resolved configuration stays valid: the shortest time to live among the provider
     * answers that supplied a value. A runtime may restart the connector when it runs out, so it sees fresh
     * secrets. Negative times to live are ignored.
     *
     * @param config a configuration whose values may hold references; never null, values may be null
     * @return the shortest time to live, or empty when no value used expires
     * @throws ConfigException listing every reference whose provider failed to read its path
     * @throws IllegalStateException if the resolver is closed
     */
    public Optional<Duration> minimumTtl(Map<String, String> config) {
        Lookup lookup = lookUp(config);
        lookup.throwIfFailed(config);
        Duration minimum = null;
        for (String value : config.values()) {
            for (ConfigReference reference : ConfigReference.findIn(value)) {
                Optional<Duration> ttl = lookup.ttlOf(reference);
                if (ttl.isPresent() && (minimum == null || ttl.get().compareTo(minimum) < 0)) {
                    minimum = ttl.get();
                }
            }
        }
        return Optional.ofNullable(minimum);
    }

    /** Closes every provider; failures are logged. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            providers.forEach(ConfigResolver::closeQuietly);
        }
    }

    @Override
    public String toString() {
        return "ConfigResolver" + providers.keySet();
    }

    private Lookup lookUp(Map<String, String> config) {
        if (closed.get()) {
            throw new IllegalStateException("The config resolver is closed, with its providers; resolve"
                    + " configurations before the worker stops");
        }
        Map<Source, Set<String>> wanted = new LinkedHashMap<>();
        for (String value : config.values()) {
            for (ConfigReference reference : ConfigReference.findIn(value)) {
                if (providers.containsKey(reference.alias())) {
                    wanted.computeIfAbsent(Source.of(reference), source -> new TreeSet<>())
                            .add(reference.key());
                }
            }
        }
        Lookup lookup = new Lookup();
        wanted.forEach((source, keys) -> {
            ConfigProvider provider = providers.get(source.alias());
            try {
                ConfigData data = inLoaderOf(provider, () -> provider.get(source.path(), Set.copyOf(keys)));
                lookup.found.put(source, data != null ? data : ConfigData.of(Map.of()));
            } catch (RuntimeException e) {
                if (!(e instanceof ConfigException)) {
                    LOG.warn("Config provider '{}' failed reading path '{}'", source.alias(), source.path(), e);
                }
                lookup.failures.put(source, e);
            }
        });
        return lookup;
    }

    private static <T> T inLoaderOf(ConfigProvider provider, Supplier<T> call) {
        ClassLoader loader = provider.getClass().getClassLoader();
        if (loader == null) {
            return call.get();
        }
        // Providers from plugin.path may look classes up through the context class loader, as plugins do.
        LoaderSwap swap = LoaderSwap.to(loader);
        try (swap) {
            return call.get();
        }
    }

    private static void closeQuietly(String alias, ConfigProvider provider) {
        try {
            inLoaderOf(provider, () -> {
                provider.close();
                return null;
            });
        } catch (Exception e) {
            LOG.warn(
                    "Cannot close config provider '{}' ({}); resources it holds stay open until the worker exits",
                    alias,
                    provider.getClass().getName(),
                    e);
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ConfigException) {
            return e.getMessage();
        }
        return "it threw " + e.getClass().getName() + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "")
                + ", a fault in the provider; see the worker log for the stack trace and report it to the"
                + " provider's authors";
    }

    /** Where a provider looks: an alias and a path. */
    private record Source(String alias, String path) {
        static Source of(ConfigReference reference) {
            return new Source(reference.alias(), reference.path());
        }
    }

    /** What the providers answered during one call. */
    private final class Lookup {
        final Map<Source, ConfigData> found = new HashMap<>();
        final Map<Source, RuntimeException> failures = new LinkedHashMap<>();

        /** @return the value for a reference, or null to leave it as written */
        String valueOf(ConfigReference reference) {
            ConfigData data = found.get(Source.of(reference));
            return data != null ? data.data().get(reference.key()) : null;
        }

        Optional<Duration> ttlOf(ConfigReference reference) {
            ConfigData data = found.get(Source.of(reference));
            if (data == null || !data.data().containsKey(reference.key())) {
                return Optional.empty();
            }
            return data.expiresAfter().filter(ttl -> !ttl.isNegative());
        }

        Optional<String> problemWith(String setting, ConfigReference reference) {
            String intro = "Setting '" + setting + "' refers to " + reference.text() + ", but ";
            if (!providers.containsKey(reference.alias())) {
                String known = providers.isEmpty()
                        ? "the worker has none"
                        : "the worker has " + String.join(", ", providers.keySet());
                return Optional.of(intro + "no config provider is called '" + reference.alias() + "' (" + known
                        + "); add it to the worker's " + CONFIG_PROVIDERS + " with " + PREFIX + reference.alias()
                        + CLASS_SUFFIX + ", or correct the alias");
            }
            Source source = Source.of(reference);
            RuntimeException failure = failures.get(source);
            if (failure != null) {
                return Optional.of(
                        intro + "config provider '" + reference.alias() + "' cannot read it: " + describe(failure));
            }
            if (valueOf(reference) == null) {
                String where = reference.path().isEmpty() ? "" : " at path '" + reference.path() + "'";
                return Optional.of(intro + "config provider '" + reference.alias() + "' has no key '"
                        + reference.key() + "'" + where + "; add it there, check that the provider's settings allow"
                        + " reading it, or correct the reference");
            }
            return Optional.empty();
        }

        void throwIfFailed(Map<String, String> config) {
            if (failures.isEmpty()) {
                return;
            }
            Set<String> problems = new LinkedHashSet<>();
            new TreeMap<>(config).forEach((name, value) -> {
                for (ConfigReference reference : ConfigReference.findIn(value)) {
                    if (failures.containsKey(Source.of(reference))) {
                        problemWith(name, reference).ifPresent(problems::add);
                    }
                }
            });
            ConfigException exception =
                    new ConfigException("Config provider references cannot be resolved", List.copyOf(problems));
            exception.initCause(failures.values().iterator().next());
            throw exception;
        }
    }
}
