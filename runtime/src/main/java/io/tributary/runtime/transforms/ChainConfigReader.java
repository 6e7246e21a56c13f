package io.tributary.runtime.transforms;

import io.tributary.runtime.plugins.PluginFactory;
import io.tributary.runtime.transforms.TransformationChain.Stage;
import io.tributary.sdk.connector.ConnectRecord;
import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code transforms} and {@code predicates} settings of a connector into configured stages,
 * collecting every problem before failing, and closing whatever it made when it fails.
 */
final class ChainConfigReader<R extends ConnectRecord<R>> {
    static final String TRANSFORMS = "transforms";
    static final String PREDICATES = "predicates";
    static final String TYPE = "type";
    static final String PREDICATE = "predicate";
    static final String NEGATE = "negate";

    private final Map<String, String> config;
    private final PluginFactory plugins;
    private final List<String> problems = new ArrayList<>();
    private final List<Closeable> made = new ArrayList<>();

    ChainConfigReader(Map<String, String> config, PluginFactory plugins) {
        this.config = config;
        this.plugins = plugins;
    }

    List<Stage<R>> read() {
        List<String> predicateAliases = aliases(PREDICATES);
        Map<String, Predicate<R>> predicates = new LinkedHashMap<>();
        for (String alias : predicateAliases) {
            Predicate<R> predicate = predicate(alias);
            if (predicate != null) {
                predicates.put(alias, predicate);
            }
        }
        List<Stage<R>> stages = new ArrayList<>();
        for (String alias : aliases(TRANSFORMS)) {
            String prefix = TRANSFORMS + "." + alias + ".";
            String predicateAlias = blankToNull(config.get(prefix + PREDICATE));
            boolean negate = negate(prefix, predicateAlias);
            if (predicateAlias != null && !predicateAliases.contains(predicateAlias)) {
                problems.add("'" + prefix + PREDICATE + "' names predicate '" + predicateAlias + "', which is not "
                        + "listed in 'predicates'; add it there and define '" + PREDICATES + "." + predicateAlias
                        + "." + TYPE + "'");
            }
            Transformation<R> transformation = transformation(alias, prefix);
            if (transformation != null && (predicateAlias == null || predicates.containsKey(predicateAlias))) {
                stages.add(new Stage<>(alias, transformation, predicates.get(predicateAlias), negate));
            }
        }
        if (!problems.isEmpty()) {
            made.forEach(ChainConfigReader::closeQuietly);
            int count = problems.size();
            throw new ConfigException(
                    "The transforms and predicates of this connector have " + count
                            + (count == 1 ? " problem" : " problems"),
                    problems);
        }
        return stages;
    }

    private List<String> aliases(String setting) {
        String listed = config.get(setting);
        List<String> aliases = new ArrayList<>();
        if (listed == null || listed.isBlank()) {
            return aliases;
        }
        Set<String> seen = new HashSet<>();
        for (String alias : listed.split(",", -1)) {
            String trimmed = alias.trim();
            if (trimmed.isEmpty()) {
                problems.add("'" + setting + "' has an empty alias in \"" + listed + "\"; separate aliases with "
                        + "single commas");
            } else if (!seen.add(trimmed)) {
                problems.add("'" + setting + "' lists alias '" + trimmed + "' twice; give each its own alias");
            } else {
                aliases.add(trimmed);
            }
        }
        return aliases;
    }

    private boolean negate(String prefix, String predicateAlias) {
        String text = blankToNull(config.get(prefix + NEGATE));
        if (text == null) {
            return false;
        }
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            problems.add("Invalid value \"" + text + "\" for '" + prefix + NEGATE + "': expected true or false");
            return false;
        }
        boolean negate = Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
        if (negate && predicateAlias == null) {
            problems.add("'" + prefix + NEGATE + "' is true but '" + prefix + PREDICATE + "' is not set; negate "
                    + "inverts a predicate, so set one or remove '" + prefix + NEGATE + "'");
            return false;
        }
        return negate;
    }

    @SuppressWarnings("unchecked")
    private Predicate<R> predicate(String alias) {
        String prefix = PREDICATES + "." + alias + ".";
        Predicate<R> predicate = make(prefix, "predicate '" + alias + "'", Predicate.class);
        if (predicate != null && !configure(prefix, predicate::configure, Set.of(TYPE))) {
            return null;
        }
        return predicate;
    }

    @SuppressWarnings("unchecked")
    private Transformation<R> transformation(String alias, String prefix) {
        Transformation<R> transformation = make(prefix, "transformation '" + alias + "'", Transformation.class);
        if (transformation != null && !configure(prefix, transformation::configure, Set.of(TYPE, PREDICATE, NEGATE))) {
            return null;
        }
        return transformation;
    }

    /** @return a new plugin, remembered for closing; null when it cannot be made, with the problem noted */
    private <T extends Closeable> T make(String prefix, String label, Class<T> type) {
        String className = blankToNull(config.get(prefix + TYPE));
        if (className == null) {
            problems.add("'" + prefix + TYPE + "' is not set; give the class of " + label);
            return null;
        }
        try {
            T plugin = plugins.newPlugin(className, type);
            made.add(plugin);
            return plugin;
        } catch (ConfigException e) {
            problems.add("'" + prefix + TYPE + "': " + e.getMessage());
        } catch (RuntimeException e) {
            problems.add("'" + prefix + TYPE + "': cannot make " + label + " of class " + className + ": " + e);
        }
        return null;
    }

    /** @return whether the plugin accepted its settings; its problems are noted otherwise */
    private boolean configure(String prefix, Consumer<Map<String, ?>> configure, Set<String> own) {
        Map<String, String> settings = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith(prefix) && !own.contains(key.substring(prefix.length()))) {
                settings.put(key.substring(prefix.length()), value);
            }
        });
        try {
            configure.accept(settings);
            return true;
        } catch (ConfigException e) {
            String where = prefix.substring(0, prefix.length() - 1);
            e.problems().forEach(problem -> problems.add(where + ": " + problem));
        } catch (RuntimeException e) {
            problems.add(prefix.substring(0, prefix.length() - 1) + ": configuring failed: " + e);
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void closeQuietly(Closeable plugin) {
        try {
            plugin.close();
        } catch (Exception e) {
            // The configuration failed already; that failure is the one to report.
        }
    }
}
