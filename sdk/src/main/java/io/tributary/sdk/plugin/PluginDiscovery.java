package io.tributary.sdk.plugin;

import io.tributary.sdk.annotation.Stable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins the way {@link java.util.ServiceLoader} does, through {@code META-INF/services} files,
 * but without instantiating them and without stopping at the first broken entry. The runtime uses it
 * to scan each plugin on {@code plugin.path} and the packaging plugin to check a bundle before it is
 * built, so both agree on what a plugin contains.
 *
 * <pre>{@code
 * PluginDiscovery.Result found = PluginDiscovery.discover(pluginLoader, url -> isInsidePlugin(url));
 * found.plugins().forEach(p -> register(p.type(), p.pluginClass()));
 * found.problems().forEach(p -> log.warn("Skipping plugin {}", p));
 * }</pre>
 *
 * <p>Classes are loaded without running their static initializers. Thread-safe.
 */
@Stable
public final class PluginDiscovery {

    /**
     * What a scan found.
     *
     * @param plugins usable plugins, in service file order; unmodifiable, never null
     * @param problems entries that could not be used; unmodifiable, never null
     */
    public record Result(List<DiscoveredPlugin> plugins, List<DiscoveryProblem> problems) {
        /** Copies the lists. */
        public Result {
            plugins = List.copyOf(plugins);
            problems = List.copyOf(problems);
        }

        /**
         * @param type a kind of plugin
         * @return the usable plugins of that kind; unmodifiable, never null
         */
        public List<DiscoveredPlugin> plugins(PluginType type) {
            return plugins.stream().filter(p -> p.type() == type).toList();
        }
    }

    private PluginDiscovery() {}

    /**
     * Scans every service file the class loader can see, including its parents'.
     *
     * @param loader the class loader to scan and load classes with; never null
     * @return what was found; never null
     * @throws UncheckedIOException if a service file cannot be read
     */
    public static Result discover(ClassLoader loader) {
        return discover(loader, url -> true);
    }

    /**
     * Scans the service files the class loader can see that pass a filter, such as those inside one
     * plugin's JARs, leaving out those of its parent loaders.
     *
     * @param loader the class loader to scan and load classes with; never null
     * @param includeServiceFile true for each service file to read; never null
     * @return what was found; never null
     * @throws UncheckedIOException if a service file cannot be read
     */
    public static Result discover(ClassLoader loader, Predicate<URL> includeServiceFile) {
        Map<PluginType, Class<?>> interfaces = new LinkedHashMap<>();
        for (PluginType type : PluginType.values()) {
            interfaces.put(type, type.pluginInterface());
        }
        return discover(loader, includeServiceFile, interfaces);
    }

    /**
     * Scans the service files of other interfaces than the SDK's, such as those of another plugin API that a
     * runtime adapts to the SDK, with the same rules: each listed class must implement the interface, be
     * public and concrete, and have a public no-argument constructor.
     *
     * @param loader the class loader to scan and load classes with; never null
     * @param includeServiceFile true for each service file to read; never null
     * @param interfaces for each kind of plugin, the interface whose service file lists such plugins
     *     ({@code META-INF/services/} and its name); never null
     * @return what was found, each plugin under the kind of the interface it was listed for; never null
     * @throws UncheckedIOException if a service file cannot be read
     */
    public static Result discover(
            ClassLoader loader, Predicate<URL> includeServiceFile, Map<PluginType, Class<?>> interfaces) {
        List<DiscoveredPlugin> plugins = new ArrayList<>();
        List<DiscoveryProblem> problems = new ArrayList<>();
        for (Map.Entry<PluginType, Class<?>> kind : interfaces.entrySet()) {
            PluginType type = kind.getKey();
            Class<?> pluginInterface = kind.getValue();
            for (URL serviceFile : resources(loader, "META-INF/services/" + pluginInterface.getName())) {
                if (!includeServiceFile.test(serviceFile)) {
                    continue;
                }
                for (String className : classNames(serviceFile)) {
                    String reason = null;
                    Class<?> pluginClass = null;
                    try {
                        pluginClass = Class.forName(className, false, loader);
                        reason = unusableBecause(pluginInterface, pluginClass);
                    } catch (ClassNotFoundException e) {
                        reason = "class not found; check the name, or add the JAR that holds it";
                    } catch (LinkageError e) {
                        reason = "class cannot be loaded (" + e + "); a class it needs is missing or incompatible";
                    }
                    if (reason == null) {
                        plugins.add(new DiscoveredPlugin(type, pluginClass, serviceFile));
                    } else {
                        problems.add(new DiscoveryProblem(type, className, serviceFile, reason));
                    }
                }
            }
        }
        return new Result(plugins, problems);
    }

