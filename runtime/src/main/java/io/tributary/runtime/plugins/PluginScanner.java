package io.tributary.runtime.plugins;

import io.tributary.runtime.plugins.PluginPathScanner.PluginSource;
import io.tributary.sdk.plugin.DiscoveredPlugin;
import io.tributary.sdk.plugin.DiscoveryProblem;
import io.tributary.sdk.plugin.PluginDiscovery;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.plugin.Versioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the usable plugin classes of the runtime's own class loader and of each plugin on {@code
 * plugin.path}, through {@link PluginDiscovery}, and reads each one's version from a throwaway instance.
 * Making that instance is also what proves a class links: a plugin whose class needs a library the plugin
 * does not bundle is reported here rather than when a connector first uses it.
 */
final class PluginScanner {

    /** What a scan found; the loaders are those of the plugins with at least one usable class. */
    record Result(List<RegisteredPlugin> plugins, List<PluginProblem> problems, List<PluginClassLoader> loaders) {
        Result {
            plugins = List.copyOf(plugins);
            problems = List.copyOf(problems);
            loaders = List.copyOf(loaders);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PluginScanner.class);

    private final ClassLoader parent;
    private final List<PluginAdapter> adapters;
    private final List<RegisteredPlugin> plugins = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final List<PluginClassLoader> loaders = new ArrayList<>();

    private PluginScanner(ClassLoader parent, List<PluginAdapter> adapters) {
        this.parent = parent;
        this.adapters = List.copyOf(adapters);
    }

    /**
     * @param parent the runtime's class loader: its plugins are the built-in ones, and it is every plugin
     *     loader's parent
     * @param sources the plugins on {@code plugin.path}
     * @param earlierProblems problems found before, listed first
     * @param adapters the adapters of other plugin APIs, whose plugins are looked for on {@code plugin.path}
     *     too (not among the built-ins)
     * @return built-in plugins first, then those of each source in order
     */
    static Result scan(
            ClassLoader parent,
            List<PluginSource> sources,
            List<PluginProblem> earlierProblems,
            List<PluginAdapter> adapters) {
        PluginScanner scanner = new PluginScanner(parent, adapters);
        scanner.problems.addAll(earlierProblems);
        scanner.scanBuiltIns();
        for (PluginSource source : sources) {
            scanner.scanPlugin(source);
        }
        return new Result(scanner.plugins, scanner.problems, scanner.loaders);
    }

    private void scanBuiltIns() {
        PluginDiscovery.Result found;
        try {
            found = PluginDiscovery.discover(parent);
        } catch (UncheckedIOException e) {
            problems.add(new PluginProblem(
                    Path.of(Plugins.BUILT_IN),
                    "plugins cannot be listed (" + e.getCause() + "); check the runtime's installation"));
            return;
        }
        for (DiscoveryProblem problem : found.problems()) {
            problems.add(new PluginProblem(builtInLocation(problem.serviceFile()), "cannot use built-in " + problem));
        }
        for (DiscoveredPlugin discovered : found.plugins()) {
            register(discovered, parent, Plugins.BUILT_IN, builtInLocation(discovered.serviceFile()), null);
        }
    }

