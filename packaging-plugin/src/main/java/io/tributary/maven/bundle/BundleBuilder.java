package io.tributary.maven.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a connector bundle: a ZIP laid out like a Confluent Hub component archive, which the Tributary
 * runtime and Apache Kafka Connect both load from {@code plugin.path}. One top folder, {@code
 * <owner>-<name>-<version>/}, holds {@code manifest.json}, {@code lib/} (the project's JAR and its runtime
 * dependencies, never the SDK or kafka-clients, which every worker provides), {@code doc/} (README,
 * LICENSE, the generated configuration reference), {@code etc/} (example configurations) and {@code
 * assets/} (a logo). Entries are sorted and dated with the release date, so the same input gives the same
 * bytes.
 */
public final class BundleBuilder {
    /** What every worker provides: a bundle never holds these, nor what they bring in. */
    static final Set<String> PROVIDED = Set.of("io.tributary:tributary-sdk", "org.apache.kafka:kafka-clients");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What was built.
     *
     * @param zip the bundle
     * @param components the plugin classes it holds
     * @param libraries the JARs in its {@code lib/}, the project's first
     * @param leftOut the dependencies left out because a worker provides them, as {@code group:artifact}
     */
    public record Result(Path zip, List<Component> components, List<String> libraries, List<String> leftOut) {}

    private BundleBuilder() {}

    /**
     * @param request the project and its files
     * @return the bundle and what it holds
     * @throws BundleException if the project's plugin classes are unusable or the files cannot be written
     */
    public static Result build(BundleRequest request) {
        Set<String> leftOut = new LinkedHashSet<>();
        List<BundleRequest.Library> kept = runtimeLibraries(request, leftOut);
        List<Component> components = PluginDescriber.describe(
                request.projectJar(),
                kept.stream().map(BundleRequest.Library::file).toList());
        if (components.isEmpty()) {
            throw new BundleException(
                    "The project's JAR holds no plugin",
                    List.of("list each connector, converter, transformation or predicate class in its SDK"
                            + " interface's META-INF/services file, such as"
                            + " META-INF/services/io.tributary.sdk.source.SourceConnector"));
        }

        Map<String, Path> libraries = new LinkedHashMap<>();
        libraries.put(request.projectJar().getFileName().toString(), request.projectJar());
        for (BundleRequest.Library library : kept) {
            libraries.put(library.file().getFileName().toString(), library.file());
        }
        Path zip = assemble(request, request.bundleName(), components, libraries, Map.of());
        return new Result(zip, components, List.copyOf(libraries.keySet()), List.copyOf(leftOut));
    }

    /**
     * Writes a bundle's ZIP: its manifest, configuration reference, documents, examples and assets from the
     * request, and the libraries given.
     *
     * @param request the project and its files
     * @param bundleName the ZIP's name without {@code .zip}, and its top folder
     * @param components the plugin classes it holds, as the manifest lists them
     * @param libraries the files of {@code lib/}, by their names there
     * @param madeLibraries more files of {@code lib/}, made by the build, by their names there
     * @return the ZIP
     */
    static Path assemble(
            BundleRequest request,
            String bundleName,
            List<Component> components,
            Map<String, Path> libraries,
            Map<String, byte[]> madeLibraries) {
        String top = bundleName + "/";
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put(top + "manifest.json", manifest(request, components));
        entries.put(
                top + "doc/configuration.md",
                ConfigReference.render(request.title(), components).getBytes(StandardCharsets.UTF_8));
        madeLibraries.forEach((name, bytes) -> entries.put(top + "lib/" + name, bytes));
        Map<String, Path> files = new LinkedHashMap<>();
        libraries.forEach((name, file) -> files.put(top + "lib/" + name, file));
        request.readme().ifPresent(readme -> files.put(top + "doc/" + readme.getFileName(), readme));
        request.licenseFile().ifPresent(license -> files.put(top + "doc/" + license.getFileName(), license));
        request.etcDirectory().ifPresent(etc -> addTree(files, etc, top + "etc/"));
        request.assetsDirectory().ifPresent(assets -> addTree(files, assets, top + "assets/"));

        Path zip = request.outputDirectory().resolve(bundleName + ".zip");
        try {
            Files.createDirectories(request.outputDirectory());
            files.forEach((entry, file) -> entries.put(entry, read(file)));
            write(zip, entries, request.releaseDate());
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException("Cannot write the bundle " + zip, List.of(e.toString()));
        }
        return zip;
    }

