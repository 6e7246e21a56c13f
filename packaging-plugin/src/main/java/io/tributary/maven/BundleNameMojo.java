package io.tributary.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the bundle and validate goals share: the project, and the settings that name the bundle and say
 * where it is, {@code <outputDirectory>/<owner>-<name>-<version>.zip}.
 */
abstract class BundleNameMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /**
     * The publisher's short name: the first part of the bundle's name. Defaults to the project's
     * organization name in lower case with dashes, else the last part of its groupId.
     */
    @Parameter(property = "tributary.bundle.owner")
    String owner;

    /** The component's name: the second part of the bundle's name. */
    @Parameter(property = "tributary.bundle.name", defaultValue = "${project.artifactId}")
    String name;

    /** The component's version: the last part of the bundle's name. */
    @Parameter(property = "tributary.bundle.version", defaultValue = "${project.version}")
    String version;

    /** Where the bundle is written. */
    @Parameter(property = "tributary.bundle.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    /** @return the owner given, else the one the project implies */
    String resolvedOwner() {
        return Projects.owner(project, owner);
    }

    /** @return where the bundle goal writes the ZIP */
    Path bundleZip() {
        return outputDirectory.toPath().resolve(resolvedOwner() + "-" + name + "-" + version + ".zip");
    }
}
