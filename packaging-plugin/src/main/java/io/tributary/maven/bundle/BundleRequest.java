package io.tributary.maven.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a bundle is made from, as plain values: what the build tool knows of the project, and where
 * its files are. No build tool types, so the bundle can be built and tested without one.
 *
 * @param owner the publisher's short name, the first part of the bundle's name, such as {@code acme}
 * @param name the component's name, such as {@code kafka-connect-orders}
 * @param version its version
 * @param title its display name
 * @param description what it does
 * @param ownerName the publisher's display name
 * @param tags search tags
 * @param licenses its licenses
 * @param documentationUrl where its documentation is; may be empty
 * @param sourceUrl where its source is; may be empty
 * @param releaseDate its release date, {@code yyyy-MM-dd}
 * @param projectJar the project's own JAR
 * @param libraries its runtime dependencies
 * @param readme the README to put in {@code doc/}, if any
 * @param licenseFile the LICENSE to put in {@code doc/}, if any
 * @param etcDirectory example configurations for {@code etc/}, if any
 * @param assetsDirectory images for {@code assets/}, if any
 * @param logo the logo's file name in the assets folder, if any
 * @param outputDirectory where the ZIP is written
 */
public record BundleRequest(
        String owner,
        String name,
        String version,
        String title,
        String description,
        String ownerName,
        List<String> tags,
        List<License> licenses,
        String documentationUrl,
        String sourceUrl,
        String releaseDate,
        Path projectJar,
        List<Library> libraries,
        Optional<Path> readme,
        Optional<Path> licenseFile,
        Optional<Path> etcDirectory,
        Optional<Path> assetsDirectory,
        Optional<String> logo,
        Path outputDirectory) {

    /** Copies the lists and checks the required values. */
    public BundleRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(projectJar, "projectJar");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        tags = List.copyOf(tags);
        licenses = List.copyOf(licenses);
        libraries = List.copyOf(libraries);
    }

    /** @return the bundle's name and its top folder: {@code <owner>-<name>-<version>} */
    public String bundleName() {
        return owner + "-" + name + "-" + version;
    }

    /**
     * A license.
     *
     * @param name its name, such as {@code Apache License 2.0}
     * @param url where its text is; may be empty
     */
    public record License(String name, String url) {}

    /**
     * A runtime dependency of the project.
     *
     * @param groupId its group
     * @param artifactId its artifact
     * @param version its version
     * @param file its JAR
     * @param trail the {@code groupId:artifactId} of each dependency that brought it in, the project's
     *     direct dependency first; empty for a direct dependency
     */
    public record Library(String groupId, String artifactId, String version, Path file, List<String> trail) {
        /** Copies the trail. */
        public Library {
            trail = List.copyOf(trail);
        }

        /** @return {@code groupId:artifactId} */
        public String key() {
            return groupId + ":" + artifactId;
        }
    }
}
