package io.tributary.maven;

import io.tributary.maven.bundle.BundleException;
import io.tributary.maven.bundle.ServiceFiles;
import io.tributary.sdk.plugin.PluginType;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Writes the {@code META-INF/services} files that list the project's plugin classes, for each kind of
 * plugin whose file the author did not write, so the runtime and Kafka Connect find them. Every public,
 * concrete class with a public no-argument constructor that implements an SDK plugin interface (a
 * connector, converter, header converter, transformation, predicate or config provider) is listed. A
 * service file in the project's resources is kept as it is.
 */
@Mojo(
        name = "services",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public class ServicesMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The compiled classes, where the service files are written. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    /** Skips the goal. */
    @Parameter(property = "tributary.services.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the service files (tributary.services.skip)");
            return;
        }
        if (Projects.skipsPomProject(project, getLog(), "the service files")) {
            return;
        }
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getCompileClasspathElements()) {
                classpath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The compile classpath is not resolved: " + e.getMessage(), e);
        }
        Map<PluginType, List<String>> written;
        try {
            written = ServiceFiles.write(classesDirectory.toPath(), classpath);
        } catch (BundleException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        written.forEach(
                (type, classes) -> getLog().info("Wrote " + type.serviceFile() + ": " + String.join(", ", classes)));
    }
}
