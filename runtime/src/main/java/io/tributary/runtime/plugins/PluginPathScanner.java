package io.tributary.runtime.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the entries of {@code plugin.path} into plugins, each with the JARs and classes folders its class
 * loader will search. An entry is a folder whose children are plugins, or itself a JAR or a bundle ZIP. A
 * plugin is one of:
 *
 * <ul>
 *   <li>a JAR;
 *   <li>a bundle ZIP, extracted by {@link BundleExtractor}; its class path is {@code lib/*.jar};
 *   <li>a folder: its JARs at any depth, plus the folder itself as a classes folder when it holds {@code
 *       .class} files or a {@code META-INF} folder outside its JARs.
 * </ul>
 *
 * <p>A plugin that carries its own copy of the SDK is refused: its SDK classes would never be used (the SDK
 * always comes from the runtime), and a copy in another version hides mistakes until a method is missing.
 */
final class PluginPathScanner {

    /** One plugin: where it is on {@code plugin.path}, and what its class loader searches. */
    record PluginSource(Path location, List<Path> classPath) {
        PluginSource {
            classPath = List.copyOf(classPath);
        }
    }

    /** What a scan of {@code plugin.path} found. */
    record Result(List<PluginSource> sources, List<PluginProblem> problems) {
        Result {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PluginPathScanner.class);
    private static final String SDK_CLASSES = "io/tributary/sdk/";

    private final BundleExtractor extractor;

    /** @param extractor extracts the bundle ZIPs found */
    PluginPathScanner(BundleExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * @param pluginPath the entries of {@code plugin.path}, in order
     * @return the plugins found, in {@code plugin.path} order and by name within a folder, and the problems
     */
    Result scan(List<Path> pluginPath) {
        List<PluginSource> sources = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        for (Path entry : pluginPath) {
            Path location = entry.toAbsolutePath().normalize();
            try {
                for (Path plugin : pluginsIn(location)) {
                    try {
                        sources.add(source(plugin));
                    } catch (InvalidPluginException e) {
                        problems.add(new PluginProblem(plugin, e.getMessage()));
                    }
                }
            } catch (InvalidPluginException e) {
                problems.add(new PluginProblem(location, e.getMessage()));
            }
        }
        return new Result(sources, problems);
    }

    /** The plugins a {@code plugin.path} entry stands for: itself if a JAR or ZIP, else its children. */
    private static List<Path> pluginsIn(Path entry) throws InvalidPluginException {
        if (Files.isRegularFile(entry)) {
            if (isJar(entry) || isZip(entry)) {
                return List.of(entry);
            }
            throw new InvalidPluginException("is neither a folder, a JAR nor a ZIP; plugin.path lists folders of"
                    + " plugins, plugin JARs and bundle ZIPs");
        }
        if (!Files.isDirectory(entry)) {
            throw new InvalidPluginException("does not exist or cannot be read; correct plugin.path");
        }
        List<Path> plugins = new ArrayList<>();
        for (Path child : list(entry)) {
            if (child.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(child) || (Files.isRegularFile(child) && (isJar(child) || isZip(child)))) {
                plugins.add(child);
            } else {
                log.debug("Ignoring {} on plugin.path: a plugin is a folder, a JAR or a bundle ZIP", child);
            }
        }
        return plugins;
    }

    private PluginSource source(Path plugin) throws InvalidPluginException {
        if (isJar(plugin)) {
            checkNoSdkCopy(plugin.getParent(), plugin);
            return new PluginSource(plugin, List.of(plugin));
        }
        if (isZip(plugin)) {
            Path bundle = extractor.extract(plugin);
            Path lib = bundle.resolve("lib");
            List<Path> jars = Files.isDirectory(lib)
                    ? list(lib).stream().filter(PluginPathScanner::isJar).toList()
                    : List.of();
            if (jars.isEmpty()) {
                throw new InvalidPluginException("has no JARs in " + bundle.getFileName() + "/lib/; a bundle keeps"
                        + " the plugin's JARs and their dependencies there");
            }
            for (Path jar : jars) {
                checkNoSdkCopy(bundle, jar);
            }
            return new PluginSource(plugin, jars);
        }
        return folderSource(plugin);
    }

    private static PluginSource folderSource(Path folder) throws InvalidPluginException {
        List<Path> jars = new ArrayList<>();
        boolean hasClasses = Files.isDirectory(folder.resolve("META-INF"));
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                if (isJar(file)) {
                    jars.add(file);
                } else if (file.getFileName().toString().endsWith(".class")) {
                    hasClasses = true;
                }
            }
        } catch (IOException e) {
            throw new InvalidPluginException("cannot be read (" + e + "); check its permissions", e);
        }
        List<Path> classPath = new ArrayList<>();
        if (hasClasses) {
            checkNoSdkCopy(folder, folder);
            classPath.add(folder);
        }
        for (Path jar : jars) {
            checkNoSdkCopy(folder, jar);
            classPath.add(jar);
        }
        if (classPath.isEmpty()) {
            throw new InvalidPluginException("holds no JARs and no classes; put the plugin's JARs in it, or remove"
                    + " it from the plugin.path folder");
        }
        return new PluginSource(folder, classPath);
    }

    /**
     * Refuses a JAR or classes folder that holds SDK classes.
     *
     * @param root what the file is shown relative to in messages
     * @param jarOrFolder a JAR or classes folder of the plugin
     */
    private static void checkNoSdkCopy(Path root, Path jarOrFolder) throws InvalidPluginException {
        Optional<String> sdkClass =
                Files.isDirectory(jarOrFolder) ? sdkClassIn(jarOrFolder) : sdkClassInJar(jarOrFolder);
        if (sdkClass.isPresent()) {
            Path shown = root.relativize(jarOrFolder);
            throw new InvalidPluginException("bundles its own copy of the Tributary SDK (" + sdkClass.get() + " in "
                    + (shown.toString().isEmpty() ? "its classes folder" : shown) + "); the runtime provides the"
                    + " SDK, so mark the tributary-sdk dependency <scope>provided</scope> and rebuild the plugin");
        }
    }

    private static Optional<String> sdkClassInJar(Path jar) throws InvalidPluginException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith(SDK_CLASSES) && name.endsWith(".class"))
                    .findFirst();
        } catch (ZipException e) {
            throw new InvalidPluginException(
                    "has an unreadable JAR " + jar.getFileName() + " (" + e.getMessage() + "); rebuild or remove it",
                    e);
        } catch (IOException e) {
            throw new InvalidPluginException("cannot read " + jar + " (" + e + "); check its permissions", e);
        }
    }

    private static Optional<String> sdkClassIn(Path classesFolder) throws InvalidPluginException {
        Path sdk = classesFolder.resolve(SDK_CLASSES);
        if (!Files.isDirectory(sdk)) {
            return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(sdk)) {
            return walk.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .map(file -> classesFolder.relativize(file).toString().replace('\\', '/'))
                    .findFirst();
        } catch (IOException e) {
            throw new InvalidPluginException("cannot be read (" + e + "); check its permissions", e);
        }
    }

    private static List<Path> list(Path folder) throws InvalidPluginException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted(Comparator.comparing(Path::getFileName)).toList();
        } catch (IOException e) {
            throw new InvalidPluginException("cannot be listed (" + e + "); check its permissions", e);
        }
    }

    private static boolean isJar(Path file) {
        return hasExtension(file, ".jar") && !Files.isDirectory(file);
    }

    private static boolean isZip(Path file) {
        return hasExtension(file, ".zip") && !Files.isDirectory(file);
    }

    private static boolean hasExtension(Path file, String extension) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension);
    }
}
