package io.tributary.maven.bundle;

import io.tributary.sdk.plugin.PluginType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the {@code META-INF/services} files of a project's compiled plugin classes, for the kinds of
 * plugin whose file the author did not write: every public, concrete class with a public no-argument
 * constructor that implements an SDK plugin interface is listed in that interface's file. A file the author
 * wrote is left as it is. Abstract classes and classes without a public no-argument constructor are left
 * out, as the bases and helpers they usually are.
 */
public final class ServiceFiles {
    private ServiceFiles() {}

    /**
     * @param classesDirectory the compiled classes, where the files are written
     * @param classpath the JARs and folders the classes need
     * @return the files written, by interface, with the classes each lists; empty when none was needed
     * @throws BundleException if the classes cannot be read or the files written
     */
    public static Map<PluginType, List<String>> write(Path classesDirectory, List<Path> classpath) {
        Map<PluginType, List<String>> written = new LinkedHashMap<>();
        if (!Files.isDirectory(classesDirectory)) {
            return written;
        }
        List<URL> urls = new ArrayList<>();
        urls.add(PluginDescriber.url(classesDirectory));
        classpath.forEach(entry -> urls.add(PluginDescriber.url(entry)));
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ServiceFiles.class.getClassLoader());
                Stream<Path> tree = Files.walk(classesDirectory)) {
            List<String> classNames = tree.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classesDirectory.relativize(file).toString())
                    .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace('\\', '.')
                            .replace('/', '.'))
                    .sorted()
                    .toList();
            Map<PluginType, TreeSet<String>> found = new LinkedHashMap<>();
            for (String className : classNames) {
                Class<?> type;
                try {
                    type = Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue; // a class that needs what is not on the classpath cannot be a plugin here
                }
                if (!concrete(type)) {
                    continue;
                }
                for (PluginType kind : PluginType.values()) {
                    if (kind.pluginInterface().isAssignableFrom(type)) {
                        found.computeIfAbsent(kind, k -> new TreeSet<>()).add(className);
                    }
                }
            }
            for (Map.Entry<PluginType, TreeSet<String>> entry : found.entrySet()) {
                Path file = classesDirectory.resolve(entry.getKey().serviceFile());
                if (Files.exists(file)) {
                    continue; // the author's own list
                }
                Files.createDirectories(file.getParent());
                Files.writeString(
                        file,
                        "# Written by tributary-maven-plugin from the compiled classes\n"
                                + String.join("\n", entry.getValue()) + "\n",
                        StandardCharsets.UTF_8);
                written.put(entry.getKey(), List.copyOf(entry.getValue()));
            }
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException("Cannot write the service files of " + classesDirectory, List.of(e.toString()));
        }
    }

    private static boolean concrete(Class<?> type) {
        int modifiers = type.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers) || type.isInterface()) {
            return false;
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }
}