    /**
     * @param request the project
     * @param leftOut receives, as {@code group:artifact}, the libraries left out because a worker provides them
     * @return the libraries a bundle holds: the project's runtime dependencies but the SDK, kafka-clients and
     *     what they bring in
     */
    static List<BundleRequest.Library> runtimeLibraries(BundleRequest request, Set<String> leftOut) {
        List<BundleRequest.Library> kept = new ArrayList<>();
        for (BundleRequest.Library library : request.libraries()) {
            if (PROVIDED.contains(library.key()) || library.trail().stream().anyMatch(PROVIDED::contains)) {
                leftOut.add(library.key());
            } else {
                kept.add(library);
            }
        }
        return kept;
    }

    private static byte[] manifest(BundleRequest request, List<Component> components) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("name", request.name());
        manifest.put("version", request.version());
        manifest.put("title", request.title());
        manifest.put("description", request.description());
        manifest.putObject("owner").put("username", request.owner()).put("name", request.ownerName());
        ArrayNode types = manifest.putArray("component_types");
        components.stream().map(c -> componentType(c.kind())).distinct().forEach(types::add);
        ArrayNode tags = manifest.putArray("tags");
        request.tags().forEach(tags::add);
        manifest.putObject("features")
                .put("single_message_transforms", true)
                .put("kafka_connect_api", true)
                .putArray("supported_encodings")
                .add("any");
        ArrayNode licenses = manifest.putArray("license");
        request.licenses()
                .forEach(license ->
                        licenses.addObject().put("name", license.name()).put("url", license.url()));
        request.logo().ifPresent(logo -> manifest.put("logo", "assets/" + logo));
        manifest.put("documentation_url", request.documentationUrl());
        manifest.put("source_url", request.sourceUrl());
        manifest.put("release_date", request.releaseDate());
        for (Map.Entry<String, Set<String>> section : SECTIONS.entrySet()) {
            List<Component> ofSection = components.stream()
                    .filter(c -> section.getValue().contains(c.kind()))
                    .toList();
            if (ofSection.isEmpty()) {
                continue;
            }
            ArrayNode list = manifest.putArray(section.getKey());
            for (Component component : ofSection) {
                ObjectNode node = list.addObject()
                        .put("class", component.className())
                        .put("type", component.kind())
                        .put("version", component.version());
                ArrayNode settings = node.putArray("config");
                for (Component.Setting setting : component.settings()) {
                    settings.addObject()
                            .put("name", setting.name())
                            .put("type", setting.type())
                            .put("required", setting.required())
                            .put("default", setting.defaultValue())
                            .put("importance", setting.importance())
                            .put("documentation", setting.documentation())
                            .put("group", setting.group());
                }
            }
        }
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's lists of plugin classes, by the kinds each holds. */
    private static final Map<String, Set<String>> SECTIONS = sections();

    private static Map<String, Set<String>> sections() {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        sections.put("connectors", Set.of("source", "sink"));
        sections.put("converters", Set.of("converter", "header_converter"));
        sections.put("transforms", Set.of("transformation"));
        sections.put("predicates", Set.of("predicate"));
        sections.put("config_providers", Set.of("config_provider"));
        return sections;
    }

    /** The component type a Confluent Hub manifest uses for a kind of plugin. */
    private static String componentType(String kind) {
        return switch (kind) {
            case "source", "sink", "converter", "predicate" -> kind;
            case "header_converter" -> "converter";
            case "transformation" -> "transform";
            default -> kind.replace('_', '-');
        };
    }

    private static void addTree(Map<String, Path> files, Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            tree.filter(Files::isRegularFile)
                    .forEach(file -> files.put(
                            prefix + folder.relativize(file).toString().replace('\\', '/'), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path zip, Map<String, byte[]> entries, String releaseDate) throws IOException {
        FileTime time =
                FileTime.from(LocalDate.parse(releaseDate).atStartOfDay().toInstant(ZoneOffset.UTC));
        Set<String> folders = new LinkedHashSet<>();
        for (String name : entries.keySet()) {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                folders.add(name.substring(0, slash + 1));
            }
        }
        Map<String, byte[]> all = new TreeMap<>(entries);
        folders.forEach(folder -> all.put(folder, null));
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : all.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(time);
                zipped.putNextEntry(zipEntry);
                if (entry.getValue() != null) {
                    zipped.write(entry.getValue());
                }
                zipped.closeEntry();
            }
        }
    }
}
