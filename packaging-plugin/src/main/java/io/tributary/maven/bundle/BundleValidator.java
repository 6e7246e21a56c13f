package io.tributary.maven.bundle;

import io.tributary.sdk.plugin.DiscoveredPlugin;
import io.tributary.sdk.plugin.PluginDiscovery;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.plugin.Versioned;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a built bundle the way a worker will meet it: its {@code lib/} JARs are loaded in a class loader
 * of their own with the SDK's discovery, the runtime's, and each plugin class is made and asked for its
 * version and settings. It also refuses what would break on a worker: a bundled copy of the SDK or of
 * kafka-clients, which would shadow the worker's; packages split between JARs; and a class in two JARs
 * with different content, where which one loads depends on the order of the JARs.
 */
public final class BundleValidator {
    /** Packages a worker provides, and the artifact that holds them, for the messages. */
    private static final Map<String, String> PROVIDED_PACKAGES = Map.of(
            "io/tributary/sdk/", "the Tributary SDK (io.tributary:tributary-sdk)",
            "org/apache/kafka/clients/", "kafka-clients (org.apache.kafka:kafka-clients)",
            "org/apache/kafka/common/", "kafka-clients (org.apache.kafka:kafka-clients)");

    /** What a check found: the plugin classes it loaded, and every problem. */
    public record Report(List<Component> components, List<String> problems) {
        /** Copies the lists. */
        public Report {
            components = List.copyOf(components);
            problems = List.copyOf(problems);
        }
    }

    private BundleValidator() {}

    /**
     * @param bundle the bundle ZIP
     * @param workDirectory where its JARs are unpacked to be loaded
     * @return what it holds, and its problems; none when it is fit for a worker
     * @throws BundleException if the ZIP cannot be read or is not a bundle
     */
    public static Report validate(Path bundle, Path workDirectory) {
        List<String> problems = new ArrayList<>();
        List<Path> jars = unpackLibraries(bundle, workDirectory);
        if (jars.isEmpty()) {
            throw new BundleException(
                    "Not a bundle: " + bundle,
                    List.of("it has no <top folder>/lib/*.jar; build it with the bundle goal"));
        }
        // Each class entry, by name: the JAR it is in and its CRC, to find split packages and clashes.
        Map<String, Map<String, Long>> classes = new TreeMap<>();
        Map<String, Set<String>> packages = new TreeMap<>();
        for (Path jar : jars) {
            String jarName = jar.getFileName().toString();
            Set<String> reported = new TreeSet<>();
            try (ZipFile file = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!name.endsWith(".class")
                            || name.startsWith("META-INF/")
                            || name.endsWith("module-info.class")) {
                        continue;
                    }
                    PROVIDED_PACKAGES.forEach((prefix, what) -> {
                        if (name.startsWith(prefix) && reported.add(what)) {
                            problems.add("lib/" + jarName + " holds a copy of " + what + ", which every worker"
                                    + " provides and the copy would shadow; give that dependency the provided scope");
                        }
                    });
                    classes.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(jarName, entry.getCrc());
                    int slash = name.lastIndexOf('/');
                    String pkg = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
                    packages.computeIfAbsent(pkg, p -> new TreeSet<>()).add(jarName);
                }
            } catch (IOException e) {
                problems.add("lib/" + jarName + " cannot be read as a JAR (" + e + ")");
            }
        }
        packages.forEach((pkg, inJars) -> {
            if (inJars.size() > 1 && !pkg.isEmpty()) {
                problems.add("package " + pkg + " is split between lib/" + String.join(", lib/", inJars)
                        + ": which JAR a class of it comes from depends on their order; keep one JAR per package");
            }
        });
        classes.forEach((name, inJars) -> {
            if (inJars.size() > 1 && Set.copyOf(inJars.values()).size() > 1) {
                problems.add(name.replace('/', '.').replaceAll("\\.class$", "") + " differs between lib/"
                        + String.join(", lib/", inJars.keySet())
                        + ": two versions of one library are bundled; exclude one of them");
            }
        });
        List<Component> components = loadPlugins(jars, problems);
        if (components.isEmpty() && problems.isEmpty()) {
            problems.add("no plugin class is listed in the META-INF/services files of lib/; a worker would load"
                    + " nothing from it");
        }
        return new Report(components, problems);
    }

    private static List<Component> loadPlugins(List<Path> jars, List<String> problems) {
        List<URL> urls = new ArrayList<>();
        jars.forEach(jar -> urls.add(PluginDescriber.url(jar)));
        Set<String> inside = new TreeSet<>();
        urls.forEach(url -> inside.add("jar:" + url + "!"));
        List<Component> components = new ArrayList<>();
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), BundleValidator.class.getClassLoader())) {
            PluginDiscovery.Result found = PluginDiscovery.discover(
                    loader,
                    serviceFile -> inside.stream()
                            .anyMatch(prefix -> serviceFile.toString().startsWith(prefix)));
            found.problems().forEach(p -> problems.add(PluginDescriber.problem(p)));
            for (DiscoveredPlugin plugin : found.plugins()) {
                try {
                    Component component = PluginDescriber.describe(plugin, loader);
                    boolean versioned = Versioned.class.isAssignableFrom(plugin.pluginClass());
                    boolean connector = plugin.type() == PluginType.SOURCE || plugin.type() == PluginType.SINK;
                    if (connector && (!versioned || component.version().isBlank())) {
                        problems.add(plugin.className() + " gives no version; return one from version(), such as"
                                + " the project's version");
                    }
                    components.add(component);
                } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
                    problems.add(PluginDescriber.notMade(plugin, e));
                }
            }
        } catch (IOException e) {
            problems.add("The bundle's JARs could not be closed (" + e + ")");
        }
        return components;
    }

    /** Unpacks {@code <top>/lib/*.jar} into the work folder. */
    private static List<Path> unpackLibraries(Path bundle, Path workDirectory) {
        List<Path> jars = new ArrayList<>();
        try (InputStream in = Files.newInputStream(bundle);
                ZipInputStream zip = new ZipInputStream(in)) {
            Files.createDirectories(workDirectory);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String[] parts = entry.getName().split("/");
                if (parts.length == 3 && parts[1].equals("lib") && parts[2].endsWith(".jar")) {
                    Path jar = workDirectory.resolve(parts[2]);
                    Files.copy(zip, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    jars.add(jar);
                }
            }
        } catch (IOException e) {
            throw new BundleException("Cannot read the bundle " + bundle, List.of(e.toString()));
        }
        return jars;
    }
}
