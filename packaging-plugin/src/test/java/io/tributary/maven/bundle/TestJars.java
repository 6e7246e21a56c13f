package io.tributary.maven.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** JARs and bundle requests the packaging tests build from. */
final class TestJars {
    private TestJars() {}

    /**
     * @param folder where the JAR is written
     * @param name its file name
     * @param entries its entries: a Class is written as its compiled bytes, anything else as text
     * @return the JAR
     */
    static Path jar(Path folder, String name, Map<String, Object> entries) throws IOException {
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() instanceof Class<?> type) {
                    try (InputStream in = type.getClassLoader().getResourceAsStream(classFile(type))) {
                        in.transferTo(zip);
                    }
                } else {
                    zip.write(String.valueOf(entry.getValue()).getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return jar;
    }

    /** @return the JAR entry of a class */
    static String classFile(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    /**
     * @return a request for {@code acme-greetings-1.0.0} with no documents, its libraries direct
     *     dependencies of group {@code com.example}, written to {@code folder/target}
     */
    static BundleRequest request(Path folder, Path projectJar, Path... libraries) {
        List<BundleRequest.Library> kept = new ArrayList<>();
        for (Path library : libraries) {
            kept.add(new BundleRequest.Library(
                    "com.example", library.getFileName().toString(), "1", library, List.of()));
        }
        return new BundleRequest(
                "acme",
                "greetings",
                "1.0.0",
                "Greetings",
                "",
                "Acme",
                List.of(),
                List.of(),
                "",
                "",
                "2026-12-04",
                projectJar,
                kept,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                folder.resolve("target"));
    }
}