    private void scanPlugin(PluginSource source) {
        Path location = source.location();
        PluginClassLoader loader = new PluginClassLoader(location, source.classPath(), parent);
        PluginDiscovery.Result found;
        try {
            found = PluginDiscovery.discover(loader, loader::contains);
        } catch (UncheckedIOException e) {
            problems.add(new PluginProblem(
                    location,
                    "cannot be scanned (" + e.getCause() + "); its service files cannot be read: rebuild the plugin"));
            close(loader);
            return;
        }
        for (DiscoveryProblem problem : found.problems()) {
            problems.add(new PluginProblem(location, "cannot use " + problem));
        }
        int before = plugins.size();
        for (DiscoveredPlugin discovered : found.plugins()) {
            register(discovered, loader, location.toString(), location, null);
        }
        boolean listsAny = !found.plugins().isEmpty() || !found.problems().isEmpty();
        for (PluginAdapter adapter : adapters) {
            PluginDiscovery.Result foreign;
            try {
                foreign = PluginDiscovery.discover(loader, loader::contains, adapter.interfaces());
            } catch (UncheckedIOException e) {
                problems.add(new PluginProblem(
                        location,
                        "cannot be scanned for " + adapter.name() + " plugins (" + e.getCause()
                                + "); its service files cannot be read: rebuild the plugin"));
                continue;
            }
            for (DiscoveryProblem problem : foreign.problems()) {
                problems.add(new PluginProblem(location, "cannot use " + adapter.name() + " " + problem));
            }
            List<DiscoveredPlugin> discovered = foreign.plugins();
            if (!listsAny && discovered.isEmpty() && foreign.problems().isEmpty()) {
                discovered = scanClasses(loader, adapter);
            }
            discovered = discovered.stream()
                    .filter(plugin -> !inKafkaApiCopy(plugin))
                    .toList();
            for (DiscoveredPlugin plugin : discovered) {
                register(plugin, loader, location.toString(), location, adapter);
            }
            listsAny |= !discovered.isEmpty() || !foreign.problems().isEmpty();
        }
        int registered = plugins.size() - before;
        if (!listsAny) {
            problems.add(new PluginProblem(
                    location,
                    "lists no plugins: none of its JARs has a service file for"
                            + " an SDK interface, such as " + PluginType.SOURCE.serviceFile() + ", or a Kafka Connect"
                            + " one; list the plugin's classes there (the tributary Maven plugin writes these"
                            + " files), or remove it"));
        }
        if (registered == 0) {
            log.debug("Skipping plugin {}: none of its classes can be used", location);
            close(loader);
        } else {
            log.info("Loaded plugin {} ({} plugin classes)", location, registered);
            loadJdbcDrivers(loader, location);
            loaders.add(loader);
        }
    }

    /**
     * Whether a plugin was listed by a copy of Kafka's own API JARs that a plugin bundles by mistake:
     * connect-api lists its string and simple header converters, kafka-clients its config providers. Such a
     * copy would stand, by its class name, for the worker's own converter or provider for every connector; a
     * plugin that means to bring one of them lists it in its own JAR.
     */
    private static boolean inKafkaApiCopy(DiscoveredPlugin plugin) {
        String jar = PluginClassLoader.containingFile(plugin.serviceFile())
                .map(path -> path.getFileName().toString())
                .orElse("");
        boolean copy = jar.startsWith("connect-api-") || jar.startsWith("kafka-clients-");
        if (copy) {
            log.debug(
                    "Ignoring {} listed by {}, a copy of Kafka's API",
                    plugin.pluginClass().getName(),
                    jar);
        }
        return copy;
    }

    /**
     * Finds the plugin classes of a plugin that lists none in service files, by loading its classes, as Kafka
     * Connect 4.x does by default; says so, since reading service files is faster and surer.
     */
    private List<DiscoveredPlugin> scanClasses(PluginClassLoader loader, PluginAdapter adapter) {
        List<DiscoveredPlugin> found;
        try {
            found = PluginDiscovery.scanClasses(loader, loader.classPath(), adapter.interfaces())
                    .plugins();
        } catch (UncheckedIOException e) {
            problems.add(new PluginProblem(
                    loader.location(), "cannot be scanned (" + e.getCause() + "); rebuild the plugin"));
            return List.of();
        }
        if (!found.isEmpty()) {
            log.warn(
                    "Plugin {} lists its {} plugins in no service file; found {} by loading every class of it,"
                            + " which is slower. Add META-INF/services files for them (Kafka Connect's"
                            + " connect-plugin-path tool writes them)",
                    loader.location(),
                    adapter.name(),
                    found.size());
        }
        return found;
    }

