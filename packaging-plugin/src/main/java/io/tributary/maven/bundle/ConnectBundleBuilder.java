package io.tributary.maven.bundle;

import io.tributary.sdk.plugin.DiscoveredPlugin;
import io.tributary.sdk.plugin.PluginDiscovery;
import io.tributary.sdk.plugin.PluginType;
import io.tributary.sdk.sink.SinkTask;
import io.tributary.sdk.source.SourceTask;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a connector's Connect bundle, {@code <owner>-<name>-<version>-connect.zip}, which Apache Kafka Connect
 * loads from its {@code plugin.path} once unpacked there. It is laid out as the Tributary bundle is, and its
 * {@code lib/} holds what Connect does not provide: the project's JAR and its runtime dependencies, the
 * Tributary SDK, the adapter library ({@code tributary-connect-adapter}), and a JAR of generated Connect classes,
 * one per SDK connector, task, transformation, predicate, converter and header converter, named by {@link
 * io.tributary.connect.ConnectNames}. The manifest and configuration reference name those classes, the ones a
 * Connect user configures. Config providers have no Connect class: Connect loads its config providers from the
 * worker's own settings, not a connector's bundle.
 */
public final class ConnectBundleBuilder {
    /** What Kafka Connect provides its plugins: a Connect bundle never holds these, nor what they bring in. */
    static final Set<String> PROVIDED = Set.of(
            "org.apache.kafka:kafka-clients", "org.apache.kafka:connect-api", "org.apache.kafka:connect-runtime");

    /**
     * What was built.
     *
     * @param zip the Connect bundle
     * @param components the Connect classes it lists, each with the SDK plugin's kind, version and settings
     * @param tasks the Connect classes made for the SDK tasks
     * @param libraries the JARs in its {@code lib/}
     */
    public record Result(Path zip, List<Component> components, List<String> tasks, List<String> libraries) {}

    private ConnectBundleBuilder() {}

