package io.tributary.runtime.plugins;

import io.tributary.sdk.plugin.DiscoveredPlugin;
import io.tributary.sdk.plugin.PluginType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins in a plugin's JARs and classes folders by loading every class, for plugins written before
 * service files were usual: Kafka Connect 4.x does the same ({@code plugin.discovery=hybrid_warn}, its
 * default). Slower than reading service files, so the scanner does it only for a plugin that has none.
 */
final class ClassScan {
    private ClassScan() {}

    /**
     * @param loader the plugin's loader
     * @param interfaces for each kind of plugin, the interface its classes implement
     * @return the public, concrete classes with a public no-argument constructor that implement one of the
     *     interfaces, under that interface's kind
     */
    static List<DiscoveredPlugin> scan(PluginClassLoader loader, Map<PluginType, Class<?>> interfaces) {
        List<DiscoveredPlugin> found = new ArrayList<>();
        for (Path file : loader.classPath()) {
            URL location = url(file);
            for (String className : classNames(file)) {
                Class<?> candidate;
                try {
                    candidate = Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class whose dependencies the plugin does not carry is no plugin it can run.
                    continue;
                }
                if (!usable(candidate)) {
                    continue;
                }
                interfaces.forEach((type, pluginInterface) -> {
                    if (pluginInterface.isAssignableFrom(candidate)) {
                        found.add(new DiscoveredPlugin(type, candidate, location));
                    }
                });
            }
        }
        return found;
    }

    private static boolean usable(Class<?> candidate) {
        int modifiers = candidate.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || candidate.isInterface()) {
            return false;
        }
        if (candidate.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
            return false;
        }
        try {
            return Modifier.isPublic(candidate.getConstructor().getModifiers());
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
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
        if (!entry.endsWith(".class")
                || entry.startsWith("META-INF/")
                || entry.endsWith("module-info.class")
                || entry.endsWith("package-info.class")) {
            return;
        }
        names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Plugin file " + file + " has no URL form", e);
        }
    }
}
