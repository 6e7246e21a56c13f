package io.tributary.maven.bundle;

import io.tributary.sdk.config.ConfigDef;
import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.connector.Connector;
import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;
import io.tributary.sdk.plugin.DiscoveredPlugin;
import io.tributary.sdk.plugin.DiscoveryProblem;
import io.tributary.sdk.plugin.PluginDiscovery;
import io.tributary.sdk.plugin.Versioned;
import io.tributary.sdk.transforms.Predicate;
import io.tributary.sdk.transforms.Transformation;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the plugin classes of a project's JAR through its {@code META-INF/services} files, with the SDK's
 * own discovery (the runtime's), and describes each: its kind, version and settings. The classes are
 * loaded with the project's libraries in a class loader of their own, the SDK from this plugin's.
 */
final class PluginDescriber {
    private PluginDescriber() {}

    /**
     * @param projectJar the JAR, or the folder of compiled classes, whose service files list the plugins
     * @param libraries the JARs its classes need
     * @return every plugin it lists, in service file order
     * @throws BundleException naming each listed class that cannot be a plugin, and why
     */
    static List<Component> describe(Path projectJar, List<Path> libraries) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(projectJar));
        libraries.forEach(library -> urls.add(url(library)));
        String jarUrl = url(projectJar).toString();
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), PluginDescriber.class.getClassLoader())) {
            PluginDiscovery.Result found = PluginDiscovery.discover(
                    loader,
                    serviceFile -> serviceFile.toString().startsWith("jar:" + jarUrl + "!")
                            || (jarUrl.endsWith("/") && serviceFile.toString().startsWith(jarUrl)));
            if (!found.problems().isEmpty()) {
                throw new BundleException(
                        "The project's service files list classes that cannot be plugins",
                        found.problems().stream().map(PluginDescriber::problem).toList());
            }
            List<Component> components = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (DiscoveredPlugin plugin : found.plugins()) {
                try {
                    components.add(describe(plugin, loader));
                } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
                    problems.add(notMade(plugin, e));
                }
            }
            if (!problems.isEmpty()) {
                throw new BundleException("Some plugin classes cannot be described", problems);
            }
            return components;
        } catch (IOException e) {
            throw new BundleException("Cannot read " + projectJar, List.of(e.toString()));
        }
    }

    /** Makes one plugin class with its loader as the context loader, and reads its version and settings. */
    static Component describe(DiscoveredPlugin plugin, ClassLoader loader) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object instance = plugin.pluginClass().getConstructor().newInstance();
            String version = instance instanceof Versioned versioned ? versioned.version() : "";
            ConfigDef definition = null;
            if (instance instanceof Connector connector) {
                definition = connector.config();
            } else if (instance instanceof Converter converter) {
                definition = converter.config();
            } else if (instance instanceof HeaderConverter converter) {
                definition = converter.config();
            } else if (instance instanceof Transformation<?> transformation) {
                definition = transformation.config();
            } else if (instance instanceof Predicate<?> predicate) {
                definition = predicate.config();
            }
            List<Component.Setting> settings = new ArrayList<>();
            if (definition != null) {
                for (ConfigKey key : definition.keys()) {
                    settings.add(new Component.Setting(
                            key.name(),
                            key.type().name(),
                            key.hasDefault() ? String.valueOf(key.defaultValue()) : null,
                            key.importance().name(),
                            key.documentation() == null ? "" : key.documentation(),
                            key.group() == null ? "" : key.group()));
                }
            }
            return new Component(
                    plugin.type().displayName(), plugin.className(), version == null ? "" : version, settings);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return the URL a class loader takes for a JAR or a folder */
    static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a file: " + file, e);
        }
    }

    /** @return a listed class that cannot be a plugin, said as the build reports it */
    static String problem(DiscoveryProblem problem) {
        return problem.className() + " (in " + problem.type().serviceFile() + ") " + problem.reason();
    }

    /** @return a plugin class that could not be made or described, said as the build reports it */
    static String notMade(DiscoveredPlugin plugin, Throwable failure) {
        return plugin.className() + " could not be made and asked for its settings (" + failure
                + "); its no-argument constructor and config() must work without a configuration";
    }
}
