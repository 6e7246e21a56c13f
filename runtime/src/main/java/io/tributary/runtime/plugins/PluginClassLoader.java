package io.tributary.runtime.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The class loader of one plugin. It looks in the plugin's own JARs and classes folders first, so a plugin
 * can bundle libraries in versions that differ from the runtime's and from other plugins', and falls back to
 * its parent for what the plugin does not hold.
 *
 * <p>Four kinds of class always come from the parent, whatever the plugin bundles, so that the runtime and
 * every plugin agree on them: the JDK's, the SDK's ({@code io.tributary.sdk.*}, the types through which the
 * runtime calls plugins), the logging API's ({@code org.slf4j.*}, so plugins log where the runtime logs), and
 * Kafka's API as Kafka Connect's runtime shares it ({@link #isKafkaApi(String)}: the Connect API and the
 * clients, through which the runtime runs Connect plugins).
 * Resources in those packages follow the same rule; every other resource is looked up in the plugin first.
 *
 * <p>Thread-safe; classes are loaded in parallel.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private static final List<String> SHARED_PREFIXES = List.of("java.", "io.tributary.sdk.", "org.slf4j.");
    private static final String KAFKA = "org.apache.kafka.";
    /** Packages under {@value #KAFKA} that hold Connect's own plugins rather than its API. */
    private static final List<String> PLUGIN_PACKAGES =
            List.of("connect.json.", "connect.file.", "connect.mirror.", "connect.converters.");

    private static final Set<String> JDK_PACKAGES = jdkPackages();

    private final Path location;
    private final List<Path> ownFiles;
    private final ClassLoader parent;

    /**
     * @param location the plugin's place on {@code plugin.path}: its folder, JAR or bundle ZIP; used in
     *     messages; never null
     * @param classPath the plugin's JARs and classes folders, in lookup order; never null
     * @param parent the loader that provides the JDK, the SDK, the logging API and whatever the plugin does
     *     not hold; never null
     */
    public PluginClassLoader(Path location, List<Path> classPath, ClassLoader parent) {
        super("plugin " + location.getFileName(), urls(classPath), Objects.requireNonNull(parent, "parent"));
        this.location = location;
        this.ownFiles =
                classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.parent = parent;
    }

    /** @return the plugin's place on {@code plugin.path}; never null */
    public Path location() {
        return location;
    }

    /** @return the plugin's JARs and classes folders, in lookup order; unmodifiable, never null */
    public List<Path> classPath() {
        return ownFiles;
    }

    /**
     * Tells whether a resource, such as a service file found through this loader, lies in the plugin's own
     * files rather than in the parent's.
     *
     * @param resource a resource URL returned by this loader; never null
     * @return true if it is in one of this plugin's JARs or classes folders
     */
    public boolean contains(URL resource) {
        return containingFile(resource)
                .map(file -> ownFiles.stream().anyMatch(file::startsWith))
                .orElse(false);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (isShared(packageOfClass(name))) {
                    loaded = parent.loadClass(name);
                } else if (isKafkaApi(name)) {
                    // The runtime's first; a Kafka class the runtime does not have (Connect's runtime) may be the
                    // plugin's.
                    try {
                        loaded = parent.loadClass(name);
                    } catch (ClassNotFoundException notInRuntime) {
                        loaded = findClass(name);
                    }
                } else {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInPlugin) {
                        loaded = parent.loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        Objects.requireNonNull(name, "name");
        if (isShared(packageOfResource(name)) || isKafkaApiPackage(packageOfResource(name))) {
            return parent.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : parent.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (isShared(packageOfResource(name)) || isKafkaApiPackage(packageOfResource(name))) {
            return parent.getResources(name);
        }
        List<URL> found = new ArrayList<>(Collections.list(findResources(name)));
        found.addAll(Collections.list(parent.getResources(name)));
        return Collections.enumeration(found);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + location + "]";
    }

    /**
     * The JAR or folder a resource URL points into: the JAR of a {@code jar:file:...!/entry} URL, the file
     * itself for a {@code file:} URL.
     */
    static Optional<Path> containingFile(URL resource) {
        String spec = resource.toString();
        if ("jar".equals(resource.getProtocol())) {
            int separator = spec.indexOf("!/");
            spec = spec.substring("jar:".length(), separator >= 0 ? separator : spec.length());
        }
        try {
            URI uri = new URI(spec);
            if (!"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            return Optional.of(Path.of(uri).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** True for packages whose classes and resources always come from the parent. */
    static boolean isShared(String packageName) {
        if (JDK_PACKAGES.contains(packageName)) {
            return true;
        }
        String prefixed = packageName + ".";
        return SHARED_PREFIXES.stream().anyMatch(prefixed::startsWith);
    }

    /**
     * True for Kafka's classes that the runtime provides to every plugin, as Kafka Connect's own runtime does:
     * Connect's plugin API and the Kafka clients. Connect's own plugins, which plugins may bundle in their own
     * versions, are not: the transformations and predicates (though not their two interfaces), the JSON,
     * file and mirror connectors and converters, the converters of {@code connect.converters}, the string and
     * simple header converters, and the config providers (though not their interface).
     */
    static boolean isKafkaApi(String className) {
        if (!className.startsWith(KAFKA)) {
            return false;
        }
        String name = className.substring(KAFKA.length());
        if (name.startsWith("connect.transforms.")) {
            return name.equals("connect.transforms.Transformation")
                    || name.equals("connect.transforms.predicates.Predicate");
        }
        if (name.startsWith("common.config.provider.")) {
            return name.equals("common.config.provider.ConfigProvider");
        }
        return !name.equals("connect.storage.StringConverter")
                && !name.equals("connect.storage.SimpleHeaderConverter")
                && PLUGIN_PACKAGES.stream().noneMatch(name::startsWith);
    }

    /** The package-level part of {@link #isKafkaApi(String)}, for resources. */
    static boolean isKafkaApiPackage(String packageName) {
        String prefixed = packageName + ".";
        if (!prefixed.startsWith(KAFKA)) {
            return false;
        }
        String name = prefixed.substring(KAFKA.length());
        return !name.startsWith("connect.transforms.")
                && !name.startsWith("common.config.provider.")
                && PLUGIN_PACKAGES.stream().noneMatch(name::startsWith);
    }

    private static String packageOfClass(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String packageOfResource(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
    }

    /**
     * The packages of the JDK's modules. A name list such as {@code javax.*} would be wrong both ways: some
     * {@code javax} packages are not in the JDK (and plugins bundle them), while {@code sun.*} and {@code
     * com.sun.*} packages are.
     */
    private static Set<String> jdkPackages() {
        Set<String> packages = new HashSet<>();
        for (Module module : ModuleLayer.boot().modules()) {
            String name = module.getName();
            if (name.startsWith("java.") || name.startsWith("jdk.")) {
                packages.addAll(module.getPackages());
            }
        }
        return Set.copyOf(packages);
    }

    private static URL[] urls(List<Path> classPath) {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Plugin file " + classPath.get(i) + " has no URL form", e);
            }
        }
        return urls;
    }
}