    /**
     * @param request the project and its files
     * @param sdkJar the Tributary SDK's JAR
     * @param adapterJar the adapter library's JAR
     * @return the Connect bundle and what it holds
     * @throws BundleException if the project's plugin classes are unusable, a generated name is taken, or the
     *     files cannot be written
     */
    public static Result build(BundleRequest request, Path sdkJar, Path adapterJar) {
        List<BundleRequest.Library> kept = new ArrayList<>();
        for (BundleRequest.Library library : BundleBuilder.runtimeLibraries(request, new LinkedHashSet<>())) {
            if (!PROVIDED.contains(library.key()) && library.trail().stream().noneMatch(PROVIDED::contains)) {
                kept.add(library);
            }
        }
        List<Path> classPath = new ArrayList<>();
        kept.forEach(library -> classPath.add(library.file()));
        List<Component> sdkComponents = PluginDescriber.describe(request.projectJar(), classPath);

        List<ConnectClasses.Adapted> adapted = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        Map<String, Set<String>> kindsOfClass = new LinkedHashMap<>();
        // A config provider gets no Connect class, so a class that is one as well counts as its other kinds.
        sdkComponents.stream()
                .filter(c -> ConnectClasses.Kind.ofComponent(c.kind()) != null)
                .forEach(c -> kindsOfClass
                        .computeIfAbsent(c.className(), name -> new LinkedHashSet<>())
                        .add(c.kind()));
        for (Component component : sdkComponents) {
            ConnectClasses.Kind kind = ConnectClasses.Kind.ofComponent(component.kind());
            if (kind == null) {
                continue;
            }
            ConnectClasses.Adapted one = new ConnectClasses.Adapted(kind, component.className());
            components.add(
                    new Component(component.kind(), one.connectClass(), component.version(), component.settings()));
            Set<String> kinds = kindsOfClass.get(component.className());
            if (kinds.size() == 1) {
                adapted.add(one);
            } else if (kinds.equals(Set.of("converter", "header_converter"))) {
                if (component.kind().equals("converter")) {
                    adapted.add(new ConnectClasses.Adapted(
                            ConnectClasses.Kind.CONVERTER_AND_HEADER_CONVERTER, component.className()));
                }
            } else {
                throw new BundleException(
                        "A plugin class of the project is of two kinds Kafka Connect cannot run as one class",
                        List.of(component.className() + " is a "
                                + String.join(" and a ", kinds).replace('_', ' ') + "; make a class of each kind"));
            }
        }
        if (adapted.isEmpty()) {
            throw new BundleException(
                    "The project's JAR holds no plugin that Kafka Connect can run",
                    List.of("a Connect bundle adapts connectors, transformations, predicates, converters and header"
                            + " converters; list them in their SDK interfaces' META-INF/services files"));
        }
        List<String> tasks = new ArrayList<>();
        try (URLClassLoader loader = loader(request.projectJar(), classPath)) {
            for (ConnectClasses.Adapted task : tasks(loader, request.projectJar())) {
                adapted.add(task);
                tasks.add(task.connectClass());
            }
            checkNamesAreFree(loader, adapted);
        } catch (IOException e) {
            throw new BundleException("Cannot read " + request.projectJar(), List.of(e.toString()));
        }

        Map<String, Path> libraries = new LinkedHashMap<>();
        libraries.put(request.projectJar().getFileName().toString(), request.projectJar());
        kept.forEach(library -> libraries.put(library.file().getFileName().toString(), library.file()));
        libraries.put(sdkJar.getFileName().toString(), sdkJar);
        libraries.put(adapterJar.getFileName().toString(), adapterJar);
        String classesJar = request.name() + "-" + request.version() + "-connect-classes.jar";
        FileTime time = FileTime.from(
                LocalDate.parse(request.releaseDate()).atStartOfDay().toInstant(ZoneOffset.UTC));
        byte[] classes = ConnectClasses.jar(adapted, request.title() + " for Kafka Connect", request.version(), time);

        Path zip = BundleBuilder.assemble(
                request, request.bundleName() + "-connect", components, libraries, Map.of(classesJar, classes));
        List<String> names = new ArrayList<>(libraries.keySet());
        names.add(classesJar);
        return new Result(zip, components, tasks, names);
    }

    /** @return the project's concrete public SDK task classes, in name order */
    private static List<ConnectClasses.Adapted> tasks(ClassLoader loader, Path projectJar) {
        PluginDiscovery.Result found = PluginDiscovery.scanClasses(
                loader,
                List.of(projectJar),
                Map.of(PluginType.SOURCE, SourceTask.class, PluginType.SINK, SinkTask.class));
        List<ConnectClasses.Adapted> tasks = new ArrayList<>();
        for (DiscoveredPlugin plugin : found.plugins()) {
            tasks.add(new ConnectClasses.Adapted(
                    plugin.type() == PluginType.SOURCE
                            ? ConnectClasses.Kind.SOURCE_TASK
                            : ConnectClasses.Kind.SINK_TASK,
                    plugin.className()));
        }
        tasks.sort(java.util.Comparator.comparing(ConnectClasses.Adapted::sdkClass));
        return tasks;
    }

    private static void checkNamesAreFree(ClassLoader loader, List<ConnectClasses.Adapted> adapted) {
        List<String> taken = new ArrayList<>();
        for (ConnectClasses.Adapted one : adapted) {
            if (loader.getResource(one.connectClass().replace('.', '/') + ".class") != null) {
                taken.add(one.connectClass() + ", the Connect class of " + one.sdkClass()
                        + ", is a class of the project already; rename or move it");
            }
        }
        if (!taken.isEmpty()) {
            throw new BundleException("The names of the Connect bundle's classes are taken", taken);
        }
    }

    private static URLClassLoader loader(Path projectJar, List<Path> libraries) {
        List<URL> urls = new ArrayList<>();
        urls.add(PluginDescriber.url(projectJar));
        libraries.forEach(library -> urls.add(PluginDescriber.url(library)));
        return new URLClassLoader(urls.toArray(URL[]::new), ConnectBundleBuilder.class.getClassLoader());
    }
}
