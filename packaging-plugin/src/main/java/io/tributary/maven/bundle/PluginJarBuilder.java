package io.tributary.maven.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the second format of a bundle: one self-contained plugin JAR, for places that take a single JAR.
 * It merges the project's JAR and its runtime dependencies (never the SDK or kafka-clients), joining their
 * {@code META-INF/services} files line by line. Signatures and module descriptors are dropped, as they no
 * longer hold for the merged JAR. A class that two JARs hold with different content fails the build: which
 * one would win is a guess.
 */
public final class PluginJarBuilder {
    private PluginJarBuilder() {}

    /**
     * @param request the project and its files
     * @return the plugin JAR, {@code <owner>-<name>-<version>.jar} in the output folder
     * @throws BundleException if its plugin classes are unusable, its classes clash, or it cannot be written
     */
    public static Path build(BundleRequest request) {
        List<BundleRequest.Library> kept = BundleBuilder.runtimeLibraries(request, new LinkedHashSet<>());
        PluginDescriber.describe(
                request.projectJar(),
                kept.stream().map(BundleRequest.Library::file).toList());
        Map<String, byte[]> entries = new TreeMap<>();
        Map<String, Set<String>> services = new TreeMap<>();
        Set<String> clashes = new TreeSet<>();
        List<Path> jars = new ArrayList<>();
        jars.add(request.projectJar());
        kept.forEach(library -> jars.add(library.file()));
        for (Path jar : jars) {
            try (ZipFile file = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> all = file.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    String name = entry.getName();
                    if (entry.isDirectory() || dropped(name)) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = file.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    if (name.startsWith("META-INF/services/")) {
                        Set<String> lines = services.computeIfAbsent(name, n -> new LinkedHashSet<>());
                        new String(bytes, StandardCharsets.UTF_8)
                                .lines()
                                .map(line -> line.replaceAll("#.*", "").strip())
                                .filter(line -> !line.isEmpty())
                                .forEach(lines::add);
                        continue;
                    }
                    byte[] first = entries.putIfAbsent(name, bytes);
                    if (first != null && name.endsWith(".class") && !Arrays.equals(first, bytes)) {
                        clashes.add(name.replace('/', '.').replaceAll("\\.class$", "") + " (again in "
                                + jar.getFileName() + ")");
                    }
                }
            } catch (IOException e) {
                throw new BundleException("Cannot read " + jar, List.of(e.toString()));
            }
        }
        if (!clashes.isEmpty()) {
            throw new BundleException(
                    "Two JARs hold different versions of these classes; exclude one of the libraries",
                    List.copyOf(clashes));
        }
        services.forEach(
                (name, lines) -> entries.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        Path jar = request.outputDirectory().resolve(request.bundleName() + ".jar");
        try {
            Files.createDirectories(request.outputDirectory());
            write(jar, entries, request);
        } catch (IOException e) {
            throw new BundleException("Cannot write the plugin JAR " + jar, List.of(e.toString()));
        }
        return jar;
    }

    /** Entries that no longer hold once JARs are merged. */
    private static boolean dropped(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF")
                || (upper.startsWith("META-INF/")
                        && (upper.endsWith(".SF")
                                || upper.endsWith(".DSA")
                                || upper.endsWith(".RSA")
                                || upper.endsWith(".EC")))
                || name.endsWith("module-info.class");
    }

    private static void write(Path jar, Map<String, byte[]> entries, BundleRequest request) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Created-By", "tributary-maven-plugin");
        main.put(Attributes.Name.IMPLEMENTATION_TITLE, request.title());
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, request.version());
        FileTime time = FileTime.from(
                LocalDate.parse(request.releaseDate()).atStartOfDay().toInstant(ZoneOffset.UTC));
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream merged = new JarOutputStream(out)) {
            JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
            manifestEntry.setLastModifiedTime(time);
            merged.putNextEntry(manifestEntry);
            manifest.write(merged);
            merged.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                JarEntry jarEntry = new JarEntry(entry.getKey());
                jarEntry.setLastModifiedTime(time);
                merged.putNextEntry(jarEntry);
                merged.write(entry.getValue());
                merged.closeEntry();
            }
        }
    }
}
