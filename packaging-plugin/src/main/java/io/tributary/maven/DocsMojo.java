package io.tributary.maven;

import io.tributary.maven.bundle.BundleException;
import io.tributary.maven.bundle.Component;
import io.tributary.maven.bundle.ConnectorDocs;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Renders the settings of every plugin class the project's service files list (each connector,
 * converter, transformation and predicate) as a Markdown reference: a table a class, with each setting's
 * type, default, importance and description. The bundle goal puts the same reference in its {@code doc/}
 * and the settings in its manifest.
 */
@Mojo(
        name = "docs",
        defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DocsMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The compiled classes, with their service files. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    /** The Markdown file to write. */
    @Parameter(
            property = "tributary.docs.outputFile",
            defaultValue = "${project.build.directory}/tributary-docs/configuration.md")
    private File outputFile;

    /** The reference's title. Defaults to the project's name. */
    @Parameter(property = "tributary.docs.title", defaultValue = "${project.name}")
    private String title;

    /** Skips the goal. */
    @Parameter(property = "tributary.docs.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the configuration reference (tributary.docs.skip)");
            return;
        }
        if (Projects.skipsPomProject(project, getLog(), "the configuration reference")) {
            return;
        }
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                Path path = Path.of(element);
                if (!path.equals(classesDirectory.toPath())) {
                    classpath.add(path);
                }
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The runtime classpath is not resolved: " + e.getMessage(), e);
        }
        List<Component> components;
        try {
            components = ConnectorDocs.write(
                    classesDirectory.toPath(),
                    classpath,
                    title == null ? project.getArtifactId() : title,
                    outputFile.toPath());
        } catch (BundleException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        getLog().info("Configuration reference of " + components.size() + " plugin class(es): " + outputFile);
    }
}
