package io.tributary.runtime.plugins;

import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.source.SourceConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugins for tests: compiles small classes against the SDK with the JDK's compiler, and writes
 * them into JARs, folders and bundle ZIPs with their service files.
 */
final class TestPlugins {

    /** The library class two plugins bundle in different versions. */
    static final String GREETING = "com.example.lib.Greeting";

    private TestPlugins() {}

    /**
     * Compiles sources against the SDK.
     *
     * @param work a folder for sources and classes
     * @param sources fully qualified class name to source code
     * @return the class files, as JAR entry name to bytes
     */
    static Map<String, byte[]> compile(Path work, Map<String, String> sources) {
        return compile(work, sources, List.of());
    }

    /**
     * Compiles sources against the SDK and the JARs that hold some more classes, such as Kafka Connect's API.
     *
     * @param work a folder for sources and classes
     * @param sources fully qualified class name to source code
     * @param classPathOf classes whose JARs go on the class path too
     * @return the class files, as JAR entry name to bytes
     */
    static Map<String, byte[]> compile(Path work, Map<String, String> sources, List<Class<?>> classPathOf) {
        try {
            Path sourceRoot = Files.createTempDirectory(work, "src");
            Path classes = Files.createTempDirectory(work, "classes");
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, source.getValue()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            List<String> arguments = new ArrayList<>(
                    List.of("-proc:none", "-d", classes.toString(), "-classpath", classPath(classPathOf)));
            files.forEach(file -> arguments.add(file.toString()));
            int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError(
                        "Test plugin sources do not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
            }
            return entries(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class files of one package, as entry name to bytes. */
    static Map<String, byte[]> inPackage(Map<String, byte[]> classes, String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        Map<String, byte[]> selected = new TreeMap<>();
        classes.forEach((name, bytes) -> {
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                selected.put(name, bytes);
            }
        });
        if (selected.isEmpty()) {
            throw new AssertionError("No compiled classes in package " + packageName + ": " + classes.keySet());
        }
        return selected;
    }

    /** A service file entry listing classes as plugins of a kind. */
    static Map<String, byte[]> services(PluginType type, String... classNames) {
        return Map.of(type.serviceFile(), bytes(String.join("\n", classNames) + "\n"));
    }

    /** The class file of a class on the test class path, as its JAR entry. */
    static Map<String, byte[]> classFileOf(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            return Map.of(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a JAR with the given entries. */
    @SafeVarargs
    static Path jar(Path file, Map<String, byte[]>... contents) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    JarOutputStream jar = new JarOutputStream(out)) {
                for (Map<String, byte[]> content : contents) {
                    for (Map.Entry<String, byte[]> entry : content.entrySet()) {
                        jar.putNextEntry(new JarEntry(entry.getKey()));
                        jar.write(entry.getValue());
                        jar.closeEntry();
                    }
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a ZIP with the given entries, in order, names as given. */
    static Path zip(Path file, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a bundle ZIP laid out as the packaging plugin builds it: one top folder with {@code
     * manifest.json}, the JARs in {@code lib/}, and {@code doc/} and {@code etc/}.
     */
    static Path bundle(Path file, String topFolder, Map<String, Path> libJars) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(topFolder + "/manifest.json", bytes("{\"name\": \"" + topFolder + "\", \"version\": \"1.0\"}"));
        libJars.forEach((name, jar) -> entries.put(topFolder + "/lib/" + name, read(jar)));
        entries.put(topFolder + "/doc/README.md", bytes("# " + topFolder + "\n"));
        entries.put(topFolder + "/etc/connector.properties", bytes("name=" + topFolder + "\n"));
        return zip(file, entries);
    }

    /**
     * The source of a source connector whose {@code toString()} returns the given expression. The field
     * {@code contextLoaderAtConstruction} holds the context class loader its constructor ran with.
     */
    static String sourceConnector(String className, String version, String toStringExpression) {
        return sourceConnector(className, version, toStringExpression, "");
    }

    /** As {@link #sourceConnector(String, String, String)}, with statements for the constructor. */
    static String sourceConnector(String className, String version, String toStringExpression, String constructor) {
        int dot = className.lastIndexOf('.');
        return """
            package %s;

            public class %s implements io.tributary.sdk.source.SourceConnector {
                private final ClassLoader contextLoaderAtConstruction =
                        Thread.currentThread().getContextClassLoader();

                public %s() {
                    %s
                }

                public String version() { return "%s"; }
                public io.tributary.sdk.config.ConfigDef config() {
                    return io.tributary.sdk.config.ConfigDef.empty();
                }
                public void start(io.tributary.sdk.source.SourceConnectorContext context) {}
                public Class<? extends io.tributary.sdk.source.SourceTask> taskClass() { return null; }
                public java.util.List<java.util.Map<String, String>> taskConfigs(int maxTasks) {
                    return java.util.List.of();
                }
                public void stop() {}
                @Override public String toString() { return %s; }
            }
            """.formatted(
                        className.substring(0, dot),
                        className.substring(dot + 1),
                        className.substring(dot + 1),
                        constructor,
                        version,
                        toStringExpression);
    }

    /** The source of {@value #GREETING}, whose {@code text()} and {@code get()} return the given text. */
    static String greeting(String text) {
        return """
            package com.example.lib;

            public class Greeting implements java.util.function.Supplier<String> {
                public static String text() { return "%s"; }
                public String get() { return text(); }
            }
            """.formatted(text);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems reported for places under a folder, leaving out any of the test class path's. */
    static List<PluginProblem> problemsUnder(Plugins plugins, Path folder) {
        return plugins.problems().stream()
                .filter(problem -> problem.location().startsWith(folder))
                .toList();
    }

    /** The plugins loaded from {@code plugin.path}, leaving out built-in ones. */
    static List<PluginDescriptor> fromPluginPath(Plugins plugins) {
        return plugins.plugins().stream().filter(p -> !p.builtIn()).toList();
    }

    private static String classPath(List<Class<?>> classPathOf) {
        List<String> entries = new ArrayList<>(List.of(sdkLocation().toString()));
        for (Class<?> type : classPathOf) {
            entries.add(locationOf(type).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sdkLocation() {
        try {
            return Path.of(SourceConnector.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> entries(Path classes) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }
}
