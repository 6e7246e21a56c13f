package io.tributary.runtime.plugins;

import io.tributary.sdk.errors.ConfigException;
import io.tributary.sdk.plugin.PluginType;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins a worker can use: the runtime's built-in ones and those on {@code plugin.path}, each plugin in
 * its own {@link PluginClassLoader}. Made once at startup with {@link #builder()}; immutable and thread-safe
 * afterwards, until {@link #close() closed}.
 *
 * <p>A broken plugin never stops the others from loading: it is skipped and reported in {@link #problems()}
 * and in the log. When two plugins hold the same class, both are listed by {@link #plugins()} and names
 * resolve to the copy with the highest version.
 *
 * <p>A name given to {@link #newPlugin(String, Class)} or {@link #loaderFor(String)} is resolved in this
 * order: a plugin's fully qualified class name; an alias (Kafka Connect class names and short names the
 * runtime maps to its own implementations); a class's simple name, such as {@code InsertField$Value}, when
 * only one plugin class has it.
 */
public final class Plugins implements PluginFactory, AutoCloseable {

    /** The location of plugins that come with the runtime rather than from {@code plugin.path}. */
    public static final String BUILT_IN = "built-in";

    private static final Logger log = LoggerFactory.getLogger(Plugins.class);

    /** A class to make and the loader to make it in. */
    private record Target(Class<?> pluginClass, ClassLoader loader, String location, PluginAdapter adapter) {

        /** @return whether the class implements the SDK type, or its adapter makes it one */
        boolean is(Class<?> sdkType) {
            return PluginAdapter.makes(adapter, pluginClass, sdkType);
        }
    }

    private final ClassLoader parentLoader;
    private final List<PluginDescriptor> descriptors;
    private final List<PluginProblem> problems;
    private final List<PluginClassLoader> loaders;
    private final Map<String, RegisteredPlugin> byClassName = new LinkedHashMap<>();
    private final Map<String, List<RegisteredPlugin>> bySimpleName = new LinkedHashMap<>();
    private final Map<String, Class<?>> aliases;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Plugins(ClassLoader parentLoader, Map<String, Class<?>> aliases, PluginScanner.Result scan) {
        this.parentLoader = parentLoader;
        this.aliases = Map.copyOf(aliases);
        this.descriptors =
                scan.plugins().stream().map(RegisteredPlugin::descriptor).toList();
        this.problems = scan.problems();
        this.loaders = scan.loaders();
        Map<String, List<RegisteredPlugin>> copies = new LinkedHashMap<>();
        for (RegisteredPlugin plugin : scan.plugins()) {
            List<RegisteredPlugin> known = copies.computeIfAbsent(plugin.className(), name -> new ArrayList<>());
            // A class listed under two kinds (a converter that is also a header converter) is one copy.
            if (known.stream().noneMatch(copy -> copy.pluginClass() == plugin.pluginClass())) {
                known.add(plugin);
            }
        }
        copies.forEach((className, sameName) -> {
            RegisteredPlugin chosen = highestVersion(sameName);
            byClassName.put(className, chosen);
            bySimpleName
                    .computeIfAbsent(simpleName(className), name -> new ArrayList<>())
                    .add(chosen);
        });
        problems.forEach(problem -> log.warn("Plugin {} {}", problem.location(), problem.reason()));
        log.info(
                "Plugins ready: {} plugin classes, from the runtime and {} plugins on plugin.path; {} problems",
                byClassName.size(),
                loaders.size(),
                problems.size());
    }

    /** @return a builder for the registry; never null */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public <T> T newPlugin(String classNameOrAlias, Class<T> type) {
        Objects.requireNonNull(type, "type");
        Target target = resolve(classNameOrAlias, type);
        Class<?> pluginClass = target.pluginClass();
        String named = describe(classNameOrAlias, target);
        if (!target.is(type)) {
            throw new ConfigException("Plugin " + named + " is not a " + type.getSimpleName() + "; use a class that"
                    + " implements " + type.getName());
        }
        if (Modifier.isAbstract(pluginClass.getModifiers()) || pluginClass.isInterface()) {
            throw new ConfigException("Plugin " + named + " is abstract; use a concrete class");
        }
        LoaderSwap swap = LoaderSwap.to(target.loader());
        try (swap) {
            Object instance = pluginClass.getConstructor().newInstance();
            if (target.adapter() != null) {
                PluginType kind = target.adapter().kindAs(pluginClass, type).orElseThrow();
                instance = target.adapter().adapt(instance, kind, target.loader());
            }
            return type.cast(instance);
        } catch (InvocationTargetException e) {
            throw configException(
                    "Cannot create plugin " + named + ": its constructor threw " + e.getCause()
                            + "; see the cause below, and fix the plugin or use another",
                    e.getCause());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw configException(
                    "Cannot create plugin " + named
                            + ": it has no public no-argument constructor; add one, or use another class",
                    e);
        } catch (InstantiationException e) {
            throw configException("Cannot create plugin " + named + " (" + e + "); use a concrete class", e);
        } catch (LinkageError e) {
            throw configException(
                    "Cannot create plugin " + named + ": a class it needs is missing or incompatible (" + e
                            + "); add the JAR that holds it to the plugin",
                    e);
        }
    }

    /**
     * Returns the class loader that plugin code must run with: the loader of the plugin that holds the class,
     * or the runtime's for a built-in plugin. Set it as the context class loader around every call into the
     * plugin, with {@link LoaderSwap} or {@link #withLoader(ClassLoader, Supplier)}.
     *
     * @param classNameOrAlias a name as {@link #newPlugin(String, Class)} takes it
     * @return the loader; never null
     * @throws ConfigException if no plugin has that name
     */
    public ClassLoader loaderFor(String classNameOrAlias) {
        return resolve(classNameOrAlias, Object.class).loader();
    }

    /**
     * Runs code with a class loader as the current thread's context class loader, restoring the previous one
     * afterwards, also when the code throws.
     *
     * @param loader the loader, such as one from {@link #loaderFor(String)}; never null
     * @param action the code to run; never null
     * @param <T> what the code returns
     * @return what the code returned
     */
    public static <T> T withLoader(ClassLoader loader, Supplier<T> action) {
        Objects.requireNonNull(action, "action");
        LoaderSwap swap = LoaderSwap.to(loader);
        try (swap) {
            return action.get();
        }
    }

    /**
     * Lists every usable plugin class, built-in ones first, then those on {@code plugin.path} in its order.
     * A class held by two plugins is listed twice, once for each location.
     *
     * @return the plugins; unmodifiable, never null
     */
    public List<PluginDescriptor> plugins() {
        return descriptors;
    }

    /**
     * @param type a kind of plugin
     * @return the usable plugins of that kind, as {@link #plugins()} orders them; unmodifiable, never null
     */
    public List<PluginDescriptor> plugins(PluginType type) {
        return descriptors.stream().filter(d -> d.type() == type).toList();
    }

    /**
     * Lists what could not be used: skipped plugins and the broken entries of plugins that were loaded.
     *
     * @return the problems, in the order they were found; unmodifiable, never null
     */
    public List<PluginProblem> problems() {
        return problems;
    }

    /**
     * Closes the class loaders of the plugins on {@code plugin.path}, releasing their JARs. Plugin instances
     * made before may fail afterwards when they need a class not loaded yet. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                log.warn(
                        "Cannot close the class loader of plugin {}; its JARs stay open until the worker exits",
                        loader.location(),
                        e);
            }
        }
    }

    /**
     * Kafka Connect's short aliases: a simple name without its kind's suffix, {@code FileStreamSink} for
     * {@code FileStreamSinkConnector}, {@code Json} for {@code JsonConverter}.
     */
    private List<RegisteredPlugin> byShortAlias(String name, Class<?> type) {
        for (String suffix : List.of("Connector", "Converter", "HeaderConverter", "Transformation", "Predicate")) {
            List<RegisteredPlugin> found = bySimpleName.getOrDefault(name + suffix, List.of()).stream()
                    .filter(p -> p.is(type))
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private Target resolve(String classNameOrAlias, Class<?> type) {
        if (closed.get()) {
            throw new IllegalStateException("The plugin registry is closed; make plugins before the worker stops");
        }
        if (classNameOrAlias == null || classNameOrAlias.isBlank()) {
            throw new ConfigException("A plugin class name is empty; give the fully qualified name of a class that"
                    + " implements " + type.getName());
        }
        String name = classNameOrAlias.trim();
        RegisteredPlugin registered = byClassName.get(name);
        if (registered != null) {
            return target(registered);
        }
        Class<?> aliased = aliases.get(name);
        if (aliased != null) {
            RegisteredPlugin same = byClassName.get(aliased.getName());
            if (same != null && same.pluginClass() == aliased) {
                return target(same);
            }
            ClassLoader own = aliased.getClassLoader();
            return new Target(aliased, own != null ? own : parentLoader, BUILT_IN, null);
        }
        List<RegisteredPlugin> sameSimpleName = bySimpleName.getOrDefault(name, List.of());
        if (sameSimpleName.isEmpty()) {
            sameSimpleName = byShortAlias(name, type);
        }
        if (sameSimpleName.size() > 1) {
            sameSimpleName = sameSimpleName.stream().filter(p -> p.is(type)).toList();
        }
        if (sameSimpleName.size() == 1) {
            return target(sameSimpleName.get(0));
        }
        if (sameSimpleName.size() > 1) {
            throw new ConfigException("Plugin name '" + name + "' is ambiguous: it is the simple name of "
                    + sameSimpleName.stream().map(RegisteredPlugin::className).collect(Collectors.joining(", "))
                    + "; use the fully qualified class name");
        }
        unlistedOnClassPath(name, type).ifPresent(message -> {
            throw new ConfigException(message);
        });
        throw new ConfigException("Plugin class '" + name + "' was not found: no plugin on plugin.path and no"
                + " built-in plugin has it, and it is not an alias. Check the name, or add the plugin that holds it"
                + " to plugin.path; the plugin must list the class in " + serviceFileOf(type) + knownProblem(name));
    }

    private static Target target(RegisteredPlugin plugin) {
        return new Target(plugin.pluginClass(), plugin.loader(), plugin.location(), plugin.adapter());
    }

    private static String describe(String requested, Target target) {
        String className = target.pluginClass().getName();
        String from = BUILT_IN.equals(target.location()) ? "built in" : "from " + target.location();
        return requested.trim().equals(className)
                ? "'" + className + "' (" + from + ")"
                : "'" + requested.trim() + "' (class " + className + ", " + from + ")";
    }

    /**
     * Explains a class that the worker's own class path holds but no service file lists: the usual slip
     * with a connector written in a project's test sources and run by the test kit's harness.
     */
    private Optional<String> unlistedOnClassPath(String name, Class<?> type) {
        Class<?> found;
        try {
            found = Class.forName(name, false, parentLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Optional<PluginType> kind = Arrays.stream(PluginType.values())
                .filter(k -> type.isAssignableFrom(k.pluginInterface()))
                .filter(k -> k.pluginInterface().isAssignableFrom(found))
                .findFirst();
        if (kind.isEmpty()) {
            return Optional.of("Class '" + name + "' is on the worker's class path but is not a " + type.getSimpleName()
                    + "; name a class that implements " + type.getName());
        }
        String serviceFile = kind.get().serviceFile();
        return Optional.of("Plugin class '" + name + "' is on the worker's class path, but no service file lists it,"
                + " and the worker finds plugins through their service files only. Write a file " + serviceFile
                + " holding the line " + name + " beside the class: in src/test/resources/ for a class of the test"
                + " sources, in src/main/resources/ for the main ones (the Tributary Maven plugin's services goal"
                + " writes those of the main classes)");
    }

    private static String serviceFileOf(Class<?> type) {
        return Arrays.stream(PluginType.values())
                .filter(kind -> kind.pluginInterface() == type)
                .map(PluginType::serviceFile)
                .findFirst()
                .orElse("META-INF/services/<the SDK interface it implements>");
    }

    /** Tells the operator when the class was found but refused, which is likelier than a typo. */
    private String knownProblem(String name) {
        return problems.stream()
                .filter(problem -> problem.reason().contains(name))
                .findFirst()
                .map(problem -> ". It was found but cannot be used: " + problem)
                .orElse("");
    }

    private static RegisteredPlugin highestVersion(List<RegisteredPlugin> copies) {
        RegisteredPlugin chosen = copies.get(0);
        for (RegisteredPlugin copy : copies) {
            if (Versions.compare(copy.version(), chosen.version()) > 0) {
                chosen = copy;
            }
        }
        if (copies.size() > 1) {
            log.warn(
                    "Plugin class {} is in {} plugins ({}); using version {} from {}. Remove the copies you do not"
                            + " want from plugin.path",
                    chosen.className(),
                    copies.size(),
                    copies.stream()
                            .map(c -> c.version() + " in " + c.location())
                            .collect(Collectors.joining(", ")),
                    chosen.version(),
                    chosen.location());
        }
        return chosen;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static ConfigException configException(String message, Throwable cause) {
        ConfigException exception = new ConfigException(message);
        exception.initCause(cause);
        return exception;
    }

    /** Collects the settings of a {@link Plugins} registry; {@link #build()} scans and loads the plugins. */
    public static final class Builder {
        private List<Path> pluginPath = List.of();
        private Path workDirectory;
        private final Map<String, Class<?>> aliases = new LinkedHashMap<>();
        private ClassLoader parentLoader = Plugins.class.getClassLoader();
        private List<PluginAdapter> adapters;

        private Builder() {}

        /**
         * @param adapters the adapters of other plugin APIs, such as Kafka Connect's; by default those the
         *     parent loader's service files list ({@code META-INF/services/io.tributary.runtime.plugins.PluginAdapter})
         * @return this builder
         */
        public Builder adapters(List<? extends PluginAdapter> adapters) {
            this.adapters = List.copyOf(adapters);
            return this;
        }

        /**
         * @param locations the entries of {@code plugin.path}: folders whose children are plugins, plugin
         *     JARs and bundle ZIPs; none by default
         * @return this builder
         */
        public Builder pluginPath(List<Path> locations) {
            this.pluginPath = List.copyOf(locations);
            return this;
        }

        /**
         * @param directory where bundle ZIPs are extracted and kept between starts; by default a folder of
         *     the current user's under {@code java.io.tmpdir}
         * @return this builder
         */
        public Builder workDirectory(Path directory) {
            this.workDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Adds aliases: names, such as Kafka Connect class names and short names, that stand for built-in
         * classes. May be called more than once.
         *
         * @param aliases alias to class; never null
         * @return this builder
         * @throws IllegalArgumentException if an alias is blank or already stands for another class
         */
        public Builder aliases(Map<String, ? extends Class<?>> aliases) {
            aliases.forEach((alias, target) -> {
                if (alias == null || alias.isBlank() || target == null) {
                    throw new IllegalArgumentException("Alias '" + alias + "' for " + target
                            + " is incomplete; give a non-blank alias and a class");
                }
                Class<?> before = this.aliases.putIfAbsent(alias.trim(), target);
                if (before != null && before != target) {
                    throw new IllegalArgumentException("Alias '" + alias + "' stands for both " + before.getName()
                            + " and " + target.getName() + "; give each alias one class");
                }
            });
            return this;
        }

        /**
         * @param loader the runtime's class loader: the parent of every plugin's loader, and the loader whose
         *     service files list the built-in plugins; by default the one that loaded this class
         * @return this builder
         */
        public Builder parentLoader(ClassLoader loader) {
            this.parentLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Scans {@code plugin.path} and the built-in plugins. Broken plugins are skipped and reported, never
         * thrown.
         *
         * @return the registry; close it when the worker stops
         */
        public Plugins build() {
            Path work = workDirectory != null ? workDirectory : BundleExtractor.defaultWorkDirectory();
            PluginPathScanner.Result path = new PluginPathScanner(new BundleExtractor(work)).scan(pluginPath);
            List<PluginAdapter> foreign = adapters != null
                    ? adapters
                    : ServiceLoader.load(PluginAdapter.class, parentLoader).stream()
                            .map(ServiceLoader.Provider::get)
                            .toList();
            PluginScanner.Result scan = PluginScanner.scan(parentLoader, path.sources(), path.problems(), foreign);
            return new Plugins(parentLoader, aliases, scan);
        }
    }
}
