package io.tributary.maven;

import io.tributary.maven.bundle.BundleException;
import io.tributary.maven.bundle.BundleValidator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the connector bundle as a worker will meet it: loads its {@code lib/} JARs in a class loader of
 * their own with the runtime's plugin discovery, makes each plugin class and asks it for its version and
 * settings. Fails, with every reason, on a plugin class that cannot be loaded or made, a connector without a
 * version, a bundled copy of the Tributary SDK or of kafka-clients, a package split between JARs, or a
 * class in two JARs with different content.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends BundleNameMojo {

    /**
     * The bundle to check. Defaults to the one the bundle goal built in the output directory: {@code
     * <owner>-<name>-<version>.zip}.
     */
    @Parameter(property = "tributary.bundle.file")
    private File bundle;

    /** Skips the goal. */
    @Parameter(property = "tributary.validate.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the bundle check (tributary.validate.skip)");
            return;
        }
        if (bundle == null && Projects.skipsPomProject(project, getLog(), "the bundle check")) {
            return;
        }
        Path zip = bundle != null ? bundle.toPath() : find();
        BundleValidator.Report report;
        try {
            report = BundleValidator.validate(zip, outputDirectory.toPath().resolve("tributary-validate"));
        } catch (BundleException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        report.components()
                .forEach(c -> getLog().info("Loaded " + c.kind().replace('_', ' ') + " " + c.className()
                        + (c.version().isEmpty() ? "" : " " + c.version()) + ", "
                        + c.settings().size()
                        + " setting(s)"));
        if (!report.problems().isEmpty()) {
            throw new MojoFailureException(new BundleException(
                            "The bundle " + zip.getFileName() + " is not fit for a worker", report.problems())
                    .getMessage());
        }
        getLog().info("The bundle " + zip.getFileName() + " is fit for a worker");
    }

    private Path find() throws MojoExecutionException {
        Path zip = bundleZip();
        if (!Files.isRegularFile(zip)) {
            throw new MojoExecutionException("There is no bundle " + zip
                    + ": run the bundle goal first, or name the bundle with tributary.bundle.file");
        }
        return zip;
    }
}