    /**
     * Loads the JDBC drivers a plugin carries, as Kafka Connect does when it scans a plugin: a driver
     * registers itself with {@code DriverManager} when its class is made, and {@code DriverManager} then
     * hands it to the plugin's own classes only (it checks that the caller's class loader sees the same
     * driver class), so plugins with different versions of one driver each get theirs.
     */
    private void loadJdbcDrivers(PluginClassLoader loader, Path location) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return;
                }
                Driver driver = drivers.next();
                if (driver.getClass().getClassLoader() == loader) {
                    log.debug(
                            "Loaded JDBC driver {} of plugin {}",
                            driver.getClass().getName(),
                            location);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                log.warn(
                        "Plugin {} lists a JDBC driver that cannot be loaded; connections that need it will fail: {}",
                        location,
                        e.toString());
            }
        }
    }

    private void register(
            DiscoveredPlugin discovered,
            ClassLoader loader,
            String location,
            Path problemLocation,
            PluginAdapter adapter) {
        Class<?> pluginClass = discovered.pluginClass();
        try {
            String version = versionOf(pluginClass, loader, adapter);
            plugins.add(new RegisteredPlugin(discovered.type(), pluginClass, loader, version, location, adapter));
            log.debug(
                    "Found {} {} version {} in {}",
                    discovered.type().displayName(),
                    pluginClass.getName(),
                    version,
                    location);
        } catch (LinkageError e) {
            problems.add(new PluginProblem(
                    problemLocation,
                    "cannot use " + discovered.type().displayName() + " " + pluginClass.getName() + ": "
                            + linkFailure(e)));
        }
    }

    /**
     * The version a throwaway instance reports; for a class that is not {@link Versioned}, the
     * Implementation-Version of its JAR; {@code unknown} when neither is known or the class cannot be made
     * here (its constructor may need what only a running worker has).
     *
     * @throws LinkageError if the class or one it needs cannot be linked or initialized
     */
    private static String versionOf(Class<?> pluginClass, ClassLoader loader, PluginAdapter adapter) {
        LoaderSwap swap = LoaderSwap.to(loader);
        try (swap) {
            Object instance = pluginClass.getConstructor().newInstance();
            String reported = adapter != null
                    ? adapter.version(instance)
                    : instance instanceof Versioned versioned ? versioned.version() : null;
            if (reported != null && !reported.isBlank()) {
                return reported;
            }
            // Not Versioned: the Implementation-Version of the JAR that holds it, when its manifest has one.
            Package pluginPackage = pluginClass.getPackage();
            String jarVersion = pluginPackage == null ? null : pluginPackage.getImplementationVersion();
            return jarVersion == null || jarVersion.isBlank() ? Versioned.UNKNOWN_VERSION : jarVersion;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof LinkageError linkageError) {
                throw linkageError;
            }
            log.debug("Cannot read the version of {}: its constructor threw", pluginClass.getName(), e.getCause());
            return Versioned.UNKNOWN_VERSION;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Cannot read the version of {}", pluginClass.getName(), e);
            return Versioned.UNKNOWN_VERSION;
        }
    }

    private static String linkFailure(LinkageError e) {
        if (e instanceof ExceptionInInitializerError) {
            return "cannot be initialized: its static initializer threw " + e.getCause()
                    + "; fix the plugin or remove it";
        }
        return "cannot be linked (" + e + "): a class it needs is missing or incompatible; add the JAR that holds"
                + " it to the plugin, in a version that fits";
    }

    /** The JAR or folder on the runtime's class path that holds a built-in plugin's service file. */
    private static Path builtInLocation(URL serviceFile) {
        return PluginClassLoader.containingFile(serviceFile).orElse(Path.of(Plugins.BUILT_IN));
    }

    private static void close(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            log.warn(
                    "Cannot close the class loader of skipped plugin {}; its files stay open until exit",
                    loader.location(),
                    e);
        }
    }
}