    /**
     * Finds plugins by loading every class of some JARs and classes folders, for plugins that list their
     * classes in no service file (Kafka Connect 4.x scans them so by default). Slower than reading service
     * files: use it for such plugins only. A class that cannot be loaded, or does not implement an interface,
     * or cannot be made (not public, abstract, an inner class, no public no-argument constructor), is left out
     * without a problem: most classes of a JAR are not plugins.
     *
     * @param loader the class loader to load the classes with; never null
     * @param classPath the JARs and classes folders whose classes to load; never null
     * @param interfaces for each kind of plugin, the interface its classes implement; never null
     * @return the plugins found, each under the kind of the interface it implements, its "service file" the
     *     JAR or folder it was found in; never null
     * @throws UncheckedIOException if a JAR or folder cannot be read
     */
    public static Result scanClasses(ClassLoader loader, List<Path> classPath, Map<PluginType, Class<?>> interfaces) {
        List<DiscoveredPlugin> plugins = new ArrayList<>();
        for (Path file : classPath) {
            URL location = url(file);
            for (String className : classNames(file)) {
                Class<?> candidate;
                try {
                    candidate = Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                for (Map.Entry<PluginType, Class<?>> kind : interfaces.entrySet()) {
                    if (unusableBecause(kind.getValue(), candidate) == null) {
                        plugins.add(new DiscoveredPlugin(kind.getKey(), candidate, location));
                    }
                }
            }
        }
        return new Result(plugins, List.of());
    }

    private static List<String> classNames(Path file) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(file)) {
                try (Stream<Path> walk = Files.walk(file)) {
                    walk.filter(Files::isRegularFile)
                            .map(path -> file.relativize(path).toString().replace('\\', '/'))
                            .forEach(entry -> addClassName(entry, names));
                }
            } else {
                try (JarFile jar = new JarFile(file.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        addClassName(entries.nextElement().getName(), names);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes of " + file, e);
        }
        return names;
    }

    private static void addClassName(String entry, List<String> names) {
        if (entry.endsWith(".class")
                && !entry.startsWith("META-INF/")
                && !entry.endsWith("module-info.class")
                && !entry.endsWith("package-info.class")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Plugin file " + file + " has no URL form", e);
        }
    }

    private static String unusableBecause(Class<?> pluginInterface, Class<?> pluginClass) {
        if (!pluginInterface.isAssignableFrom(pluginClass)) {
            return "does not implement " + pluginInterface.getName()
                    + "; list it in the service file of the interface it implements";
        }
        int modifiers = pluginClass.getModifiers();
        if (!Modifier.isPublic(modifiers)) {
            return "is not public; make the class public";
        }
        if (Modifier.isAbstract(modifiers) || pluginClass.isInterface()) {
            return "is abstract; list only concrete classes";
        }
        if (pluginClass.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
            return "is an inner class; make it a static nested or top-level class";
        }
        try {
            if (!Modifier.isPublic(pluginClass.getConstructor().getModifiers())) {
                return "has no public no-argument constructor; add one";
            }
        } catch (NoSuchMethodException e) {
            return "has no public no-argument constructor; add one";
        } catch (LinkageError e) {
            return "class cannot be loaded (" + e + "); a class it needs is missing or incompatible";
        }
        return null;
    }

    private static List<URL> resources(ClassLoader loader, String name) {
        try {
            return Collections.list(loader.getResources(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + name + " resources of " + loader, e);
        }
    }

    private static Set<String> classNames(URL serviceFile) {
        Set<String> names = new LinkedHashSet<>();
        try {
            URLConnection connection = serviceFile.openConnection();
            // A cached JarFile would stay open and keep the plugin's JAR locked after the scan.
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read service file " + serviceFile, e);
        }
        return names;
    }
}
